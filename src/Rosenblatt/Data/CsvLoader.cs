using System.Globalization;
using System.IO.Compression;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Data;

/// <summary>Reads CSV files into <see cref="Dataset"/>s: numeric features, a label column, an optional header.</summary>
/// <remarks>
/// <para>Parsing is Sylvan.Data.Csv's (RFC 4180: quoted fields may hold commas, doubled quotes and line
/// breaks). Numbers are read in the invariant culture (<c>3.5</c>, <c>-1e-3</c>) whatever the machine's
/// locale, so a file trains the same everywhere. A file starting with the gzip magic bytes is unpacked
/// on the fly.</para>
/// <para>String labels become class indices in sorted order (numerically when every label is a number,
/// so "10" follows "9"), remembered as <see cref="Dataset.ClassNames"/>. Every problem — a cell that is
/// not a number, an empty cell, a row with too few fields, a missing label column, an empty file — is a
/// <see cref="CsvFormatException"/> naming the file, the line as an editor shows it, the column by number
/// and name, and the value. Nothing is silently replaced by zero.</para>
/// </remarks>
/// <example>
/// <code>
/// Dataset train = CsvLoader.Load("iris.csv", new CsvOptions { LabelColumn = "species" });
/// Dataset input = CsvLoader.LoadForPrediction("new.csv", expectedFeatures: 4);
/// </code>
/// </example>
public static class CsvLoader
{
    private const int MaxQuotedValue = 60;

    /// <summary>Reads a labelled CSV file: features in every column but the label column.</summary>
    /// <param name="path">The file; gzip-compressed files are detected by their magic bytes.</param>
    /// <param name="options">Header, label column, delimiter and task; null for <see cref="CsvOptions.Default"/>.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The content cannot become a data set; the message says where and why.</exception>
    /// <exception cref="ArgumentException">The options contradict each other.</exception>
    public static Dataset Load(string path, CsvOptions? options = null)
    {
        using var text = Open(path);
        return Load(text, path, options);
    }

    /// <summary>Reads labelled CSV text from a reader, naming it <paramref name="source"/> in errors.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name or description used in error messages and as the default name.</param>
    /// <param name="options">Header, label column, delimiter and task; null for <see cref="CsvOptions.Default"/>.</param>
    /// <exception cref="CsvFormatException">The content cannot become a data set.</exception>
    /// <exception cref="ArgumentException">The options contradict each other.</exception>
    public static Dataset Load(TextReader reader, string source, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        options ??= CsvOptions.Default;
        CheckOptions(options);
        using var records = new CsvRecordReader(reader, options.Delimiter, source);
        var first = ReadFirst(records);
        int label = LabelIndex(records, first, options);
        return Read(records, first, label, options);
    }

    /// <summary>Reads CSV input for <c>predict</c>: features only, checked against the model's feature count.</summary>
    /// <remarks>
    /// A file with a label column (for example the training file itself) is accepted: the column is
    /// skipped, so the returned set has no labels. To evaluate against the labels, use
    /// <see cref="Load(string, CsvOptions?)"/> with <see cref="CsvOptions.ClassNames"/> set to the model's classes.
    /// </remarks>
    /// <param name="path">The file; gzip-compressed files are detected by their magic bytes.</param>
    /// <param name="expectedFeatures">The number of features the model was trained on.</param>
    /// <param name="hasLabelColumn">True if the file also holds a label column, false if not, null to decide from the
    /// column count (<paramref name="expectedFeatures"/> columns: none; one more: a label column).</param>
    /// <param name="options">Header, label column position and delimiter; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="CsvFormatException">The column count does not fit the model, or a cell is bad.</exception>
    public static Dataset LoadForPrediction(string path, int expectedFeatures, bool? hasLabelColumn = null, CsvOptions? options = null)
    {
        using var text = Open(path);
        return LoadForPrediction(text, path, expectedFeatures, hasLabelColumn, options);
    }

