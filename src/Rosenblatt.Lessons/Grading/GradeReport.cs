using Rosenblatt.Lessons.Explaining;

namespace Rosenblatt.Lessons.Grading;

/// <summary>The results document of one graded attempt, shaped like Exercism's <c>results.json</c>: status, message, and the checks in order with the first failure first.</summary>
/// <remarks>The CLI prints it under <c>--json</c> and the playground returns it as is, so both show the same verdict.</remarks>
/// <param name="Version">The document's format version (1).</param>
/// <param name="Lesson">The lesson number.</param>
/// <param name="Exercise">The exercise name.</param>
/// <param name="Status"><c>pass</c> (every check held), <c>fail</c> (some check did not) or <c>error</c> (the code did not compile, threw, or hit a limit).</param>
/// <param name="Message">For <c>fail</c>: the first failure's message; for <c>error</c>: the explanation; null for <c>pass</c>.</param>
/// <param name="Tests">The checks: failures first, each group in the order the check reported them.</param>
/// <param name="Output">What the learner's code printed.</param>
/// <param name="OutputTruncated">Whether output was cut at the limit.</param>
/// <param name="Help">The plain-English explanation for <c>error</c>, else null.</param>
/// <param name="Attempts">Attempts so far, this one included.</param>
/// <param name="HintsShown">Hints revealed so far.</param>
/// <param name="HintsTotal">Hints the exercise has.</param>
/// <param name="Solution">The reference solution once it is due (after enough failed attempts), else null.</param>
/// <param name="ElapsedMilliseconds">Wall-clock time of the grading run.</param>
public sealed record GradeReport(
    int Version,
    int Lesson,
    string Exercise,
    string Status,
    string? Message,
    IReadOnlyList<CheckReport> Tests,
    string Output,
    bool OutputTruncated,
    Explanation? Help,
    int Attempts,
    int HintsShown,
    int HintsTotal,
    string? Solution,
    double ElapsedMilliseconds);
