namespace Rosenblatt.Lessons.Grading;

/// <summary>The hints revealed so far for an exercise (the newest last).</summary>
/// <param name="Lesson">The lesson number.</param>
/// <param name="Exercise">The exercise name.</param>
/// <param name="Hints">The revealed hints, in order.</param>
/// <param name="Total">How many hints the exercise has.</param>
public sealed record HintReport(int Lesson, string Exercise, IReadOnlyList<string> Hints, int Total)
{
    /// <summary>Whether every hint has been revealed.</summary>
    public bool AllShown => Hints.Count >= Total;
}
