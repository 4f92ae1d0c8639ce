using System.Text;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary>The <c>next:</c> line train prints works when pasted: it carries every option that shaped the data.</summary>
public class NextHintTests
{
    /// <summary>Splits a command line as a POSIX shell does for plain words and single quotes.</summary>
    private static string[] ShellWords(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false, quoted = false, escaped = false;
        foreach (char c in line)
        {
            if (escaped) { word.Append(c); escaped = false; }
            else if (quoted)
            {
                if (c == '\'') quoted = false; else word.Append(c);
            }
            else if (c == '\'') { quoted = true; inWord = true; }
            else if (c == '\\') { inWord = true; escaped = true; }
            else if (c == ' ')
            {
                if (inWord) { words.Add(word.ToString()); word.Clear(); inWord = false; }
            }
            else { word.Append(c); inWord = true; }
        }
        if (inWord) words.Add(word.ToString());
        return [.. words];
    }

    [Fact]
    public void Next_AfterTrainingOnACsvWithItsOwnLabelDelimiterAndHeader_RunsAsPasted()
    {
        using var files = new TempFiles();
        string folder = Path.Combine(files.Folder, "my models");
        Directory.CreateDirectory(folder);
        var rows = new StringBuilder("kind;a;b\n");
        for (int i = 0; i < 40; i++)
            rows.Append(i % 2 == 0 ? "low" : "high").Append(';').Append(i % 2 * 3 + i * 0.01).Append(';').Append(i % 7).Append('\n');
        string csv = Path.Combine(folder, "semi colon.csv");
        File.WriteAllText(csv, rows.ToString());
        var train = CliRun.Of("train", "--data", csv, "--label", "kind", "--delimiter", ";", "--header", "true", "--epochs", "3",
            "--out", Path.Combine(folder, "it's.json"));
        Assert.True(train.ExitCode == 0, train.Err);
        string next = train.Out.Split('\n').Single(l => l.StartsWith("next: ", StringComparison.Ordinal))["next: ".Length..];
        string[] words = ShellWords(next);
        Assert.Equal(["rosenblatt", "evaluate"], words[..2]);
        Assert.True(words.Contains("--delimiter"), next);
        var evaluate = CliRun.Of(words[1..]);
        Assert.True(evaluate.ExitCode == 0, next + "\n" + evaluate.Err);
        Assert.Contains("accuracy", evaluate.Out);
    }
}
