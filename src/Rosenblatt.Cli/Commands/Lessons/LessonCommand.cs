using System.CommandLine;
using Rosenblatt.Lessons;
using Rosenblatt.Lessons.Catalog;
using Rosenblatt.Lessons.Progress;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson</c>: the interactive lessons in the terminal (list, show, start, check, hint, solution).</summary>
/// <remarks>
/// The same engine as the playground's Lessons tab (<see cref="LessonEngine"/>), so grades, hints and saved progress
/// are shared. Learner code runs in the lesson worker process, never in the CLI. Exit codes: 0 when the command
/// did its job (for <c>check</c>: the exercise passed), 1 when the learner's code failed its checks or did not
/// compile (the results document says why), 2 for bad usage, 70 for a bug.
/// </remarks>
internal static class LessonCommand
{
    /// <summary>Builds the command group.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var options = new LessonOptions();
        var command = new Command("lesson", "Interactive lessons from one neuron to a network reading digits: read, write C#, get graded and helped.")
        {
            options.Progress,
            LessonListCommand.Create(cli, options),
            LessonShowCommand.Create(cli, options),
            LessonStartCommand.Create(cli, options),
            LessonCheckCommand.Create(cli, options),
            LessonHintCommand.Create(cli, options),
            LessonSolutionCommand.Create(cli, options),
        };
        return command;
    }
}

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
