using System.CommandLine;
using System.Text.Json;
using Rosenblatt.Cli.Conventions;
using Rosenblatt.Lessons;
using Rosenblatt.Lessons.Grading;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson check N</c>: grades your exercise file against the hidden checks; <c>--watch</c> re-grades on every save.</summary>
/// <remarks>
/// Prints the results document (status, then every check with the first failure first, the output, and the
/// plain-English help for an error); <c>--json</c> prints it as JSON, shaped like Exercism's <c>results.json</c>.
/// Exit code 0 when every check passes, 1 when one fails or the code does not compile or run.
/// </remarks>
internal static class LessonCheckCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli, LessonOptions options)
    {
        var number = LessonOptions.Number();
        var exerciseOption = LessonOptions.Exercise();
        var file = new Option<string?>("--file") { Description = "The file with your code (default: the one 'rosenblatt lesson start N' wrote in the current folder).", HelpName = "file.cs" };
        var watch = new Option<bool>("--watch") { Description = "Keep watching the file and grade it again on every save (Ctrl+C stops)." };
        var command = new Command("check", "Grade your code for the exercise you are on, with specific feedback for each check.") { number, exerciseOption, file, watch };
        command.SetAction(parse =>
        {
            using var engine = options.Engine(parse, runsCode: true);
            int lesson = parse.GetValue(number);
            var exercise = LessonOptions.PickExercise(engine, lesson, parse.GetValue(exerciseOption));
            string path = parse.GetValue(file) ?? LessonOptions.ExerciseFile(lesson, exercise.Name);
            if (!File.Exists(path))
                throw new FileNotFoundException(parse.GetValue(file) is null
                    ? $"there is no '{path}' here. help: run 'rosenblatt lesson start {lesson}' to write it, or pass --file with your code."
                    : $"--file '{path}' does not exist. help: check the path; 'rosenblatt lesson start {lesson}' writes the exercise file.");
            if (!parse.GetValue(watch))
                return Grade(cli, parse, engine, lesson, exercise.Name, path);
            return Watch(cli, parse, engine, lesson, exercise.Name, path);
        });
        return command;
    }

    private static int Grade(CliContext cli, ParseResult parse, LessonEngine engine, int lesson, string exercise, string path)
    {
        var report = engine.CheckAsync(lesson, exercise, File.ReadAllText(path), cancellation: cli.Cancellation).GetAwaiter().GetResult();
        if (cli.IsJson(parse))
            cli.Out.WriteLine(JsonSerializer.Serialize(report, CliJson.Options));
        else
            Render(cli.Out, report, path);
        return report.Status == "pass" ? ExitCodes.Success : ExitCodes.UserError;
    }

    /// <summary>Grades now, then again whenever the file's time stamp or size changes, until Ctrl+C.</summary>
    private static int Watch(CliContext cli, ParseResult parse, LessonEngine engine, int lesson, string exercise, string path)
    {
        int code = ExitCodes.UserError;
        (DateTime, long) Stamp() { var info = new FileInfo(path); return info.Exists ? (info.LastWriteTimeUtc, info.Length) : (default, -1); }
        var seen = (default(DateTime), -2L);
        try
        {
            while (!cli.Cancellation.IsCancellationRequested)
            {
                var now = Stamp();
                if (now != seen && now.Item2 >= 0)
                {
                    seen = now;
                    code = Grade(cli, parse, engine, lesson, exercise, path);
                    if (!cli.IsJson(parse))
                        cli.Out.WriteLine($"watching {path}: save it to check again (Ctrl+C stops)");
                }
                Task.Delay(300, cli.Cancellation).GetAwaiter().GetResult();
            }
        }
        catch (OperationCanceledException) when (cli.Cancellation.IsCancellationRequested)
        {
        }
        return code;
    }

    /// <summary>The results document as terminal text.</summary>
    internal static void Render(TextWriter o, GradeReport r, string path)
    {
        int failed = r.Tests.Count(t => t.Status == "fail");
        string verdict = r.Status switch
        {
            "pass" => $"PASS: all {r.Tests.Count} checks passed",
            "fail" => $"FAIL: {failed} of {r.Tests.Count} checks failed",
            _ => "ERROR: your code did not run to the end",
        };
        o.WriteLine($"Lesson {r.Lesson}, exercise '{r.Exercise}' ({path}), attempt {r.Attempts}: {verdict}");
        if (r.Help is { } help)
        {
            o.WriteLine();
            o.WriteLine(help.ToText());
        }
        foreach (var t in r.Tests)
        {
            o.WriteLine($"{(t.Status == "pass" ? "✓" : "✗")} {t.Name}");
            if (t.Status == "fail" && t.Message is not null)
                o.WriteLine($"    {t.Message}");
        }
        if (r.Output.Length > 0)
        {
            o.WriteLine("output:");
            foreach (var line in r.Output.TrimEnd().Split('\n'))
                o.WriteLine("  " + line.TrimEnd('\r'));
            if (r.OutputTruncated) o.WriteLine("  … (output cut at the limit)");
        }
        if (r.Status == "pass")
        {
            o.WriteLine($"Well done. Next: rosenblatt lesson start {r.Lesson} (or lesson {r.Lesson + 1})");
            return;
        }
        if (r.HintsShown < r.HintsTotal)
            o.WriteLine($"Stuck? rosenblatt lesson hint {r.Lesson} ({r.HintsShown} of {r.HintsTotal} hints shown)");
        if (r.Solution is not null)
        {
            o.WriteLine($"After {r.Attempts} attempts, here is the solution (also: rosenblatt lesson solution {r.Lesson}):");
            o.WriteLine(r.Solution.TrimEnd());
        }
    }
}
