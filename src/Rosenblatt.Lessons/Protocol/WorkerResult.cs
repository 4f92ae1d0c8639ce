namespace Rosenblatt.Lessons.Protocol;

/// <summary>What the worker reports after running a request's cells (and check).</summary>
/// <param name="Output">What the last cell (or the check) wrote to <c>Console</c>, up to the request's limit.</param>
/// <param name="OutputTruncated">Whether output was dropped past the limit.</param>
/// <param name="ReturnValue">The last cell's value when it ends in an expression without a semicolon (like a notebook), else null.</param>
/// <param name="FailedCell">The name of the cell that failed to compile or threw, or null when all ran.</param>
/// <param name="Diagnostics">Compiler errors of <paramref name="FailedCell"/>, empty when it compiled.</param>
/// <param name="Exception">The exception <paramref name="FailedCell"/> (or the check) threw, or null.</param>
/// <param name="Checks">The check results in the order the check code reported them; empty without a check.</param>
/// <param name="CompileMilliseconds">Time spent compiling the cells that were not cached.</param>
/// <param name="RunMilliseconds">Time spent running them.</param>
/// <param name="CellsReused">How many leading cells were taken from the worker's cache instead of being run again.</param>
public sealed record WorkerResult(
    string Output,
    bool OutputTruncated,
    string? ReturnValue,
    string? FailedCell,
    IReadOnlyList<CompilerDiagnostic> Diagnostics,
    CellException? Exception,
    IReadOnlyList<CheckOutcome> Checks,
    double CompileMilliseconds,
    double RunMilliseconds,
    int CellsReused);
