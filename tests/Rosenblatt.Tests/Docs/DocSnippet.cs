namespace Rosenblatt.Tests.Docs;

/// <summary>One fenced <c>```csharp</c> block of README.md or docs/*.md, and the output block printed right after it, if any.</summary>
/// <param name="File">The Markdown file, relative to the repository root.</param>
/// <param name="Line">The line of the opening fence (1-based).</param>
/// <param name="Code">The C# program.</param>
/// <param name="ExpectedOutput">The plain fenced block that follows it (what the program must print), or null.</param>
public sealed record DocSnippet(string File, int Line, string Code, string? ExpectedOutput)
{
    /// <summary>The repository root: the first folder above the test binaries that holds Rosenblatt.slnx.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (System.IO.File.Exists(Path.Combine(dir.FullName, "Rosenblatt.slnx")))
                    return dir.FullName;
            throw new InvalidOperationException("Rosenblatt.slnx not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Every C# block of README.md and docs/*.md, in file order.</summary>
    public static IReadOnlyList<DocSnippet> All()
    {
        string root = RepositoryRoot;
        var files = new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order().Select(f => Path.GetRelativePath(root, f)));
        return [.. files.SelectMany(f => Read(f, System.IO.File.ReadAllLines(Path.Combine(root, f))))];
    }

    /// <summary>The C# blocks of one Markdown text: <c>```csharp</c> opens one; a plain <c>```</c> or <c>```text</c> block
    /// after it (only blank lines between) is its printed output.</summary>
    public static IEnumerable<DocSnippet> Read(string file, string[] lines)
    {
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
                continue;
            int open = i;
            var code = Block(lines, ref i);
            int next = i + 1;
            while (next < lines.Length && lines[next].Trim().Length == 0) next++;
            string? output = null;
            if (next < lines.Length && lines[next].Trim() is "```" or "```text")
            {
                i = next;
                output = Block(lines, ref i);
            }
            yield return new DocSnippet(file, open + 1, code, output);
        }
    }

    /// <summary>The lines between the fence at <paramref name="i"/> and its closing fence (left at <paramref name="i"/>), unindented as the fence is.</summary>
    private static string Block(string[] lines, ref int i)
    {
        int indent = lines[i].Length - lines[i].TrimStart().Length;
        var body = new List<string>();
        for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
            body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
        return string.Join("\n", body);
    }

    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
