using Spectre.Console;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Builds the one table style every command uses: rounded border, plain-text cells.</summary>
/// <remarks>
/// Cells are wrapped in <see cref="Text"/> rather than passed as strings, because Spectre reads strings as
/// markup and a vector like <c>[1, 1]</c> would be taken for a style tag and throw.
/// </remarks>
internal static class CliTable
{
    /// <summary>Creates an empty table with the given column headers.</summary>
    /// <param name="columns">The column headers, shown as written.</param>
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in columns)
            table.AddColumn(new TableColumn(new Text(column)));
        return table;
    }

    /// <summary>Adds one row of plain-text cells (no markup parsing).</summary>
    /// <param name="table">The table.</param>
    /// <param name="cells">One cell per column.</param>
    public static Table AddPlainRow(this Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)));
        return table;
    }

    /// <summary>A check mark or a cross for a row that matched or missed its target.</summary>
    /// <param name="ok">Whether the row matched.</param>
    public static Text Mark(bool ok) => ok ? new Text("✓", new Style(Color.Green)) : new Text("✗", new Style(Color.Red));
}
