namespace Rosenblatt.Lessons.Progress;

/// <summary>A learner's progress in one lesson: per exercise, their edited cells, and the exercise they are on.</summary>
public sealed class LessonProgress
{
    /// <summary>Progress per exercise name.</summary>
    public Dictionary<string, ExerciseProgress> Exercises { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The learner's edits of example cells, per cell name (exercise code is kept in <see cref="Exercises"/>).</summary>
    public Dictionary<string, string> Cells { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The exercise the learner is working on (set by <c>lesson start</c> and by checking), or null.</summary>
    public string? Current { get; set; }

    /// <summary>The exercise's progress, created empty when there is none yet.</summary>
    public ExerciseProgress Exercise(string name)
    {
        if (!Exercises.TryGetValue(name, out var progress))
            Exercises[name] = progress = new ExerciseProgress();
        return progress;
    }
}
