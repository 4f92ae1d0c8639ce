using System.Globalization;
using Rosenblatt.Data;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Turns a <c>--label</c> value (a header name or a 0-based index) into CSV options.</summary>
internal static class CsvColumns
{
    /// <summary>Options for a CSV whose label column is <paramref name="label"/>: a number is an index, anything else a header name, null the last column.</summary>
    /// <param name="label">The <c>--label</c> value, or null.</param>
    public static CsvOptions Options(string? label) =>
        label is null ? CsvOptions.Default
        : int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) ? new CsvOptions { LabelColumnIndex = index }
        : new CsvOptions { LabelColumn = label };
}
