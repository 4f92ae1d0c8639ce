using System.CommandLine;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson solution N</c>: prints the reference solution to standard output, ready to check.</summary>
/// <remarks>Only the code goes to stdout, so <c>rosenblatt lesson solution 1 &gt; s.cs &amp;&amp; rosenblatt lesson check 1 --file s.cs</c> works.</remarks>
internal static class LessonSolutionCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli, LessonOptions options)
    {
        var number = LessonOptions.Number();
        var exerciseOption = LessonOptions.Exercise();
        var command = new Command("solution", "Print the reference solution of the exercise you are on (recorded as seen).") { number, exerciseOption };
        command.SetAction(parse =>
        {
            using var engine = options.Engine(parse, runsCode: false);
            int lesson = parse.GetValue(number);
            var exercise = LessonOptions.PickExercise(engine, lesson, parse.GetValue(exerciseOption));
            var solution = engine.ShowSolution(lesson, exercise.Name);
            return cli.Write(parse, solution, _ => cli.Out.Write(solution.Solution));
        });
        return command;
    }
}
