namespace Rosenblatt.Lessons.Protocol;

/// <summary>An exception thrown by a learner's cell or by a check, as plain data.</summary>
/// <param name="Type">The exception's full type name, e.g. <c>System.IndexOutOfRangeException</c>.</param>
/// <param name="Message">Its message (the library's messages end with a <c>help:</c> line).</param>
/// <param name="Line">The 1-based line in the failing cell where it was thrown, when the stack trace shows it.</param>
/// <param name="InCheck">Whether it was thrown while the hidden check ran (usually: the learner's code returned something unexpected).</param>
public sealed record CellException(string Type, string Message, int? Line, bool InCheck);
