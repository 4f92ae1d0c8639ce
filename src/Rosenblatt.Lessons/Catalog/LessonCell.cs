namespace Rosenblatt.Lessons.Catalog;

/// <summary>A runnable C# cell of a lesson: an example to run as is, or an exercise's editable code.</summary>
/// <param name="Name">Unique within the lesson, e.g. <c>and-neuron</c>; exercises' cells carry the exercise's name.</param>
/// <param name="Code">The code the cell starts with (for an exercise: the starter code the learner edits).</param>
/// <param name="IsExercise">Whether this cell is an exercise (graded by a hidden check).</param>
/// <param name="Line">The line of the lesson file where the cell's fence opens (for error messages about the content).</param>
/// <param name="TimeLimit">A longer run limit for a cell known to be heavy (e.g. training on real data), from <c>seconds=N</c>; null for the default.</param>
public sealed record LessonCell(string Name, string Code, bool IsExercise, int Line, TimeSpan? TimeLimit = null);
