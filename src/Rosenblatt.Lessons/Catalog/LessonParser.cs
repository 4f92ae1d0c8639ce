using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Rosenblatt.Lessons.Catalog;

/// <summary>Reads a lesson file: front matter, Markdown prose, and fenced blocks named as cells, exercises, checks, solutions and hints.</summary>
/// <remarks>
/// The format (docs/lessons.md): a front matter block (<c>number</c>, <c>slug</c>, <c>title</c>, <c>summary</c>), then
/// Markdown. A fence whose info string carries <c>cell=NAME</c> is a runnable cell; <c>exercise=NAME</c> an exercise's
/// starter code (with <c>title="..."</c> and optional <c>solution-after=N</c>); <c>check=NAME</c>,
/// <c>solution=NAME</c> and <c>hint=NAME</c> attach to the exercise of that name above them and are not shown on the
/// page. Other fences are ordinary Markdown. Content errors name the file and line.
/// </remarks>
public static partial class LessonParser
{
    /// <summary>Parses one lesson file's text.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="source">Its name, for error messages.</param>
    /// <exception cref="FormatException">The file breaks the format; the message names the line and the fix.</exception>
    public static Lesson Parse(string text, string source)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        int i = 0;
        var meta = ReadFrontMatter(lines, ref i, source);
        var blocks = new List<LessonBlock>();
        var prose = new StringBuilder();
        var exercises = new Dictionary<string, ExerciseDraft>(StringComparer.Ordinal);
        var order = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);

        for (; i < lines.Length; i++)
        {
            var fence = FenceRegex().Match(lines[i]);
            if (!fence.Success)
            {
                prose.AppendLine(lines[i]);
                continue;
            }
            var attributes = ParseAttributes(fence.Groups["info"].Value);
            int start = i + 1;
            string ticks = fence.Groups["ticks"].Value;
            var body = new StringBuilder();
            for (i++; i < lines.Length && !(lines[i].TrimEnd().StartsWith(ticks, StringComparison.Ordinal) && lines[i].Trim().Trim('`').Length == 0); i++)
                body.AppendLine(lines[i]);
            if (i >= lines.Length)
                throw Error(source, start, "a fenced block is never closed", $"end it with a line of {ticks}");
            string code = body.ToString().TrimEnd('\n', '\r') + "\n";

            if (attributes.TryGetValue("cell", out var cellName) || attributes.TryGetValue("exercise", out cellName))
            {
                if (!names.Add(cellName))
                    throw Error(source, start, $"the name '{cellName}' is used twice", "give every cell and exercise its own name");
                Flush(prose, blocks);
                bool isExercise = attributes.ContainsKey("exercise");
                TimeSpan? limit = attributes.TryGetValue("seconds", out var seconds) ? TimeSpan.FromSeconds(int.Parse(seconds, CultureInfo.InvariantCulture)) : null;
                var cell = new LessonCell(cellName, code, isExercise, start, limit);
                blocks.Add(new LessonBlock(null, cell));
                if (isExercise)
                {
                    int after = attributes.TryGetValue("solution-after", out var n) ? int.Parse(n, CultureInfo.InvariantCulture) : 3;
                    exercises[cellName] = new ExerciseDraft(cell, attributes.GetValueOrDefault("title") ?? cellName, after);
                    order.Add(cellName);
                }
                continue;
            }
            if (Attach(attributes, "check", exercises, source, start) is { } check)
            {
                if (check.Check is not null) throw Error(source, start, $"exercise '{check.Cell.Name}' has two checks", "merge them into one check block");
                check.Check = code;
                continue;
            }
            if (Attach(attributes, "solution", exercises, source, start) is { } solved)
            {
                solved.Solution = code;
                continue;
            }
            if (Attach(attributes, "hint", exercises, source, start) is { } hinted)
            {
                hinted.Hints.Add(code.Trim());
                continue;
            }
            // An ordinary code fence: part of the prose.
            prose.AppendLine(lines[start - 1]).Append(body).AppendLine(lines[i]);
        }
        Flush(prose, blocks);

        var list = order.Select(name =>
        {
            var d = exercises[name];
            if (d.Check is null) throw Error(source, d.Cell.Line, $"exercise '{name}' has no check", $"add a ```csharp check={name} block after it");
            if (d.Solution is null) throw Error(source, d.Cell.Line, $"exercise '{name}' has no solution", $"add a ```csharp solution={name} block after it");
            if (d.Hints.Count == 0) throw Error(source, d.Cell.Line, $"exercise '{name}' has no hint", $"add at least one ```text hint={name} block");
            return new Exercise(name, d.Title, d.Cell, d.Check, d.Solution, d.Hints, d.SolutionAfter);
        }).ToArray();
        if (list.Length == 0) throw Error(source, 1, "the lesson has no exercise", "add a ```csharp exercise=NAME block with its check, solution and hints");
        return new Lesson(int.Parse(Required(meta, "number", source), CultureInfo.InvariantCulture), Required(meta, "slug", source),
            Required(meta, "title", source), meta.GetValueOrDefault("summary") ?? "", blocks, list, source);
    }

    private static ExerciseDraft? Attach(Dictionary<string, string> attributes, string kind, Dictionary<string, ExerciseDraft> exercises, string source, int line)
    {
        if (!attributes.TryGetValue(kind, out var name)) return null;
        return exercises.TryGetValue(name, out var draft)
            ? draft
            : throw Error(source, line, $"this {kind} names exercise '{name}', which is not defined above it", $"put it after the ```csharp exercise={name} block");
    }

    private static void Flush(StringBuilder prose, List<LessonBlock> blocks)
    {
        string text = prose.ToString().Trim('\n', '\r', ' ');
        if (text.Length > 0) blocks.Add(new LessonBlock(text + "\n", null));
        prose.Clear();
    }

    private static Dictionary<string, string> ReadFrontMatter(string[] lines, ref int i, string source)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        if (lines.Length == 0 || lines[0].Trim() != "---")
            throw Error(source, 1, "the lesson has no front matter", "start the file with ---, then number:, slug:, title:, summary:, then ---");
        for (i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            int colon = lines[i].IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0) throw Error(source, i + 1, $"front matter line '{lines[i]}' is not 'key: value'", "write one key: value per line");
            meta[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
        }
        i++;
        return meta;
    }

    private static string Required(Dictionary<string, string> meta, string key, string source) =>
        meta.TryGetValue(key, out var value) && value.Length > 0 ? value : throw Error(source, 1, $"the front matter has no '{key}'", $"add a line '{key}: ...' between the --- lines");

    private static Dictionary<string, string> ParseAttributes(string info)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in AttributeRegex().Matches(info))
            result[m.Groups["key"].Value] = m.Groups["quoted"].Success ? m.Groups["quoted"].Value : m.Groups["plain"].Value;
        return result;
    }

    private static FormatException Error(string source, int line, string what, string fix) =>
        new($"{source} line {line}: {what}. help: {fix}.");

    [GeneratedRegex(@"^(?<ticks>`{3,})(?<info>[^`]*)$")]
    private static partial Regex FenceRegex();

    [GeneratedRegex("(?<key>[a-z-]+)=(?:\"(?<quoted>[^\"]*)\"|(?<plain>[^\\s\"]+))")]
    private static partial Regex AttributeRegex();

    private sealed class ExerciseDraft(LessonCell cell, string title, int solutionAfter)
    {
        public LessonCell Cell { get; } = cell;
        public string Title { get; } = title;
        public int SolutionAfter { get; } = solutionAfter;
        public string? Check { get; set; }
        public string? Solution { get; set; }
        public List<string> Hints { get; } = [];
    }
}
