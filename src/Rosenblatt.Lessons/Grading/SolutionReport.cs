namespace Rosenblatt.Lessons.Grading;

/// <summary>An exercise's reference solution, with how many attempts the learner made before seeing it.</summary>
/// <param name="Lesson">The lesson number.</param>
/// <param name="Exercise">The exercise name.</param>
/// <param name="Solution">The solution code: a complete replacement for the exercise cell.</param>
/// <param name="Attempts">The learner's attempts so far.</param>
public sealed record SolutionReport(int Lesson, string Exercise, string Solution, int Attempts);
