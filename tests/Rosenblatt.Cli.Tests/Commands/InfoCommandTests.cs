using System.Text.Json;

namespace Rosenblatt.Cli.Tests.Commands;

public class InfoCommandTests
{
    [Fact]
    public void Info_Iris_ShowsLayersShapesAndParameterCountsLikeKeras()
    {
        var run = CliRun.Of("info", "--model", TrainedModels.Iris);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Model: network 4-16-3", run.Out);
        Assert.Contains("│ dense_1 (Dense) │ (None, 16)   │ relu       │      80 │", run.Out);
        Assert.Contains("│ dense_2 (Dense) │ (None, 3)    │ softmax    │      51 │", run.Out);
        Assert.Contains("Total params: 131", run.Out);
        Assert.Contains("Classes (3): setosa, versicolor, virginica", run.Out);
        Assert.Contains("Scaling: standard", run.Out);
        Assert.Contains("test accuracy", run.Out);
    }

    [Fact]
    public void Info_Json_CountsEveryParameter()
    {
        using var doc = JsonDocument.Parse(CliRun.Of("info", "--model", TrainedModels.Digits, "--json").Out);
        Assert.Equal(64 * 128 + 128 + 128 * 10 + 10, doc.RootElement.GetProperty("parameters").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("layers").GetArrayLength());
    }

    [Fact]
    public void Info_NotAModelFile_IsAUserError()
    {
        using var files = new TempFiles();
        string path = files.Write("notes.json", "{\"hello\": 1}");
        UserErrors.AssertOneLine(CliRun.Of("info", "--model", path), "notes.json");
    }
}

/// <summary>info says which epoch the saved weights are from, and whether the run was interrupted.</summary>
public class InfoWeightsEpochTests
{
    [Fact]
    public void Info_AfterEarlyStoppingRestoredTheBest_NamesThatEpochAndItsLoss()
    {
        using var files = new TempFiles();
        string model = files.PathOf("early.json");
        var train = CliRun.Of("train", "--data", "iris", "--layers", "16", "--lr", "0.05", "--epochs", "200", "--validation", "0.2", "--patience", "3", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Err);
        using var trained = System.Text.Json.JsonDocument.Parse(train.Out);
        int best = trained.RootElement.GetProperty("bestEpoch").GetInt32();
        int run = trained.RootElement.GetProperty("epochs").GetInt32();
        Assert.True(best < run, $"best {best}, run {run}");

        var info = CliRun.Of("info", "--model", model);
        Assert.Contains($"{run} epochs, weights from epoch {best} (the best, restored)", info.Out);
        Assert.Contains($"at epoch {best}", info.Out);
        Assert.Contains("stopped early", info.Out);
        Assert.DoesNotContain("final loss", info.Out);
    }

    [Fact]
    public void Info_AfterAnInterruptedRun_SaysItWasInterrupted()
    {
        // Stopped by its token after the third of ten epochs, as Ctrl+C stops the CLI, and saved by the library.
        using var files = new TempFiles();
        string model = files.PathOf("stopped.json");
        var iris = Rosenblatt.Data.BuiltInDatasets.Iris();
        var network = new Rosenblatt.Networks.MlpClassifier<string>(new Rosenblatt.Networks.MlpOptions { HiddenLayers = [8], Epochs = 10, LearningRate = 0.01 });
        using var stop = new CancellationTokenSource();
        network.Fit(iris.ToRows(), [.. iris.Labels.Select(l => iris.ClassNames[l])], new StopAfter(3, stop), stop.Token);
        Rosenblatt.Serialization.ModelFile.Save(model, network);

        var info = CliRun.Of("info", "--model", model);
        Assert.Contains("interrupted (Ctrl+C)", info.Out);
        Assert.Contains("3 epochs, weights from", info.Out);
    }

    private sealed class StopAfter(int epochs, CancellationTokenSource stop) : IProgress<Rosenblatt.Training.EpochRecord>
    {
        public void Report(Rosenblatt.Training.EpochRecord value)
        {
            if (value.Epoch == epochs) stop.Cancel();
        }
    }
}

/// <summary>info on a long run, whose saved history is thinned, still names the epoch its weights are from.</summary>
public class InfoThinnedHistoryTests
{
    [Fact]
    public void Info_AfterMoreEpochsThanTheHistoryKeeps_NamesTheLastEpochByNumber()
    {
        using var files = new TempFiles();
        string model = files.PathOf("long.json");
        var train = CliRun.Of("train", "--data", "and", "--model", "logistic", "--lr", "0.5", "--epochs", "20000", "--patience", "20000", "--out", model, "--json");
        Assert.True(train.ExitCode == 0, train.Err);
        var info = CliRun.Of("info", "--model", model);
        Assert.True(info.ExitCode == 0, info.Err);
        Assert.Contains("20000 epochs, weights from the last", info.Out);
    }
}
