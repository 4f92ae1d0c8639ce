namespace Rosenblatt.Lessons.Protocol;

/// <summary>A compiler error as the worker reports it, positions relative to the cell's own code.</summary>
/// <param name="Id">The compiler's code, e.g. <c>CS0103</c>.</param>
/// <param name="Message">The compiler's own message.</param>
/// <param name="Line">1-based line in the cell.</param>
/// <param name="Column">1-based column in the cell.</param>
/// <param name="Length">How many characters the error spans on that line (at least 1).</param>
public sealed record CompilerDiagnostic(string Id, string Message, int Line, int Column, int Length);
