namespace Rosenblatt.Lessons.Catalog;

/// <summary>One lesson: numbered, titled, its page as prose and cells in order, and its exercises.</summary>
/// <param name="Number">The lesson's number in the course (1-based, the seeds' order).</param>
/// <param name="Slug">A short stable name, e.g. <c>one-neuron</c> (file names and URLs use it).</param>
/// <param name="Title">The title shown in lists.</param>
/// <param name="Summary">One sentence on what the learner will do.</param>
/// <param name="Blocks">The page in reading order.</param>
/// <param name="Exercises">The exercises in page order.</param>
/// <param name="Source">Where the lesson was read from (a resource or file name), for error messages.</param>
public sealed record Lesson(int Number, string Slug, string Title, string Summary, IReadOnlyList<LessonBlock> Blocks, IReadOnlyList<Exercise> Exercises, string Source)
{
    /// <summary>The runnable cells in page order (examples and exercises): the notebook's chain.</summary>
    public IReadOnlyList<LessonCell> Cells => Blocks.Where(b => b.Cell is not null).Select(b => b.Cell!).ToArray();

    /// <summary>The cell called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such cell: the message lists the cells there are.</exception>
    public LessonCell Cell(string name) => Cells.FirstOrDefault(c => c.Name == name)
        ?? throw new ArgumentException($"lesson {Number} has no cell '{name}'. help: its cells are {string.Join(", ", Cells.Select(c => c.Name))}.", nameof(name));

    /// <summary>The exercise called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No such exercise: the message lists the exercises there are.</exception>
    public Exercise Exercise(string name) => Exercises.FirstOrDefault(e => e.Name == name)
        ?? throw new ArgumentException($"lesson {Number} has no exercise '{name}'. help: its exercises are {string.Join(", ", Exercises.Select(e => e.Name))}.", nameof(name));
}
