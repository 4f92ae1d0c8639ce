using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

/// <summary><c>train</c>, <c>evaluate</c> and <c>predict</c> on a data-folder image set: the bytes path, and the status lines
/// that keep a long step from being silent.</summary>
public sealed class TrainOnImagesTests : IDisposable
{
    private readonly TinyMnist _mnist = new();
    private readonly TempFiles _files = new();

    public void Dispose()
    {
        _mnist.Dispose();
        _files.Dispose();
    }

    [Fact]
    public void Train_OnMnist_PrintsAStatusLineForLoadingScalingAndEvaluating()
    {
        var run = CliRun.Of("train", "--data", "mnist", "--data-dir", _mnist.Folder, "--epochs", "2", "--batch", "16");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        int loading = Array.IndexOf(lines, "Loading mnist ...");
        int scaling = Array.IndexOf(lines, "Fitting the minmax scaler on 60 images ...");
        int evaluating = Array.IndexOf(lines, "Evaluating on 60 training and 20 test rows ...");
        Assert.True(loading >= 0 && scaling > loading && evaluating > scaling, run.Out);
        Assert.Contains("test (20 rows)", run.Out);
    }

    [Fact]
    public void Train_OnMnistWithJson_PrintsOnlyTheDocument()
    {
        var run = CliRun.Of("train", "--data", "mnist", "--data-dir", _mnist.Folder, "--epochs", "1", "--json");
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(20, json.RootElement.GetProperty("testRows").GetInt32());
        Assert.Equal("minmax", json.RootElement.GetProperty("scaling").GetString());
    }

    [Fact]
    public void Evaluate_AModelTrainedOnMnistBytes_ReportsTheTestAccuracyTrainMeasured()
    {
        string model = Path.Combine(_files.Folder, "mnist.json");
        var train = CliRun.Of("train", "--data", "mnist", "--data-dir", _mnist.Folder, "--epochs", "3", "--out", model, "--json");
        Assert.Equal(0, train.ExitCode);
        double trained = JsonDocument.Parse(train.Out).RootElement.GetProperty("testAccuracy").GetDouble();

        var evaluate = CliRun.Of("evaluate", "--model", model, "--data", "mnist", "--data-dir", _mnist.Folder, "--json");
        Assert.Equal(0, evaluate.ExitCode);
        using var json = JsonDocument.Parse(evaluate.Out);
        Assert.Equal(20, json.RootElement.GetProperty("rows").GetInt32());
        Assert.Equal(trained, json.RootElement.GetProperty("accuracy").GetDouble());
    }

    [Theory]
    [InlineData("logistic")]
    [InlineData("perceptron")]
    public void Train_LinearModelsOnMnist_FitTheScalerOnTheBytes(string model)
    {
        // The status line belongs to the bytes path: the double-row path scaled a copy of the rows instead, with no status.
        var run = CliRun.Of("train", "--data", "mnist", "--model", model, "--data-dir", _mnist.Folder, "--epochs", "2");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Fitting the minmax scaler on 60 images ...", run.Out.Split('\n'));
        Assert.Contains("test (20 rows)", run.Out);
    }

    [Theory]
    [InlineData("logistic")]
    [InlineData("perceptron")]
    public void Evaluate_ALinearModelTrainedOnMnistBytes_ReportsTheTestAccuracyTrainMeasured(string kind)
    {
        string model = Path.Combine(_files.Folder, kind + ".json");
        var train = CliRun.Of("train", "--data", "mnist", "--model", kind, "--data-dir", _mnist.Folder, "--epochs", "3", "--out", model, "--json");
        Assert.Equal(0, train.ExitCode);
        double trained = JsonDocument.Parse(train.Out).RootElement.GetProperty("testAccuracy").GetDouble();

        var evaluate = CliRun.Of("evaluate", "--model", model, "--data", "mnist", "--data-dir", _mnist.Folder, "--json");
        Assert.Equal(0, evaluate.ExitCode);
        using var json = JsonDocument.Parse(evaluate.Out);
        Assert.Equal(trained, json.RootElement.GetProperty("accuracy").GetDouble());
    }
}
