namespace Rosenblatt.Cli.Conventions;

/// <summary>The options besides <c>--data</c> that decide what is loaded.</summary>
/// <param name="Label">The CSV label column (header name or 0-based index), or null for the last column.</param>
/// <param name="Samples">How many points a synthetic set gets.</param>
/// <param name="Noise">A synthetic set's noise, or null for its default.</param>
/// <param name="Seed">The seed for a synthetic set.</param>
/// <param name="DataDirectory">Where MNIST-style sets live, or null for <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
/// <param name="Header">The CSV's <c>--header</c>: true, false, or null to detect it.</param>
/// <param name="Delimiter">The CSV's <c>--delimiter</c>, or null for a comma.</param>
/// <param name="Regression">Whether a CSV's label column holds real-valued targets.</param>
internal sealed record DataRequest(string? Label = null, int Samples = 200, double? Noise = null, long Seed = 0, string? DataDirectory = null,
    bool? Header = null, char? Delimiter = null, bool Regression = false);
