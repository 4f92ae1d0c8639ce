using System.Globalization;
using System.Text;

namespace Rosenblatt.Numerics;

/// <summary>Prints a matrix's values the way NumPy does: rows in brackets, columns aligned, large matrices cut to their corners.</summary>
/// <remarks>
/// A matrix can hold millions of values, so like NumPy's <c>print</c> only the first and last three rows and
/// columns are shown beyond six, with <c>...</c> for the rest. Values are printed with up to 4 significant digits
/// (invariant culture), enough to read a weight or an output and short enough to keep the columns narrow.
/// </remarks>
internal static class MatrixFormat
{
    private const int Edge = 3;

    /// <summary>The shape line, then the values.</summary>
    public static string Format(Matrix m)
    {
        int[] rows = Indices(m.Rows);
        int[] columns = Indices(m.Columns);
        var cells = rows.Select(r => columns.Select(c => r < 0 || c < 0 ? "..." : Cell(m[r, c])).ToArray()).ToArray();
        var widths = columns.Select((_, j) => cells.Where(row => row.Length > 0).Select(row => row[j].Length).DefaultIfEmpty(0).Max()).ToArray();
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Matrix {m.Rows}×{m.Columns}"));
        if (m.Rows == 0 || m.Columns == 0)
            return text.Append(" []").ToString();
        text.AppendLine();
        for (int i = 0; i < rows.Length; i++)
        {
            text.Append(i == 0 ? "[[" : " [");
            if (rows[i] < 0)
                text.Append(" ...");
            else
                text.Append(string.Join(" ", cells[i].Select((cell, j) => cell.PadLeft(widths[j]))));
            text.Append(i == rows.Length - 1 ? "]]" : "]");
            if (i < rows.Length - 1)
                text.AppendLine();
        }
        return text.ToString();
    }

    /// <summary>0..n−1, or the first and last three with −1 between them for <c>...</c>.</summary>
    private static int[] Indices(int n) =>
        n <= 2 * Edge ? [.. Enumerable.Range(0, n)] : [.. Enumerable.Range(0, Edge), -1, .. Enumerable.Range(n - Edge, Edge)];

    private static string Cell(float value) => value == 0 ? "0" : value.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e", StringComparison.Ordinal);
}