    /// <summary>Reads CSV input for <c>predict</c> from a reader; see <see cref="LoadForPrediction(string, int, bool?, CsvOptions?)"/>.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">The file name or description used in error messages.</param>
    /// <param name="expectedFeatures">The number of features the model was trained on.</param>
    /// <param name="hasLabelColumn">True, false, or null to decide from the column count.</param>
    /// <param name="options">Header, label column position and delimiter; null for the defaults.</param>
    /// <exception cref="CsvFormatException">The column count does not fit the model, or a cell is bad.</exception>
    public static Dataset LoadForPrediction(TextReader reader, string source, int expectedFeatures, bool? hasLabelColumn = null, CsvOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(source);
        Guard.AtLeast(expectedFeatures, 1, nameof(expectedFeatures), "pass the model's feature count.");
        options ??= CsvOptions.Default;
        CheckOptions(options);
        using var records = new CsvRecordReader(reader, options.Delimiter, source);
        var first = ReadFirst(records);
        int width = first.Length;
        bool labelled = hasLabelColumn ?? width == expectedFeatures + 1;
        int wanted = labelled ? expectedFeatures + 1 : expectedFeatures;
        if (width != wanted)
        {
            string expected = hasLabelColumn switch
            {
                true => $"{expectedFeatures + 1} (the model's {expectedFeatures} features plus the label column)",
                false => $"{expectedFeatures} (the model's features)",
                null => $"{expectedFeatures} (the model's features), or {expectedFeatures + 1} with a label column",
            };
            throw new CsvFormatException(
                $"{source}, line {records.Line}: the file has {width} column(s) but the model expects {expected}. " +
                "help: pass the same feature columns, in the same order, as the training data.",
                source, records.Line, null, null, null);
        }
        int label = labelled ? LabelIndex(records, first, options) : -1;
        return Read(records, first, label, options with { Regression = false }, keepLabels: false);
    }

    private static void CheckOptions(CsvOptions options)
    {
        if (options.LabelColumn is not null && options.LabelColumnIndex is not null)
            throw Guard.Error(nameof(options),
                $"both LabelColumn ('{options.LabelColumn}') and LabelColumnIndex ({options.LabelColumnIndex}) are set.",
                "name the label column one way: by header name or by 0-based index.");
        var names = options.SettingNames;
        if (options.LabelColumn is not null && options.HasHeader == false)
            throw Guard.Error(nameof(options),
                $"{names.LabelColumn} is '{options.LabelColumn}' but {names.HasHeader} is false, so no column has a name.",
                $"use {names.LabelColumnIndex} for a file without a header, or {names.HeaderTrue}.");
        if (options.Regression && options.ClassNames is not null)
            throw Guard.Error(nameof(options), "Regression is true but ClassNames is set.",
                "ClassNames is for classification; drop it, or set Regression to false.");
    }

    private static string[] ReadFirst(CsvRecordReader records)
    {
        if (!records.Read())
            throw new CsvFormatException(
                $"{records.Source}: the file is empty (no rows). help: a data set needs at least one row of values; check the path and that the file was written completely.",
                records.Source, null, null, null, null);
        var first = new string[records.FieldCount];
        for (int i = 0; i < first.Length; i++)
            first[i] = records[i];
        return first;
    }

    private static int LabelIndex(CsvRecordReader records, string[] first, CsvOptions options)
    {
        var names = options.SettingNames;
        int width = first.Length;
        if (options.LabelColumn is string name)
        {
            int found = Array.FindIndex(first, c => c.Trim() == name);
            if (found < 0)
                throw new CsvFormatException(
                    $"{records.Source}, line {records.Line}: no column is named '{name}' (the columns are: {string.Join(", ", first.Select(c => $"'{c}'"))}). " +
                    "help: pass one of those names as the label column (names are case-sensitive), or its 0-based index.",
                    records.Source, records.Line, null, name, null);
            return found;
        }
        if (options.LabelColumnIndex is int index)
        {
            if (index < 0 || index >= width)
                throw new CsvFormatException(
                    $"{records.Source}, line {records.Line}: the label column index is {index} but the file has {width} column(s) (valid 0..{width - 1}). " +
                    "help: the index is 0-based; leave it unset for the last column.",
                    records.Source, records.Line, null, null, null);
            return index;
        }
        if (width < 2)
            throw new CsvFormatException(
                $"{records.Source}, line {records.Line}: the file has 1 column, so there is no room for both features and a label column. " +
                $"help: a labelled file needs at least one feature column and a label column; check the delimiter ({names.Delimiter}) if the file uses ';' or tabs.",
                records.Source, records.Line, null, null, null);
        return width - 1;
    }

