namespace Rosenblatt.Lessons.Progress;

/// <summary>A learner's progress on one exercise: attempts, whether it passed, hints seen, and their latest code.</summary>
public sealed class ExerciseProgress
{
    /// <summary>How many times the learner's code was graded.</summary>
    public int Attempts { get; set; }

    /// <summary>Whether an attempt passed every check.</summary>
    public bool Passed { get; set; }

    /// <summary>How many hints have been revealed (they come one at a time, in order).</summary>
    public int HintsShown { get; set; }

    /// <summary>Whether the reference solution was shown.</summary>
    public bool SolutionShown { get; set; }

    /// <summary>The learner's latest code for the exercise, or null if they never edited it.</summary>
    public string? Code { get; set; }

    /// <summary>When this was last changed (UTC).</summary>
    public DateTimeOffset Updated { get; set; }
}
