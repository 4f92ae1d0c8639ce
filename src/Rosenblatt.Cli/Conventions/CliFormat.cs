using System.Globalization;

namespace Rosenblatt.Cli.Conventions;

/// <summary>How numbers look in human-readable output: invariant culture, at most 6 decimals, no trailing zeros.</summary>
/// <remarks>
/// The same format as <c>NeuronTrace.ToString</c>, so a table cell and the trace beside it agree digit for
/// digit, and output does not change with the machine's locale (a test snapshot would break on "0,5").
/// JSON output does not use this: it keeps full precision.
/// </remarks>
internal static class CliFormat
{
    /// <summary>Formats one number, e.g. <c>-1.5</c>, <c>0.622459</c>, <c>1</c>.</summary>
    /// <param name="value">The number.</param>
    /// <remarks>Values too small for six decimals print in scientific notation, so a learner sees
    /// -2.78e-17 (rounding left over from 0.2 − 0.2) instead of a puzzling "-0".</remarks>
    public static string Number(double value) =>
        value != 0 && Math.Abs(value) < 5e-7 && double.IsFinite(value)
            ? value.ToString("0.##e+0", CultureInfo.InvariantCulture)
            : value.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>Formats one number to <paramref name="digits"/> significant digits, e.g. <c>0.0006965</c> or <c>-0.0121244</c>.</summary>
    /// <param name="value">The number.</param>
    /// <param name="digits">Significant digits, 1 to 17.</param>
    /// <remarks>For values whose size varies by orders of magnitude (losses, gradients), where fixed decimals would
    /// print 0.000697 or 0; tiny values switch to exponents as <c>7.993e-05</c> (lowercase, as in <see cref="Number"/>).
    /// With 6 digits it is the library's walkthrough format, so a table cell and the chain-rule numbers beside it
    /// agree digit for digit. Never prints "-0".</remarks>
    public static string Significant(double value, int digits)
    {
        string text = value.ToString("G" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).Replace('E', 'e');
        return text == "-0" ? "0" : text;
    }

    /// <summary>Formats a fraction as a percentage with two decimals, e.g. <c>0.9667</c> as <c>96.67%</c>.</summary>
    /// <param name="fraction">The fraction, 1 for all.</param>
    /// <remarks>The one format for accuracies and probabilities in tables and summaries, so train, evaluate,
    /// predict, info and the progress line print the same figure the same way.</remarks>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>Formats a vector as <c>[1, 0.5, -2]</c>.</summary>
    /// <param name="values">The numbers.</param>
    public static string Vector(IEnumerable<double> values) => "[" + string.Join(", ", values.Select(Number)) + "]";
}
