using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public class DemoCommandTests
{
    [Fact]
    public void Demo_WalksThePathWithTheSeedsNumbers()
    {
        var run = CliRun.Of("demo");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("1·1 + 1·1 + (-1.5) = 0.5 → step(0.5) = 1", run.Out);
        Assert.Contains("mistakes per epoch: 2, 3, 3, 0", run.Out);
        Assert.Contains("learned w = [0.2, 0.1], b = -0.2", run.Out);
        Assert.Contains("mistakes per epoch: 3, 3, 4, 4, 4, 4, 4, 4, 4, 4", run.Out);
        Assert.Contains("[0.03 0.97 0.97 0.03]", run.Out);
    }

    [Fact]
    public void Demo_Json_ListsEveryChapter()
    {
        var run = CliRun.Of("demo", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        Assert.True(doc.RootElement.GetProperty("chapters").GetArrayLength() >= 5);
    }
}
