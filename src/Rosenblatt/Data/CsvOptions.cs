namespace Rosenblatt.Data;

/// <summary>How to read a CSV file into a <see cref="Dataset"/>: header, label column, delimiter, task.</summary>
/// <remarks>
/// The defaults read the common case with no configuration: comma-separated, header detected, the last
/// column as the class label. Every setting is validated when the file is read, and a mistake
/// (a label column that does not exist, two ways of naming it) is reported with the file's name.
/// </remarks>
/// <example>
/// <code>
/// var ds = CsvLoader.Load("penguins.csv", new CsvOptions { LabelColumn = "species" });
/// </code>
/// </example>
public sealed record CsvOptions
{
    /// <summary>The defaults: header auto-detected, label in the last column, comma-separated, classification.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>Whether the first row holds column names: true, false, or null to detect it.</summary>
    /// <remarks>Detection: the first row is a header when no cell outside the label column is a number.
    /// A row mixing numbers and text is read as data, so a typo in the first sample is an error rather
    /// than a sample silently lost as column names. A header containing numbers ("1","2","3", or
    /// "age,2020,label") cannot be detected; declare it with true.</remarks>
    public bool? HasHeader { get; init; }

    /// <summary>The label column by its header name (needs a header); null to use <see cref="LabelColumnIndex"/>.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>The label column by 0-based position; null (with no <see cref="LabelColumn"/>) means the last column.</summary>
    public int? LabelColumnIndex { get; init; }

    /// <summary>The field separator; ',' by default. Use ';' for some European exports, '\t' for TSV.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>When true the label column holds real-valued targets (regression) instead of class names.</summary>
    public bool Regression { get; init; }

    /// <summary>The classes to encode labels against, in index order; null learns them from the file (sorted).</summary>
    /// <remarks>Set it when evaluating a trained model on new data, so class i means the same class the model
    /// learned even if the file lacks some classes or lists them in another order. A label not in the list is an error.</remarks>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>The names error messages give the settings above; a front end passes its own (the CLI's flags).</summary>
    public CsvSettingNames SettingNames { get; init; } = CsvSettingNames.Library;

    /// <summary>The data set's name for reports; null uses the file name without its extension.</summary>
    public string? Name { get; init; }
}
