using System.Text.Json;
using Rosenblatt.Autodiff;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public class BackpropCommandTests
{
    [Fact]
    public void Default_PrintsForwardAndBackwardTables_WithTheWalkthroughsNumbers()
    {
        var run = CliRun.Of("backprop");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Err);
        string[] lines = run.Out.Split('\n');
        Assert.Equal("Two-neuron network: x = 1, t = 0, w1 = 0.5, b1 = 0, w2 = -0.5, b2 = 0", lines[0]);
        Assert.Contains("│ step │ formula     │ numbers         │ value     │", lines);
        Assert.Contains("│ h    │ σ(z1)       │ σ(0.5)          │ 0.622459  │", lines);
        Assert.Contains("│ L    │ 0.5·d²      │ 0.5·0.178772    │ 0.0893861 │", lines);
        Assert.Contains("│ ∂L/∂L      │ by definition                             │                         │ 1          │", lines);
        Assert.Contains("│ ∂L/∂w1     │ ∂L/∂(w1·x) · ∂(w1·x)/∂w1 = ∂L/∂(w1·x) · x │ (-0.0121244) × 1        │ -0.0121244 │", lines);
        Assert.Contains("│ ∂L/∂z1     │ ∂L/∂h · ∂h/∂z1 = ∂L/∂h · h·(1 - h)        │ (-0.0515924) × 0.235004 │ -0.0121244 │", lines);
        Assert.Contains("A gradient-descent step with lr 0.1 changes w1 by −lr·∂L/∂w1 = -0.1 × (-0.0121244) = 0.00121244:", lines);
        Assert.Contains("w1 0.5 → 0.501212, b1 0 → 0.00121244, w2 -0.5 → -0.506423, b2 0 → -0.0103185;", lines);
        Assert.Contains("the loss goes from 0.0893861 to 0.0878872.", lines);
        Assert.DoesNotContain("Graph:", run.Out);
    }

    [Fact]
    public void Default_ListsEveryForwardValueBeforeEveryGradient()
    {
        var walk = BackpropWalkthrough.TwoNeurons();
        string output = CliRun.Of("backprop").Out;
        int backward = output.IndexOf("Backward:", StringComparison.Ordinal);
        Assert.True(backward > 0);
        foreach (var step in walk.ForwardSteps)
            Assert.InRange(output.IndexOf($"│ {step.Title} ", StringComparison.Ordinal), 0, backward);
        foreach (var step in walk.BackwardSteps)
            Assert.True(output.IndexOf($"│ {step.Title} ", backward, StringComparison.Ordinal) > backward, step.Title);
    }

    [Fact]
    public void Json_GradientsEqualTheLibrarys_ForGivenNumbers()
    {
        var run = CliRun.Of("backprop", "--x", "2", "--target", "1", "--w1", "-0.3", "--b1", "0.1", "--w2", "0.8", "--b2", "-0.2", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var walk = BackpropWalkthrough.TwoNeurons(new TwoNeuronNetwork(X: 2, Target: 1, W1: -0.3, B1: 0.1, W2: 0.8, B2: -0.2));
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        var gradients = root.GetProperty("gradients");
        foreach (var (name, value) in walk.Gradients)
            Assert.Equal(value, gradients.GetProperty(name).GetDouble());
        Assert.Equal(walk.Loss, root.GetProperty("loss").GetDouble());
        Assert.Equal(walk.ForwardSteps.Select(s => s.Title), root.GetProperty("forward").EnumerateArray().Select(s => s.GetProperty("title").GetString()));
        Assert.Equal(walk.BackwardSteps.Select(s => s.Result), root.GetProperty("backward").EnumerateArray().Select(s => s.GetProperty("result").GetDouble()));
        Assert.Equal(-0.3, root.GetProperty("network").GetProperty("w1").GetDouble());
        var w1 = root.GetProperty("update")[0];
        Assert.Equal("w1", w1.GetProperty("parameter").GetString());
        Assert.Equal(-0.3 - 0.1 * walk.Gradients["w1"], w1.GetProperty("after").GetDouble());
        Assert.True(root.GetProperty("lossAfterStep").GetDouble() < walk.Loss);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("graph").ValueKind);
        Assert.DoesNotContain("╭", run.Out);
    }

    [Fact]
    public void Graph_PrintsEveryValueWithItsDataAndGradient()
    {
        var run = CliRun.Of("backprop", "--graph");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Graph: every value with its data and gradient, inputs first", run.Out);
        Assert.Contains(GraphText.Render(BackpropWalkthrough.TwoNeurons().Root).Split('\n')[5], run.Out);
    }

    [Fact]
    public void Dot_WritesAGraphvizFile_AndLeavesNoTemporaryFileBehind()
    {
        using var files = new TempFiles();
        string path = files.Write("graph.dot", "old contents");
        var run = CliRun.Of("backprop", "--dot", path);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        string dot = File.ReadAllText(path);
        Assert.StartsWith("digraph", dot);
        Assert.Equal(GraphDot.Render(BackpropWalkthrough.TwoNeurons().Root), dot);
        Assert.Equal([path], Directory.GetFiles(files.Folder));
        Assert.Contains($"Wrote the graph to {path}", run.Out);
    }

    [Fact]
    public void DotIntoAMissingFolder_ExitsOne_NamingTheFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "rosenblatt-no-such-folder-" + Guid.NewGuid().ToString("N"), "graph.dot");
        var run = CliRun.Of("backprop", "--dot", path);
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.StartsWith("error: --dot ", run.Err);
        Assert.Contains("does not exist", run.Err);
        Assert.Equal("", run.Out);
    }

    [Theory]
    [InlineData("--x", "nan", "NaN")]
    [InlineData("--w2", "Infinity", "Infinity")]
    [InlineData("--target", "-Infinity", "-Infinity")]
    public void NonFiniteNumber_ExitsOne_NamingTheOption(string option, string value, string shown)
    {
        string line = CliRun.Of("backprop", option, value).UserErrorLine();
        Assert.StartsWith($"error: {option} must be a finite number (received {shown}). help:", line);
    }

    [Fact]
    public void NotANumber_ExitsTwo()
    {
        var run = CliRun.Of("backprop", "--w1", "abc");
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("'abc'", run.Err);
        Assert.Contains("--w1", run.Err);
    }

    [Fact]
    public void NonPositiveLearningRate_ExitsOne()
    {
        var run = CliRun.Of("backprop", "--lr", "-0.1", "--json");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Err);
        Assert.StartsWith("--lr must be a finite number > 0 (received -0.1)", doc.RootElement.GetProperty("error").GetString());
    }
}