    private static Dataset Read(CsvRecordReader records, string[] first, int label, CsvOptions options, bool keepLabels = true)
    {
        int width = first.Length;
        int headerLine = records.Line;
        bool header = options.HasHeader ?? (options.LabelColumn is not null || LooksLikeHeader(first, label));
        string?[] columnNames = header ? first.Select(c => (string?)c.Trim()).ToArray() : new string?[width];
        var featureColumns = Enumerable.Range(0, width).Where(c => c != label).ToArray();
        var featureNames = featureColumns.Select(c => columnNames[c] ?? "x" + (Array.IndexOf(featureColumns, c) + 1).ToString(CultureInfo.InvariantCulture)).ToArray();

        var features = new ChunkedFloats();
        var rawLabels = new List<string>();
        var labelLines = new List<int>();
        var targets = new List<float>();
        bool regression = options.Regression;
        bool firstIsData = !header;
        int rows = 0;
        while (firstIsData || records.Read())
        {
            if (firstIsData)
                firstIsData = false;
            else if (records.FieldCount != width)
                throw new CsvFormatException(
                    $"{records.Source}, line {records.Line}: the row has {records.FieldCount} field(s) but {(header ? $"the header (line {headerLine})" : $"the first row (line {headerLine})")} has {width}. " +
                    "help: every row needs the same number of fields; quote a value that contains the delimiter (\"1,5\"), or fix or remove that line.",
                    records.Source, records.Line, null, null, null);
            string help = rows == 0 && !header && options.HasHeader is null
                ? $"features must be numbers written with '.' for decimals (e.g. 3.5); line 1 was read as data because some of its cells are numbers: if it is a header, {options.SettingNames.HeaderTrue}"
                : "features must be numbers written with '.' for decimals (e.g. 3.5)";
            if ((long)features.Count + featureColumns.Length > Array.MaxLength)
                throw new CsvFormatException(
                    $"{records.Source}, line {records.Line}: the rows so far hold {(long)rows * featureColumns.Length:N0} values ({rows:N0} rows × {featureColumns.Length:N0} features), " +
                    $"and this row would pass {Array.MaxLength:N0}, the most one data set can hold. help: use fewer rows or columns, e.g. a sample of the file.",
                    records.Source, records.Line, null, null, null);
            foreach (int c in featureColumns)
                features.Add(ParseNumber(records, c, columnNames[c], help));
            if (label >= 0 && keepLabels)
            {
                if (regression)
                    targets.Add(ParseNumber(records, label, columnNames[label], "regression targets must be numbers"));
                else
                {
                    string value = records[label].Trim();
                    if (value.Length == 0)
                        throw CellError(records, label, columnNames[label], value, "the label is empty.",
                            $"every row needs a class label; fill it in or remove line {records.Line}.");
                    rawLabels.Add(value);
                    labelLines.Add(records.Line);
                }
            }
            rows++;
        }
        if (rows == 0)
            throw new CsvFormatException(
                $"{records.Source}: the file has a header (line {headerLine}) but no data rows. " +
                $"help: add rows of values under the header; if line 1 is data, {options.SettingNames.HeaderFalse}.",
                records.Source, null, null, null, null);

        var matrix = new Matrix(rows, featureColumns.Length, features.ToArray());
        string name = options.Name ?? DefaultName(records.Source);
        if (label < 0 || !keepLabels)
            return Dataset.Unlabelled(name, matrix, featureNames);
        if (regression)
            return Dataset.ForRegression(name, matrix, targets.ToArray(), featureNames);
        var (indices, classes) = EncodeLabels(records, rawLabels, labelLines, label, columnNames[label], options.ClassNames);
        return new Dataset(name, matrix, indices, classes, featureNames);
    }

    /// <summary>Header detection: the first row is a header when none of its feature cells is a number.</summary>
    /// <remarks>A row mixing numbers and text is read as data, so a bad cell in line 1 is reported as an error
    /// instead of the whole row silently becoming column names (and its sample being lost).</remarks>
    private static bool LooksLikeHeader(string[] first, int label)
    {
        bool any = false;
        for (int c = 0; c < first.Length; c++)
        {
            if (c == label)
                continue;
            if (TryParse(first[c], out _))
                return false;
            any = true;
        }
        return any;
    }

