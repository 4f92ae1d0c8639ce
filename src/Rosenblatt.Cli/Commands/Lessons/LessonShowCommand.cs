using System.CommandLine;

namespace Rosenblatt.Cli.Commands.Lessons;

/// <summary><c>rosenblatt lesson show N</c>: the lesson's page as text: prose, cells, and the exercises to start.</summary>
internal static class LessonShowCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext cli, LessonOptions options)
    {
        var number = LessonOptions.Number();
        var command = new Command("show", "Print a lesson: its text, its code cells and its exercises.") { number };
        command.SetAction(parse =>
        {
            using var engine = options.Engine(parse, runsCode: false);
            var lesson = engine.Catalog.Get(parse.GetValue(number));
            var blocks = lesson.Blocks.Select(b => b.Cell is { } c
                ? new Block(c.IsExercise ? "exercise" : "cell", null, c.Name, engine.CodeFor(lesson.Number, c.Name))
                : new Block("prose", b.Markdown, null, null)).ToArray();
            var document = new Document(lesson.Number, lesson.Slug, lesson.Title, lesson.Summary, blocks, engine.Limits.CellTime.TotalSeconds);
            return cli.Write(parse, document, _ =>
            {
                var o = cli.Out;
                foreach (var block in blocks)
                {
                    if (block.Markdown is not null)
                    {
                        o.WriteLine(block.Markdown.TrimEnd());
                        o.WriteLine();
                        continue;
                    }
                    var exercise = block.Kind == "exercise" ? lesson.Exercise(block.Name!) : null;
                    o.WriteLine(exercise is null ? $"```csharp  // cell '{block.Name}'" : $"```csharp  // EXERCISE '{block.Name}': {exercise.Title}");
                    o.WriteLine(block.Code!.TrimEnd());
                    o.WriteLine("```");
                    if (exercise is not null)
                        o.WriteLine($"→ rosenblatt lesson start {lesson.Number} --exercise {exercise.Name}   (then: rosenblatt lesson check {lesson.Number} --exercise {exercise.Name})");
                    o.WriteLine();
                }
                o.WriteLine($"Cells run in a separate process, at most {engine.Limits.CellTime.TotalSeconds:0} s each. In the browser: rosenblatt playground, Lessons tab.");
            });
        });
        return command;
    }

    private sealed record Document(int Number, string Slug, string Title, string Summary, IReadOnlyList<Block> Blocks, double CellSeconds);

    private sealed record Block(string Kind, string? Markdown, string? Name, string? Code);
}
