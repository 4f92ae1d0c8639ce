namespace Rosenblatt.Lessons.Protocol;

/// <summary>One check's verdict, reported by the hidden check code.</summary>
/// <param name="Name">What the check proves, e.g. <c>OR is 1 for [0, 1]</c>.</param>
/// <param name="Passed">Whether it held.</param>
/// <param name="Message">For a failure: what went wrong, written for a beginner. For a pass: optional praise or detail.</param>
public sealed record CheckOutcome(string Name, bool Passed, string? Message);
