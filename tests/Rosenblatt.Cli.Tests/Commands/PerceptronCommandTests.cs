using System.Text.Json;
using Rosenblatt.Cli;

namespace Rosenblatt.Cli.Tests.Commands;

public class PerceptronCommandTests
{
    [Fact]
    public void And_WithTheSeedsSettings_PrintsMistakesPerEpochAndTheFinalWeights()
    {
        var run = CliRun.Of("perceptron", "--gate", "and", "--lr", "0.1", "--epochs", "10");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("│ 1     │ 2        │ [0.1, 0.1] │ 0       │", run.Out);
        Assert.Contains("│ 4     │ 0        │ [0.2, 0.1] │ -0.2    │", run.Out);
        Assert.Contains("w = [0.2, 0.1], b = -0.2; 100% of rows correct", run.Out);
        Assert.Contains("Converged after 4 epochs (8 updates)", run.Out);
        Assert.DoesNotContain("│ 5 ", run.Out);
    }

    [Fact]
    public void And_ShowsTinyRoundingInScientificNotationNotMinusZero()
    {
        var run = CliRun.Of("perceptron", "--gate", "and");
        Assert.Contains("│ [1, 0] │ -2.78e-17 │ 0          │ 0      │ ✓   │", run.Out);
    }

    [Fact]
    public void Xor_RunsAllTenEpochsAndSaysItDidNotConverge()
    {
        var run = CliRun.Of("perceptron", "--gate", "xor", "--json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("converged").GetBoolean());
        Assert.Equal([3, 3, 4, 4, 4, 4, 4, 4, 4, 4], root.GetProperty("mistakesPerEpoch").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([1, 1, 0, 0], root.GetProperty("truthTable").EnumerateArray().Select(r => r.GetProperty("prediction").GetInt32()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("steps").ValueKind);
    }

    [Fact]
    public void Log_PrintsEveryStepWithWeightsBeforeAndAfter()
    {
        var run = CliRun.Of("perceptron", "--gate", "or", "--log", "--json");
        using var doc = JsonDocument.Parse(run.Out);
        var steps = doc.RootElement.GetProperty("steps").EnumerateArray().ToArray();
        Assert.Equal(doc.RootElement.GetProperty("epochsRun").GetInt32() * 4, steps.Length);
        Assert.Equal(-1, steps[0].GetProperty("error").GetInt32());
        Assert.Equal(-0.1, steps[0].GetProperty("biasAfter").GetDouble(), 12);

        var table = CliRun.Of("perceptron", "--gate", "or", "--log");
        Assert.Contains("w before", table.Out);
    }

    [Fact]
    public void BadLearningRate_IsAUserErrorNamingTheOptionAndTheFix()
    {
        var run = CliRun.Of("perceptron", "--lr", "-0.1");
        Assert.Equal(ExitCodes.UserError, run.ExitCode);
        Assert.StartsWith("error: LearningRate must be a finite number > 0 (received -0.1). help:", run.Err);
        Assert.Single(run.Err.Trim().Split('\n'));
    }

    [Fact]
    public void ZeroEpochs_IsAUserError() =>
        Assert.Equal(ExitCodes.UserError, CliRun.Of("perceptron", "--epochs", "0").ExitCode);

    [Fact]
    public void UnknownVariant_IsAUsageError() =>
        Assert.Equal(ExitCodes.Usage, CliRun.Of("perceptron", "--variant", "best").ExitCode);

    [Fact]
    public void PocketOnXor_KeepsTheBestWeightsSeen()
    {
        // In truth-table order the rule only ever visits weights that get 2 of 4 right; shuffled, it passes
        // through a 3-of-4 line, the best any line can do on XOR, and the pocket keeps it.
        var pocket = CliRun.Of("perceptron", "--gate", "xor", "--variant", "pocket", "--shuffle", "--seed", "0", "--epochs", "50", "--json");
        var classic = CliRun.Of("perceptron", "--gate", "xor", "--shuffle", "--seed", "0", "--epochs", "50", "--json");
        using var p = JsonDocument.Parse(pocket.Out);
        using var c = JsonDocument.Parse(classic.Out);
        Assert.Equal(0.75, p.RootElement.GetProperty("trainingAccuracy").GetDouble());
        Assert.True(c.RootElement.GetProperty("trainingAccuracy").GetDouble() <= 0.75);
    }

    [Fact]
    public void Data_WithACsvFile_LearnsItsStringLabels()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rosenblatt-and-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "x1,x2,label\n0,0,no\n0,1,no\n1,0,no\n1,1,yes\n");
        try
        {
            var run = CliRun.Of("perceptron", "--data", path, "--json");
            Assert.Equal(ExitCodes.Success, run.ExitCode);
            using var doc = JsonDocument.Parse(run.Out);
            Assert.Equal(["no", "yes"], doc.RootElement.GetProperty("classes").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal([2, 3, 3, 0], doc.RootElement.GetProperty("mistakesPerEpoch").EnumerateArray().Select(e => e.GetInt32()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Data_WithTextInANumericColumn_NamesLineColumnAndValue()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rosenblatt-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "0,0,a\n1,x,b\n");
        try
        {
            var run = CliRun.Of("perceptron", "--data", path);
            Assert.Equal(ExitCodes.UserError, run.ExitCode);
            Assert.Contains("line 2, column 2: \"x\" is not a number", run.Err);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Data_WithAMissingFile_IsAUserError() =>
        Assert.Equal(ExitCodes.UserError, CliRun.Of("perceptron", "--data", "/nonexistent/file.csv").ExitCode);

    [Fact]
    public void Xor_SaysNoLineExistsWithTheCertificateAndAdvisesAHiddenLayer()
    {
        var run = CliRun.Of("perceptron", "--gate", "xor");
        string text = string.Join(" ", run.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("(0.5, 0.5) is the average of (0, 0) and (1, 1) (labelled 0) and also of (0, 1) and (1, 0) (labelled 1), so no line can put the two classes on different sides", text);
        Assert.Contains("Add a hidden layer", text);
    }

    [Fact]
    public void And_ReportsTheConvergenceBoundInTextAndJson()
    {
        var run = CliRun.Of("perceptron", "--gate", "and");
        string text = string.Join(" ", run.Out.Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("allows at most (R/γ)² = 51 updates on this data; this run made 8.", text);

        using var doc = JsonDocument.Parse(CliRun.Of("perceptron", "--gate", "and", "--json").Out);
        var root = doc.RootElement;
        Assert.Equal(51, root.GetProperty("updateBound").GetInt64());
        var separability = root.GetProperty("separability");
        Assert.Equal("separable", separability.GetProperty("verdict").GetString());
        Assert.Equal(51, separability.GetProperty("bound").GetProperty("maxUpdates").GetInt64());
        Assert.True(root.GetProperty("updates").GetInt32() <= 51);
    }

    [Fact]
    public void Xor_JsonCarriesTheCertificate()
    {
        using var doc = JsonDocument.Parse(CliRun.Of("perceptron", "--gate", "xor", "--json").Out);
        var separability = doc.RootElement.GetProperty("separability");
        Assert.Equal("notSeparable", separability.GetProperty("verdict").GetString());
        Assert.Equal([0.5, 0.5], separability.GetProperty("certificate").GetProperty("commonPoint").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("updateBound").ValueKind);
    }

    [Fact]
    public void InitRandom_IsSeededAndTheBoundAddsTheStartingTerm()
    {
        var first = CliRun.Of("perceptron", "--gate", "nand", "--init", "random", "--seed", "3", "--epochs", "100", "--json");
        var again = CliRun.Of("perceptron", "--gate", "nand", "--init", "random", "--seed", "3", "--epochs", "100", "--json");
        Assert.Equal(first.Out, again.Out);
        using var doc = JsonDocument.Parse(first.Out);
        var root = doc.RootElement;
        Assert.Equal("random", root.GetProperty("initialization").GetString());
        Assert.True(root.GetProperty("separability").GetProperty("bound").GetProperty("initialWeightNorm").GetDouble() > 0);
        Assert.True(root.GetProperty("updates").GetInt32() <= root.GetProperty("updateBound").GetInt64());
    }

    [Fact]
    public void Perceptron_MoreEpochsThanTheWeightPathKeeps_ShowsTheFirstOnesAndSaysSo()
    {
        // XOR never converges, so every epoch runs; the per-epoch table stops where the kept weight path does.
        var run = CliRun.Of("perceptron", "--gate", "xor", "--epochs", "10005");
        Assert.True(run.ExitCode == 0, run.Err);
        Assert.Contains("(the first 10000 of 10005 epochs)", run.Out);
    }
}
