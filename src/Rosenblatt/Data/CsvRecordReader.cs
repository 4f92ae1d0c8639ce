using Sylvan.Data.Csv;

namespace Rosenblatt.Data;

/// <summary>Reads CSV records with Sylvan (RFC 4180 quoting) and tracks the line each record starts on.</summary>
/// <remarks>
/// Sylvan counts records, not lines; a quoted field may span several lines, so the record number is not
/// what a text editor shows. The line is recovered by counting the line breaks in each raw record.
/// Blank lines are skipped (a trailing empty line is common and means nothing).
/// </remarks>
internal sealed class CsvRecordReader : IDisposable
{
    private readonly CsvDataReader _reader;
    private int _nextLine = 1;

    internal CsvRecordReader(TextReader text, char delimiter, string source)
    {
        Source = source;
        // Comment '\0': a data row that starts with '#' is data, not a comment to drop silently.
        _reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = false, Delimiter = delimiter, Comment = '\0' });
    }

    /// <summary>The file name or description used in error messages.</summary>
    internal string Source { get; }

    /// <summary>The 1-based line on which the current record starts.</summary>
    internal int Line { get; private set; }

    /// <summary>The number of fields in the current record.</summary>
    internal int FieldCount => _reader.RowFieldCount;

    internal ReadOnlySpan<char> Span(int field) => _reader.GetFieldSpan(field);

    internal string this[int field] => _reader.GetString(field);

    /// <summary>Moves to the next non-blank record; false at the end of the input.</summary>
    /// <exception cref="CsvFormatException">The input is not valid CSV (e.g. an unclosed quote).</exception>
    internal bool Read()
    {
        while (true)
        {
            bool more;
            try
            {
                more = _reader.Read();
            }
            catch (Exception e) when (e.GetType().Namespace == typeof(CsvDataReader).Namespace)
            {
                throw new CsvFormatException(
                    $"{Source}, line {_nextLine}: the CSV cannot be parsed ({e.Message}) help: check the quotes on and after line {_nextLine}; a field that contains a quote must double it (\"\"), and every opened quote must be closed.",
                    Source, _nextLine, null, null, null, e);
            }
            if (!more)
                return false;
            Line = _nextLine;
            ReadOnlySpan<char> raw = _reader.GetRawRecordSpan();
            for (int i = 0; i < raw.Length; i++)
            {
                if (raw[i] == '\n' || (raw[i] == '\r' && (i + 1 == raw.Length || raw[i + 1] != '\n')))
                    _nextLine++;
            }
            // A record that did not end in a line break is the last line of a file with no final newline.
            if (raw.Length == 0 || (raw[^1] != '\n' && raw[^1] != '\r'))
                _nextLine++;
            if (FieldCount == 1 && _reader.GetFieldSpan(0).IsWhiteSpace())
                continue;
            return true;
        }
    }

    public void Dispose() => _reader.Dispose();
}
