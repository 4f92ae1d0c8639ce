using System.Text.Json;
using Rosenblatt.Cli.Plots;
using Rosenblatt.Cli.Tests.Plots;

namespace Rosenblatt.Cli.Tests.Commands;

public class PlotCommandTests
{
    [Fact]
    public void Plot_Digits_DrawsCurvesConfusionAndWeights_AndSaysWhyNoBoundary()
    {
        using var folder = new TempFiles();
        var run = CliRun.Of("plot", "--model", TrainedModels.Digits, "--data", "digits", "--out-dir", folder.Folder);
        Assert.Equal(0, run.ExitCode);
        foreach (string kind in new[] { "curves", "confusion", "weights" })
            Assert.True(Png.Size(folder.PathOf($"digits-{kind}.png")).Width > 0);
        Assert.Contains("skipped boundary: the model has 64 features", run.Out);
    }

    [Fact]
    public void Plot_Moons_DrawsTheBoundary()
    {
        using var folder = new TempFiles();
        var run = CliRun.Of("plot", "--model", TrainedModels.Moons, "--data", "moons", "--kind", "boundary", "--out-dir", folder.Folder, "--json");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        string path = doc.RootElement.GetProperty("written")[0].GetProperty("path").GetString()!;
        Assert.Equal((PlotFile.Width, PlotFile.Height), Png.Size(path));
    }

    [Fact]
    public void Plot_ABoundaryOf64Features_IsAUserError()
    {
        using var folder = new TempFiles();
        UserErrors.AssertOneLine(CliRun.Of("plot", "--model", TrainedModels.Digits, "--data", "digits", "--kind", "boundary", "--out-dir", folder.Folder), "64 features");
        Assert.Empty(Directory.GetFiles(folder.Folder));
    }
}
