namespace Rosenblatt.Data;

/// <summary>Thrown when a CSV file cannot become a data set: a bad cell, a ragged row, a missing column.</summary>
/// <remarks>
/// The message always says where (file, 1-based line as a text editor shows it, column by number and
/// name), quotes the offending value, and ends with a <c>help:</c> line. The same facts are available as
/// properties so a CLI or a playground can highlight the cell. Loading never substitutes a zero for a
/// bad cell: a silent zero trains a model on data nobody wrote.
/// </remarks>
public sealed class CsvFormatException : FormatException
{
    /// <summary>Creates the error with its full message and location.</summary>
    /// <param name="message">The complete message, ending with a <c>help:</c> line.</param>
    /// <param name="file">The file (or resource) being read.</param>
    /// <param name="line">The 1-based line, or null when the problem is the whole file.</param>
    /// <param name="column">The 1-based column number, or null when the problem is a whole line or file.</param>
    /// <param name="columnName">The column's header name, when there is one.</param>
    /// <param name="value">The offending cell's text, when there is one.</param>
    /// <param name="inner">The parser's own exception, if any.</param>
    public CsvFormatException(string message, string file, int? line, int? column, string? columnName, string? value, Exception? inner = null)
        : base(message, inner)
    {
        File = file;
        Line = line;
        Column = column;
        ColumnName = columnName;
        Value = value;
    }

    /// <summary>The file (or resource) being read.</summary>
    public string File { get; }

    /// <summary>The 1-based line the problem is on, as a text editor numbers lines; null for whole-file problems.</summary>
    public int? Line { get; }

    /// <summary>The 1-based column number; null when the problem is not one cell.</summary>
    public int? Column { get; }

    /// <summary>The column's header name, when the file has a header.</summary>
    public string? ColumnName { get; }

    /// <summary>The offending cell's text, exactly as read.</summary>
    public string? Value { get; }
}
