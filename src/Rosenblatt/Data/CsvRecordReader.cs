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
        // The buffer starts at 64 K characters and grows up to MaxRecordChars, so rows of thousands of columns load, and
        // a "row" with no line break in sight (a binary file, /dev/zero) stops there with a clear error.
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, Delimiter = delimiter, Comment = '\0', BufferSize = 1 << 16, MaxBufferSize = MaxRecordChars,
        };
        try
        {
            // Create already reads the first record.
            _reader = CsvDataReader.Create(text, options);
        }
        catch (Exception e) when (e.GetType().Namespace == typeof(CsvDataReader).Namespace)
        {
            throw Translate(e);
        }
    }

    /// <summary>The longest record read: 16,777,216 characters (about a million numeric columns); see <see cref="CsvOptions"/>.</summary>
    internal const int MaxRecordChars = 1 << 24;

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
                throw Translate(e);
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

    /// <summary>The parser's exception as an error that names the line and gives the fix in the file's terms.</summary>
    private CsvFormatException Translate(Exception e) => e is CsvRecordTooLargeException
        ? new CsvFormatException(
            $"{Source}, line {_nextLine}: the row starting there is longer than {MaxRecordChars:N0} characters, the most one CSV row may hold. " +
            "help: check that the file is a text CSV with one row per line; a row that long is usually a file without line breaks, a binary file or a device.",
            Source, _nextLine, null, null, null, e)
        : new CsvFormatException(
            $"{Source}, line {_nextLine}: the CSV cannot be parsed ({e.Message}) help: check the quotes on and after line {_nextLine}; a field that contains a quote must double it (\"\"), and every opened quote must be closed.",
            Source, _nextLine, null, null, null, e);

    public void Dispose() => _reader.Dispose();
}
