namespace Rosenblatt.Cli.Conventions;

/// <summary>The options besides <c>--data</c> that decide what is loaded.</summary>
/// <param name="Label">The CSV label column (header name or 0-based index), or null for the last column.</param>
/// <param name="Samples">How many points a synthetic set gets.</param>
/// <param name="Noise">A synthetic set's noise, or null for its default.</param>
/// <param name="Seed">The seed for a synthetic set.</param>
/// <param name="DataDirectory">Where MNIST-style sets live, or null for <c>$ROSENBLATT_DATA</c>, then <c>./data</c>.</param>
internal sealed record DataRequest(string? Label = null, int Samples = 200, double? Noise = null, long Seed = 0, string? DataDirectory = null);