    /// <summary>Parses a finite float32; a nonzero number that float32 would round to 0 fails, as one beyond its range does.</summary>
    internal static bool TryParse(ReadOnlySpan<char> text, out float value) =>
        float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && float.IsFinite(value)
        && (value != 0 || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d) || d == 0);

    /// <summary>Parses one cell as a finite float32, or throws naming the cell.</summary>
    internal static float ParseNumber(CsvRecordReader records, int column, string? columnName, string help)
    {
        ReadOnlySpan<char> cell = records.Span(column);
        if (TryParse(cell, out float value))
            return value;
        string text = cell.ToString();
        if (string.IsNullOrWhiteSpace(text))
            throw CellError(records, column, columnName, text, "the cell is empty.",
                $"fill in the value or remove line {records.Line}; missing values are never read as 0.");
        string problem = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double d)
            ? !double.IsFinite(d) ? $"{Quote(text)} is not a finite number."
            : Math.Abs(d) > float.MaxValue ? $"{Quote(text)} is outside float32's range (about ±3.4e38)."
            : $"{Quote(text)} is too small for float32 (below about 1.4e-45 it would become 0)."
            : $"{Quote(text)} is not a number.";
        throw CellError(records, column, columnName, text, problem, $"{help}; fix or remove line {records.Line}.");
    }

    internal static CsvFormatException CellError(CsvRecordReader records, int column, string? columnName, string value, string problem, string help)
    {
        string where = columnName is null ? $"column {column + 1}" : $"column {column + 1} ('{columnName}')";
        return new CsvFormatException($"{records.Source}, line {records.Line}, {where}: {problem} help: {help}",
            records.Source, records.Line, column + 1, columnName, value);
    }

    private static (int[] Indices, string[] Classes) EncodeLabels(CsvRecordReader records, List<string> raw, List<int> lines, int column, string? columnName, IReadOnlyList<string>? known)
    {
        string[] classes;
        if (known is not null)
            classes = known.ToArray();
        else
        {
            classes = raw.Distinct(StringComparer.Ordinal).ToArray();
            bool numeric = classes.All(c => double.TryParse(c, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            Array.Sort(classes, numeric
                ? (a, b) =>
                {
                    int byValue = double.Parse(a, CultureInfo.InvariantCulture).CompareTo(double.Parse(b, CultureInfo.InvariantCulture));
                    return byValue != 0 ? byValue : string.CompareOrdinal(a, b);
                }
                : string.CompareOrdinal);
        }
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < classes.Length; i++)
            index.TryAdd(classes[i], i);
        var indices = new int[raw.Count];
        for (int i = 0; i < indices.Length; i++)
        {
            if (!index.TryGetValue(raw[i], out indices[i]))
            {
                string where = columnName is null ? $"column {column + 1}" : $"column {column + 1} ('{columnName}')";
                throw new CsvFormatException(
                    $"{records.Source}, line {lines[i]}, {where}: the label {Quote(raw[i])} is not one of the model's classes ({string.Join(", ", classes)}). " +
                    "help: evaluate only on classes the model was trained with, or retrain with this class included.",
                    records.Source, lines[i], column + 1, columnName, raw[i]);
            }
        }
        return (indices, classes);
    }

    internal static string Quote(string value) =>
        "\"" + (value.Length <= MaxQuotedValue ? value : value[..MaxQuotedValue] + "…") + "\"";

    private static string DefaultName(string source)
    {
        string name = Path.GetFileName(source);
        if (name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            name = name[..^3];
        return Path.GetFileNameWithoutExtension(name);
    }

    /// <summary>Opens a text file, unpacking it when it starts with the gzip magic bytes 1f 8b.</summary>
    internal static TextReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"CSV file '{path}' not found (looked for {Path.GetFullPath(path)}). help: check the path; relative paths start from {Directory.GetCurrentDirectory()}.",
                path);
        Stream stream = File.OpenRead(path);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            int n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            stream.Position = 0;
            if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
                stream = new GZipStream(stream, CompressionMode.Decompress);
            return new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }
}
