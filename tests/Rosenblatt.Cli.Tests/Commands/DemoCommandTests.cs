using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public void Demo_WalksThePathWithTheSeedsNumbers_ThenTheDigits_AndWritesItsPictures()
    {
        using var folder = new TempFiles();
        var run = CliRun.Of("demo", "--out-dir", folder.Folder);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1·1 + 1·1 + (-1.5) = 0.5 → step(0.5) = 1", run.Out);
        Assert.Contains("mistakes per epoch: 2, 3, 3, 0", run.Out);
        Assert.Contains("learned w = [0.2, 0.1], b = -0.2", run.Out);
        Assert.Contains("mistakes per epoch: 3, 3, 4, 4, 4, 4, 4, 4, 4, 4", run.Out);
        Assert.Contains("[0.03 0.97 0.97 0.03]", run.Out);
        Assert.Contains("predictions 0.0298 0.9748 0.9747 0.0250 for targets 0 1 1 0", run.Out);

        var accuracy = System.Text.RegularExpressions.Regex.Match(run.Out, @"test accuracy (\d+\.\d+)% \((\d+)/360 images");
        Assert.True(accuracy.Success, run.Out);
        Assert.True(double.Parse(accuracy.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 97, accuracy.Value);
        foreach (string picture in new[] { "xor-boundary.png", "digits-curves.png", "digits-confusion.png", "digits-weights.png" })
        {
            Assert.Contains(picture, run.Out);
            Assert.True(Plots.Png.Size(Path.Combine(folder.Folder, picture)).Width > 0);
        }
        Assert.Contains(folder.Folder, run.Out);
    }

    [Fact]
    public void Demo_Json_ListsEveryChapter()
    {
        using var folder = new TempFiles();
        var run = CliRun.Of("demo", "--json", "--out-dir", folder.Folder);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("chapters").GetArrayLength() >= 7);
        Assert.Equal(Path.GetFullPath(folder.Folder), doc.RootElement.GetProperty("pictures").GetString());
    }
}
