using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public class CompareCommandTests
{
    [Fact]
    public void And_ShowsBothModelsSideBySide()
    {
        var run = CliRun.Of("compare");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("│ training accuracy               │ 100%              │ 100%                 │", run.Out);
        Assert.Contains("│ output                          │ hard class 0 or 1 │ probability P(1 | x) │", run.Out);
        Assert.Contains("boundary turns by", run.Out);
    }

    [Fact]
    public void Json_ReportsConvergenceProbabilitiesAndBoundaryShift()
    {
        var run = CliRun.Of("compare", "--gate", "and", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("perceptron").GetProperty("converged").GetBoolean());
        Assert.Equal(4, root.GetProperty("perceptron").GetProperty("epochs").GetInt32());
        Assert.True(root.GetProperty("logistic").GetProperty("converged").GetBoolean());
        Assert.False(root.GetProperty("perceptron").GetProperty("convergedWithOutlier").GetBoolean());
        var outputs = root.GetProperty("outputs").EnumerateArray().ToArray();
        Assert.True(outputs[3].GetProperty("probability").GetDouble() > 0.9);
        Assert.True(outputs[0].GetProperty("probability").GetDouble() < 0.1);
        Assert.True(root.GetProperty("logistic").GetProperty("shift").GetProperty("slide").GetDouble() > 0);
    }

    [Fact]
    public void OutlierWithWrongDimension_IsAUserError() =>
        Assert.Contains("--outlier has 3 values", CliRun.Of("compare", "--outlier", "1,2,3").UserErrorLine());
}
