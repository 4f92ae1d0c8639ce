using System.CommandLine;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson hint N</c>: reveals the next hint of the exercise you are on (one more each time).</summary>
internal static class LessonHintCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli, LessonOptions options)
    {
        var number = LessonOptions.Number();
        var exerciseOption = LessonOptions.Exercise();
        var command = new Command("hint", "Reveal the next hint for the exercise you are on (hints come one at a time).") { number, exerciseOption };
        command.SetAction(parse =>
        {
            using var engine = options.Engine(parse, runsCode: false);
            int lesson = parse.GetValue(number);
            var exercise = LessonOptions.PickExercise(engine, lesson, parse.GetValue(exerciseOption));
            var hints = engine.RevealHint(lesson, exercise.Name);
            return cli.Write(parse, hints, _ =>
            {
                for (int i = 0; i < hints.Hints.Count; i++)
                    cli.Out.WriteLine($"hint {i + 1} of {hints.Total}: {hints.Hints[i]}");
                cli.Out.WriteLine(hints.AllShown
                    ? $"That was the last hint. The solution: rosenblatt lesson solution {lesson}"
                    : $"Another hint: rosenblatt lesson hint {lesson}");
            });
        });
        return command;
    }
}
