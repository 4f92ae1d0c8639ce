using Rosenblatt.Lessons.Explaining;

namespace Rosenblatt.Lessons.Grading;

/// <summary>The result of running one cell: its output and value, or the plain-English help for what went wrong.</summary>
/// <param name="Lesson">The lesson number.</param>
/// <param name="Cell">The cell that was run.</param>
/// <param name="Status"><c>ok</c> or <c>error</c>.</param>
/// <param name="Output">What the cell printed (up to the output limit).</param>
/// <param name="OutputTruncated">Whether output was cut.</param>
/// <param name="Value">The cell's final expression's value (a line without a semicolon at the end), or null.</param>
/// <param name="Help">The explanation when <paramref name="Status"/> is <c>error</c>.</param>
/// <param name="CompileMilliseconds">Compile time of the cells that were not cached in the worker.</param>
/// <param name="RunMilliseconds">Run time of those cells.</param>
/// <param name="ElapsedMilliseconds">Wall-clock time, request to answer, as the host saw it.</param>
/// <param name="CellsReused">Earlier cells the worker took from its cache instead of running them again.</param>
public sealed record CellRunReport(
    int Lesson,
    string Cell,
    string Status,
    string Output,
    bool OutputTruncated,
    string? Value,
    Explanation? Help,
    double CompileMilliseconds,
    double RunMilliseconds,
    double ElapsedMilliseconds,
    int CellsReused);
