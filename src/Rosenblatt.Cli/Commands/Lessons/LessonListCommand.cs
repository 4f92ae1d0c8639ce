using System.CommandLine;
using Rosenblatt.Cli.Conventions;
using Spectre.Console;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson list</c>: every lesson with the learner's progress.</summary>
internal static class LessonListCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli, LessonOptions options)
    {
        var command = new Command("list", "List the lessons and your progress in each.");
        command.SetAction(parse =>
        {
            using var engine = options.Engine(parse, runsCode: false);
            var progress = engine.Progress.Load();
            var lessons = engine.Catalog.Lessons.Select(l =>
            {
                var p = progress.Lesson(l.Number);
                var exercises = l.Exercises.Select(e =>
                {
                    var ep = p.Exercises.GetValueOrDefault(e.Name);
                    return new ExerciseItem(e.Name, e.Title, ep?.Passed ?? false, ep?.Attempts ?? 0);
                }).ToArray();
                return new LessonItem(l.Number, l.Slug, l.Title, l.Summary, exercises);
            }).ToArray();
            return cli.Write(parse, new Document(lessons, engine.Progress.Path), console =>
            {
                var table = CliTable.Create("#", "lesson", "exercises passed");
                foreach (var l in lessons)
                    table.AddPlainRow(l.Number.ToString(System.Globalization.CultureInfo.InvariantCulture), l.Title, $"{l.Exercises.Count(e => e.Passed)}/{l.Exercises.Length}");
                console.Write(table);
                console.WriteLine("Start with: rosenblatt lesson show 1");
            });
        });
        return command;
    }

    private sealed record Document(IReadOnlyList<LessonItem> Lessons, string ProgressFile);

    private sealed record LessonItem(int Number, string Slug, string Title, string Summary, ExerciseItem[] Exercises);

    private sealed record ExerciseItem(string Name, string Title, bool Passed, int Attempts);
}
