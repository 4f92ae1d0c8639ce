using System.Globalization;
using System.Text;

namespace Rosenblatt.Data;

/// <summary>Writes rows of CSV (RFC 4180), for prediction output and exported data sets.</summary>
/// <remarks>
/// A field is quoted only when it must be: when it contains the delimiter, a quote, a line break, or
/// leading/trailing spaces. Inside quotes a quote is doubled (<c>"Ankle ""boot"""</c>). Lines end with
/// <c>\n</c> and numbers are written in the invariant culture with round-trip precision, so the file
/// reads back with <see cref="CsvLoader"/> to the same values on any machine. Sylvan's writer is built
/// around <c>DbDataReader</c>; prediction output is a few columns of strings, which this does directly.
/// </remarks>
/// <example>
/// <code>
/// using var csv = CsvWriter.Create("predictions.csv");
/// csv.WriteRow("row", "predicted", "p(setosa)");
/// csv.WriteRow("1", "setosa", CsvWriter.Format(0.97f));
/// </code>
/// </example>
public sealed class CsvWriter : IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly StringBuilder _line = new();

    /// <summary>Writes to <paramref name="writer"/>; disposing this disposes the writer only if <paramref name="ownsWriter"/>.</summary>
    /// <param name="writer">The destination.</param>
    /// <param name="delimiter">The field separator; ',' by default.</param>
    /// <param name="ownsWriter">Whether <see cref="Dispose"/> also disposes <paramref name="writer"/>.</param>
    public CsvWriter(TextWriter writer, char delimiter = ',', bool ownsWriter = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (delimiter is '"' or '\r' or '\n')
            throw new ArgumentException($"delimiter cannot be a quote or a line break (received '{delimiter}'). help: use ',', ';' or '\\t'.", nameof(delimiter));
        _writer = writer;
        Delimiter = delimiter;
        _ownsWriter = ownsWriter;
    }

    /// <summary>Creates (or overwrites) a UTF-8 file without a byte-order mark, and writes to it.</summary>
    /// <param name="path">The file to write; its folder must exist.</param>
    /// <param name="delimiter">The field separator; ',' by default.</param>
    public static CsvWriter Create(string path, char delimiter = ',') =>
        new(new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), delimiter, ownsWriter: true);

    /// <summary>The field separator.</summary>
    public char Delimiter { get; }

    /// <summary>Writes one row: the fields, quoted where needed, separated by <see cref="Delimiter"/>, then <c>\n</c>.</summary>
    /// <param name="fields">The row's values as text; null is written as an empty field.</param>
    public void WriteRow(params ReadOnlySpan<string?> fields)
    {
        _line.Clear();
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0)
                _line.Append(Delimiter);
            AppendField(_line, fields[i] ?? "", Delimiter);
        }
        _line.Append('\n');
        _writer.Write(_line);
    }

    /// <summary>Writes a whole data set: a header (feature names, then the label column), then one row per sample.</summary>
    /// <remarks>Labels are written by class name and targets as numbers, so <see cref="CsvLoader.Load(string, CsvOptions?)"/>
    /// reads the file back to the same features, classes and labels (for regression set <c>Regression = true</c>).
    /// A set without labels or targets gets no label column.</remarks>
    /// <param name="data">The set to write.</param>
    /// <param name="labelColumn">The header of the label column: <c>label</c> by default.</param>
    public void WriteDataset(Dataset data, string labelColumn = "label")
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(labelColumn);
        bool extra = data.HasLabels || data.HasTargets;
        var fields = new string?[data.FeatureCount + (extra ? 1 : 0)];
        for (int c = 0; c < data.FeatureCount; c++)
            fields[c] = data.FeatureNames[c];
        if (extra)
            fields[^1] = labelColumn;
        WriteRow(fields);
        for (int r = 0; r < data.Count; r++)
        {
            ReadOnlySpan<float> row = data.Features.Row(r);
            for (int c = 0; c < row.Length; c++)
                fields[c] = Format(row[c]);
            if (data.HasLabels)
                fields[^1] = data.ClassNames[data.Labels[r]];
            else if (data.HasTargets)
                fields[^1] = Format(data.Targets[r]);
            WriteRow(fields);
        }
    }

    /// <summary>A field as it appears in CSV: unchanged, or quoted with inner quotes doubled when it needs it.</summary>
    /// <param name="field">The raw value.</param>
    /// <param name="delimiter">The field separator that forces quoting.</param>
    public static string Escape(string field, char delimiter = ',')
    {
        ArgumentNullException.ThrowIfNull(field);
        var sb = new StringBuilder(field.Length + 2);
        AppendField(sb, field, delimiter);
        return sb.ToString();
    }

    /// <summary>A number in invariant culture with the shortest text that reads back to the same float.</summary>
    /// <param name="value">The value to format.</param>
    public static string Format(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A number in invariant culture with the shortest text that reads back to the same double.</summary>
    /// <param name="value">The value to format.</param>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Flushes buffered text to the destination.</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Flushes, and disposes the destination if this writer owns it.</summary>
    public void Dispose()
    {
        _writer.Flush();
        if (_ownsWriter)
            _writer.Dispose();
    }

    private static void AppendField(StringBuilder sb, string field, char delimiter)
    {
        bool quote = field.Length > 0 && (field.AsSpan().IndexOfAny(['"', '\r', '\n', delimiter]) >= 0
            || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1]));
        if (!quote)
        {
            sb.Append(field);
            return;
        }
        sb.Append('"');
        foreach (char ch in field)
        {
            if (ch == '"')
                sb.Append('"');
            sb.Append(ch);
        }
        sb.Append('"');
    }
}
