using System.Globalization;
using Rosenblatt.Data;

namespace Rosenblatt.Cli.Tests.Docs;

/// <summary>Runs alone: the examples use relative paths, so the working folder is switched for them.</summary>
[CollectionDefinition(nameof(WorkingFolder), DisableParallelization = true)]
public sealed class WorkingFolder;

/// <summary>Every error example in README.md and docs/ (a <c>$ rosenblatt ...</c> line followed by its <c>error: ...</c>
/// line) is run against the files it names, and must print exactly that line with the exit code shown.</summary>
[Collection(nameof(WorkingFolder))]
public class DocErrorExamplesTests
{
    /// <summary>One documented failing command.</summary>
    public sealed record Example(string File, int Line, string Command, string Error, int ExitCode)
    {
        public override string ToString() => $"{File}:{Line}";
    }

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Rosenblatt.slnx")))
                    return dir.FullName;
            throw new InvalidOperationException("Rosenblatt.slnx not found");
        }
    }

    public static IReadOnlyList<Example> All()
    {
        var examples = new List<Example>();
        foreach (string file in new[] { "README.md" }.Concat(Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order().Select(f => Path.GetRelativePath(Root, f))))
        {
            string[] lines = File.ReadAllLines(Path.Combine(Root, file));
            for (int i = 0; i + 1 < lines.Length; i++)
            {
                if (!lines[i].StartsWith("$ rosenblatt ", StringComparison.Ordinal) || !lines[i + 1].StartsWith("error: ", StringComparison.Ordinal))
                    continue;
                string command = lines[i]["$ rosenblatt ".Length..];
                int exit = ExitCodes.UserError;
                int comment = command.IndexOf('#', StringComparison.Ordinal);
                if (comment >= 0)
                {
                    var code = System.Text.RegularExpressions.Regex.Match(command[comment..], @"exit (\d+)");
                    if (code.Success)
                        exit = int.Parse(code.Groups[1].Value, CultureInfo.InvariantCulture);
                    command = command[..comment];
                }
                examples.Add(new Example(file, i + 1, command.Trim(), lines[i + 1], exit));
            }
        }
        return examples;
    }

    public static TheoryData<string> Examples()
    {
        var data = new TheoryData<string>();
        foreach (var e in All())
            data.Add(e.ToString());
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ErrorExample_PrintsTheDocumentedMessage(string where)
    {
        var example = All().Single(e => e.ToString() == where);
        string folder = Fixtures.Value;
        string previous = Environment.CurrentDirectory;
        CliRun run;
        try
        {
            Environment.CurrentDirectory = folder;
            run = CliRun.Of(Split(example.Command));
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
        Assert.True(example.ExitCode == run.ExitCode, $"{where}: exit {run.ExitCode}, documented {example.ExitCode}; stderr {run.Err}");
        // The docs show the working folder as /home/me.
        string printed = run.Err.TrimEnd('\n').Replace(folder, "/home/me", StringComparison.Ordinal);
        Assert.True(example.Error == printed, $"{where} documents\n{example.Error}\nbut the command prints\n{printed}");
    }

    [Fact]
    public void TheDocs_HaveErrorExamples() => Assert.True(All().Count >= 15, $"{All().Count} examples");

    private static string[] Split(string command) => command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>The files the examples name, made once: broken CSVs, a model trained on iris and one on digits, a truncated model.</summary>
    private static readonly Lazy<string> Fixtures = new(() =>
    {
        string folder = Directory.CreateTempSubdirectory("rosenblatt-doc-examples-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        };
        File.WriteAllText(Path.Combine(folder, "ragged.csv"), "a,b,label\n1,2,x\n3,4\n");
        File.WriteAllText(Path.Combine(folder, "text.csv"), "a,b,label\n1,2,x\n3,hello,y\n");
        File.WriteAllText(Path.Combine(folder, "empty.csv"), "");
        File.WriteAllText(Path.Combine(folder, "renamed.csv"), "sepal_length,sepal_width,petal_length,stem_width,species\n5.1,3.5,1.4,0.2,setosa\n");
        File.WriteAllText(Path.Combine(folder, "semicolons.csv"), "a;b;label\n1;2;x\n3;4;y\n");
        File.WriteAllText(Path.Combine(folder, "one-class.csv"), "a,b,label\n1,2,x\n3,4,x\n");
        File.WriteAllLines(Path.Combine(folder, "ids.csv"), ["a,b,id", .. Enumerable.Range(0, 20_000).Select(i => $"{i % 7},{i % 11},{i / 4}")]);
        File.WriteAllText(Path.Combine(folder, "unseen.csv"),
            "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa\n6.0,3.0,4.8,1.8,tulip\n");
        var iris = BuiltInDatasets.Iris();
        File.WriteAllLines(Path.Combine(folder, "iris.csv"), ["sepal_length,sepal_width,petal_length,petal_width,species",
            .. Enumerable.Range(0, iris.Count).Select(r => string.Join(",", iris.Features.Row(r).ToArray().Select(v => v.ToString(CultureInfo.InvariantCulture))) + "," + iris.Labels[r])]);
        string previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            Assert.Equal(0, CliRun.Of("train", "--data", "iris", "--layers", "16", "--lr", "0.01", "--out", "iris.json").ExitCode);
            Assert.Equal(0, CliRun.Of("train", "--data", "digits", "--epochs", "1", "--out", "digits.json").ExitCode);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
        File.Copy(Path.Combine(folder, "iris.json"), Path.Combine(folder, "stopped.json"));
        File.WriteAllText(Path.Combine(folder, "rows.csv"), "5.1,3.5,1.4,0.2\n");
        // docs/onnx.md and cli.md's refused import: the PyTorch-exported network with an ELU, kept with the ONNX tests.
        File.Copy(Path.Combine(Root, "tests", "Rosenblatt.Onnx.Tests", "Fixtures", "torch_elu.onnx"), Path.Combine(folder, "elu.onnx"));
        string[] model = File.ReadAllLines(Path.Combine(folder, "iris.json"));
        File.WriteAllText(Path.Combine(folder, "truncated.json"), string.Join("\n", model.Take(21)) + "\n" + model[21][..Math.Min(46, model[21].Length)]);
        return folder;
    });
}
