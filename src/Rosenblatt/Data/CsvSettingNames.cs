namespace Rosenblatt.Data;

/// <summary>How <see cref="CsvLoader"/>'s error messages name the settings a fix should change.</summary>
/// <remarks>
/// A library user fixes a file by setting <see cref="CsvOptions.HasHeader"/>; a command-line user by typing a flag.
/// An error must speak the words of the interface in use, so a front end (the CLI) passes its own names here
/// and the same checks give "pass --header true" instead of "set HasHeader to true".
/// </remarks>
public sealed record CsvSettingNames
{
    /// <summary>The library's own names: <c>HasHeader</c>, <c>Delimiter</c>, <c>LabelColumn</c>, <c>LabelColumnIndex</c>.</summary>
    public static CsvSettingNames Library { get; } = new();

    /// <summary>The fix for "line 1 is a header": by default <c>set HasHeader to true</c>.</summary>
    public string HeaderTrue { get; init; } = "set HasHeader to true";

    /// <summary>The fix for "line 1 is data": by default <c>set HasHeader to false</c>.</summary>
    public string HeaderFalse { get; init; } = "set HasHeader to false";

    /// <summary>Where the field separator is set: by default <c>options.Delimiter</c>.</summary>
    public string Delimiter { get; init; } = "options.Delimiter";

    /// <summary>How the label column is named by header: by default <c>LabelColumn</c>.</summary>
    public string LabelColumn { get; init; } = "LabelColumn";

    /// <summary>How the label column is named by position: by default <c>LabelColumnIndex</c>.</summary>
    public string LabelColumnIndex { get; init; } = "LabelColumnIndex";

    /// <summary>Whether the file has a header: by default <c>HasHeader</c>.</summary>
    public string HasHeader { get; init; } = "HasHeader";
}
