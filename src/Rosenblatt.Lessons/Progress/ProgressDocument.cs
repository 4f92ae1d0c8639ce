namespace Rosenblatt.Lessons.Progress;

/// <summary>Everything saved about a learner: progress per lesson number. This is the progress file's content.</summary>
public sealed class ProgressDocument
{
    /// <summary>The file format's version.</summary>
    public int Version { get; set; } = 1;

    /// <summary>Progress per lesson, keyed by the lesson number as text.</summary>
    public Dictionary<string, LessonProgress> Lessons { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The lesson's progress, created empty when there is none yet.</summary>
    public LessonProgress Lesson(int number)
    {
        string key = number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!Lessons.TryGetValue(key, out var progress))
            Lessons[key] = progress = new LessonProgress();
        return progress;
    }
}
