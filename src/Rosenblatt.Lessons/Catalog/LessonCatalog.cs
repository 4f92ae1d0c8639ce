using System.Reflection;

namespace Rosenblatt.Lessons.Catalog;

/// <summary>The course: every lesson, in order, read from the files embedded in this library or from a folder.</summary>
/// <remarks>The embedded copy is the default so an installed tool carries its lessons; a folder lets authors edit a lesson and see it at once.</remarks>
public sealed class LessonCatalog
{
    private LessonCatalog(IReadOnlyList<Lesson> lessons) => Lessons = lessons;

    /// <summary>The lessons ordered by number.</summary>
    public IReadOnlyList<Lesson> Lessons { get; }

    /// <summary>The lessons embedded in this library (<c>src/Rosenblatt.Lessons/Content/*.md</c>).</summary>
    public static LessonCatalog Embedded { get; } = LoadEmbedded();

    /// <summary>Reads every <c>*.md</c> lesson in <paramref name="folder"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FormatException">A lesson file breaks the format.</exception>
    public static LessonCatalog FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new DirectoryNotFoundException($"the lessons folder '{folder}' does not exist. help: point at the folder holding the NN-name.md lesson files.");
        return From(Directory.EnumerateFiles(folder, "*.md").Select(f => LessonParser.Parse(File.ReadAllText(f), Path.GetFileName(f))));
    }

    /// <summary>The lesson numbered <paramref name="number"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such lesson: the message gives the range.</exception>
    public Lesson Get(int number) => Lessons.FirstOrDefault(l => l.Number == number)
        ?? throw new ArgumentOutOfRangeException(nameof(number), number, $"there is no lesson {number}. help: lessons are numbered 1 to {Lessons.Count}; 'rosenblatt lesson list' shows them.");

    private static LessonCatalog LoadEmbedded()
    {
        var assembly = typeof(LessonCatalog).Assembly;
        return From(assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("Lessons/", StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Select(n => LessonParser.Parse(Read(assembly, n), n["Lessons/".Length..])));
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static LessonCatalog From(IEnumerable<Lesson> lessons)
    {
        var list = lessons.OrderBy(l => l.Number).ToArray();
        var duplicate = list.GroupBy(l => l.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new FormatException($"lessons {string.Join(" and ", duplicate.Select(l => l.Source))} both have number {duplicate.Key}. help: number the lessons 1, 2, 3, ...");
        return new LessonCatalog(list);
    }
}
