using System.CommandLine;
using Rosenblatt.Lessons;
using Rosenblatt.Lessons.Catalog;
using Rosenblatt.Lessons.Progress;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary>The options and arguments the lesson subcommands share.</summary>
internal sealed class LessonOptions
{
    /// <summary><c>--progress</c>: where progress is saved.</summary>
    public Option<string?> Progress { get; } = new("--progress")
    {
        Description = $"The progress file (default: ${ProgressStore.EnvironmentVariable}, else rosenblatt/lessons-progress.json in your local data folder).",
        HelpName = "file.json",
        Recursive = true,
    };

    /// <summary>The lesson number argument.</summary>
    public static Argument<int> Number() => new("N") { Description = "The lesson number (see 'rosenblatt lesson list')." };

    /// <summary><c>--exercise</c>: which exercise of the lesson (default: the one you are on).</summary>
    public static Option<string?> Exercise() => new("--exercise") { Description = "The exercise's name (default: the one you are on, or the first not yet passed).", HelpName = "name" };

    /// <summary>An engine for this command; the worker starts only when a command runs code.</summary>
    public LessonEngine Engine(ParseResult parse, bool runsCode) => new(new LessonEngineOptions
    {
        ProgressPath = parse.GetValue(Progress),
        StartWorker = runsCode,
    });

    /// <summary>The exercise named by <c>--exercise</c>, or the learner's current one.</summary>
    public static Exercise PickExercise(LessonEngine engine, int lesson, string? name) =>
        name is null ? engine.CurrentExercise(lesson) : engine.Catalog.Get(lesson).Exercise(name);

    /// <summary>The file <c>lesson start</c> writes for an exercise: <c>lesson-01-gates.cs</c>.</summary>
    public static string ExerciseFile(int lesson, string exercise) => $"lesson-{lesson:00}-{exercise}.cs";
}
