using Rosenblatt.Data;
using Rosenblatt.Networks;
using Rosenblatt.Serialization;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>A history stays compact however many epochs run: evenly thinned, first and latest epochs kept, true epoch numbers.</summary>
public sealed class TrainingHistoryThinningTests : IDisposable
{
    private readonly Serialization.TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static TrainingHistory Recorded(int epochs)
    {
        var history = new TrainingHistory();
        for (int e = 1; e <= epochs; e++)
            history.Add(e, epochs, 1.0 / e, null, null, null, 0.01, TimeSpan.FromTicks(e));
        return history;
    }

    [Fact]
    public void AMillionEpochs_KeepAtMostMaxRecords_EvenlySpaced_WithTheFirstAndTheLast()
    {
        var history = Recorded(1_000_000);
        var epochs = history.Epochs;
        Assert.InRange(epochs.Count, TrainingHistory.MaxRecords / 2, TrainingHistory.MaxRecords);
        Assert.Equal(1, epochs[0].Epoch);
        Assert.Equal(1_000_000, history.Last.Epoch);
        Assert.Equal(1.0 / 1_000_000, history.Last.Loss);
        int stride = epochs[1].Epoch - epochs[0].Epoch;
        Assert.True(stride > 1);
        for (int i = 1; i < epochs.Count - 1; i++)
        {
            Assert.Equal(stride, epochs[i].Epoch - epochs[i - 1].Epoch);
            Assert.Equal(1.0 / epochs[i].Epoch, epochs[i].Loss);   // each kept figure belongs to its own epoch
        }
    }

    [Fact]
    public void UpToMaxRecords_EveryEpochIsKept()
    {
        var history = Recorded(TrainingHistory.MaxRecords);
        Assert.Equal(TrainingHistory.MaxRecords, history.Epochs.Count);
        Assert.Equal(Enumerable.Range(1, TrainingHistory.MaxRecords), history.Epochs.Select(e => e.Epoch));
    }

    [Fact]
    public void ALongRun_SavesAndLoadsItsThinnedHistory_WithTheTrueEpochNumbers()
    {
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [4], Epochs = 25_000, BatchSize = 4, Seed = 1 });
        var history = model.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        Assert.True(history.Epochs.Count <= TrainingHistory.MaxRecords);
        Assert.Equal(25_000, history.Last.Epoch);

        string path = _folder.File("long.json");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        Assert.True(new FileInfo(path).Length < 2_000_000);
        var reloaded = loaded.As<MlpClassifier>().History;
        Assert.Equal(history.Epochs.Select(e => e.Epoch), reloaded.Epochs.Select(e => e.Epoch));
        Assert.Equal(history.Epochs.Select(e => e.Loss), reloaded.Epochs.Select(e => e.Loss));
        Assert.Equal(25_000, loaded.Training.Epochs);
    }

    [Fact]
    public void APerceptronsWeightPath_KeepsAtMostTheFirstMaxPathEpochs()
    {
        // XOR is not linearly separable: the classic rule runs every one of its epochs.
        var p = new Rosenblatt.Linear.Perceptron(new Rosenblatt.Linear.PerceptronOptions { LearningRate = 0.1, MaxEpochs = 12_000, AnalyzeSeparability = false });
        var report = p.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        Assert.Equal(12_000, report.EpochsRun);
        Assert.Equal(Rosenblatt.Linear.Perceptron.MaxPathEpochs, report.WeightsAfterEachEpoch.Count);
    }
}
