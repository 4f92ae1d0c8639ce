namespace Rosenblatt.Lessons.Catalog;

/// <summary>A graded exercise: the learner's cell, the hidden check with its feedback texts, the hints and the reference solution.</summary>
/// <remarks>
/// All of it lives together in the lesson file, so the feedback for a typical wrong answer sits beside the exercise
/// it explains. The check is C# that calls <c>Check(name, passed, failure)</c> once per verdict.
/// </remarks>
/// <param name="Name">The exercise's (and its cell's) name, unique within the lesson.</param>
/// <param name="Title">What the learner is asked to do, in a few words.</param>
/// <param name="Cell">The cell the learner edits; its code is the starter code.</param>
/// <param name="Check">The hidden check code, run after the learner's cell; the learner never sees it.</param>
/// <param name="Solution">The reference solution: a complete replacement for the cell's code.</param>
/// <param name="Hints">Hints in the order they are revealed, one at a time.</param>
/// <param name="SolutionAfter">Failed attempts after which the solution may be shown without asking twice.</param>
public sealed record Exercise(string Name, string Title, LessonCell Cell, string Check, string Solution, IReadOnlyList<string> Hints, int SolutionAfter);
