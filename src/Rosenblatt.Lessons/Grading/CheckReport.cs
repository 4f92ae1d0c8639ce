namespace Rosenblatt.Lessons.Grading;

/// <summary>One check's line in a results document, like an entry of Exercism's <c>results.json</c> <c>tests</c> list.</summary>
/// <param name="Name">What the check proves.</param>
/// <param name="Status"><c>pass</c> or <c>fail</c>.</param>
/// <param name="Message">For a failure: what went wrong with the learner's numbers and what to change; for a pass, optional detail.</param>
public sealed record CheckReport(string Name, string Status, string? Message);
