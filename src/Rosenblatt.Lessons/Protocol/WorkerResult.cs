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

/// <summary>A compiler error as the worker reports it, positions relative to the cell's own code.</summary>
/// <param name="Id">The compiler's code, e.g. <c>CS0103</c>.</param>
/// <param name="Message">The compiler's own message.</param>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Column">1-based column in the cell.</param>
/// <param name="Length">How many characters the error spans on that line (at least 1).</param>
public sealed record CompilerDiagnostic(string Id, string Message, int Line, int Column, int Length);

/// <summary>An exception thrown by a learner's cell or by a check, as plain data.</summary>
/// <param name="Type">The exception's full type name, e.g. <c>System.IndexOutOfRangeException</c>.</param>
/// <param name="Message">Its message (the library's messages end with a <c>help:</c> line).</param>
/// <param name="Line">The 1-based line in the failing cell where it was thrown, when the stack trace shows it.</param>
/// <param name="InCheck">Whether it was thrown while the hidden check ran (usually: the learner's code returned something unexpected).</param>
public sealed record CellException(string Type, string Message, int? Line, bool InCheck);

/// <summary>One check's verdict, reported by the hidden check code.</summary>
/// <param name="Name">What the check proves, e.g. <c>OR is 1 for [0, 1]</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Message">For a failure: what went wrong, written for a beginner. For a pass: optional praise or detail.</param>
public sealed record CheckOutcome(string Name, bool Passed, string? Message);
