namespace Rosenblatt.Tests.Docs;

/// <summary>Runs alone: the snippets print through <see cref="Console"/>, which is one writer for the whole process.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>Every C# snippet in README.md and docs/ compiles as pasted into a new console program and prints exactly
/// the output block shown under it.</summary>
[Collection(nameof(ConsoleCapture))]
public class DocSnippetTests
{
    public static TheoryData<string> Snippets()
    {
        var data = new TheoryData<string>();
        foreach (var snippet in DocSnippet.All())
            data.Add(snippet.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_CompilesAsPasted_AndPrintsWhatTheDocsShow(string where)
    {
        var snippet = DocSnippet.All().Single(s => s.ToString() == where);
        var (errors, output) = SnippetRunner.Run(snippet);
        Assert.True(errors.Count == 0, $"{where} does not compile:\n{string.Join("\n", errors)}");
        Assert.NotNull(output);
        Assert.True(snippet.ExpectedOutput is not null, $"{where} shows no output block; it printed:\n{output}");
        Assert.Equal(Normalize(snippet.ExpectedOutput!), Normalize(output!));
    }

    [Fact]
    public void TheDocs_HaveSnippetsToTest()
    {
        var all = DocSnippet.All();
        Assert.Contains(all, s => s.File == "README.md");
        Assert.Contains(all, s => s.File.EndsWith("model-files.md", StringComparison.Ordinal));
    }

    [Fact]
    public void SnippetRunner_ReportsACompileError_AndAWrongOutput()
    {
        var (errors, _) = SnippetRunner.Run(new DocSnippet("test.md", 1, "var x = ;", null));
        Assert.NotEmpty(errors);
        var (none, output) = SnippetRunner.Run(new DocSnippet("test.md", 1, "Console.WriteLine(new Rosenblatt.Numerics.Matrix(1, 2));", null));
        Assert.Empty(none);
        Assert.Equal("Matrix 1×2\n[[0 0]]", Normalize(output!));
    }

    [Fact]
    public void EveryCSharpBlock_IsTested_OrMarkedAsASkeleton()
    {
        string root = DocSnippet.RepositoryRoot;
        foreach (string file in new[] { Path.Combine(root, "README.md") }.Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md")))
        {
            bool quoted = false; // inside a ````-fence: an example of a file's content (docs/lessons.md's lesson format), not a program
            foreach (string line in File.ReadAllLines(file).Select(l => l.Trim()))
            {
                if (line.StartsWith("````", StringComparison.Ordinal))
                    quoted = !quoted;
                else if (!quoted && line.StartsWith("```c", StringComparison.Ordinal))
                    Assert.True(line is "```csharp" or "```csharp skeleton", $"{Path.GetFileName(file)}: '{line}' is neither tested (```csharp) nor marked as a skeleton");
            }
        }
    }

    private static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).Trim('\n');
}
