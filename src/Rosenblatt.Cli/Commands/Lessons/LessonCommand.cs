using System.CommandLine;
using Rosenblatt.Lessons;

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
    /// <summary>The command's name, as typed after <c>rosenblatt</c>.</summary>
    internal const string Name = "lesson";

    /// <summary>What the command does, in the root help's one line.</summary>
    internal const string Description = "Interactive lessons from one neuron to a network reading digits: read, write C#, get graded and helped.";

    /// <summary>Builds the command group.</summary>
    /// <param name="cli">The console and the global options.</param>
    public static Command Create(CliContext cli)
    {
        var options = new LessonOptions();
        var command = new Command(Name, Description)
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
