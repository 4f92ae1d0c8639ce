using System.Globalization;
using Rosenblatt.Data;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Turns <c>--label</c>, <c>--header</c> and <c>--delimiter</c> into CSV options whose errors name those flags.</summary>
internal static class CsvColumns
{
    /// <summary>The flags' names, for the loader's error messages: a CLI user fixes a file with <c>--header true</c>, not <c>HasHeader</c>.</summary>
    public static CsvSettingNames Names { get; } = new()
    {
        HeaderTrue = "pass --header true",
        HeaderFalse = "pass --header false",
        Delimiter = "--delimiter",
        LabelColumn = "--label",
        LabelColumnIndex = "--label with a 0-based column index",
        HasHeader = "--header",
    };

    /// <summary>Options for a CSV whose label column is <paramref name="label"/>: a number is an index, anything else a header name, null the last column.</summary>
    /// <param name="label">The <c>--label</c> value, or null.</param>
    public static CsvOptions Options(string? label) => Options(new DataRequest(label));

    /// <summary>Options from every CSV flag in <paramref name="request"/>.</summary>
    /// <param name="request">The label column, header, delimiter and task.</param>
    public static CsvOptions Options(DataRequest request)
    {
        string? label = request.Label;
        var options = label is null ? new CsvOptions()
            : int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out int index) ? new CsvOptions { LabelColumnIndex = index }
            : new CsvOptions { LabelColumn = label };
        return options with
        {
            HasHeader = request.Header,
            Delimiter = request.Delimiter ?? ',',
            Regression = request.Regression,
            SettingNames = Names,
        };
    }
}
