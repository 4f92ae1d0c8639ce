using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>The estimators let users fix the batch order, and the trainer reports each batch as well as each epoch.</summary>
public class BatchOrderAndBatchProgressTests
{
    private static (double[][] X, int[] Y) Rows()
    {
        var (x, y) = TrainerTests.Blobs(seed: 5, rows: 40);
        return ([.. Enumerable.Range(0, x.Rows).Select(r => x.Row(r).ToArray().Select(v => (double)v).ToArray())],
            [.. Enumerable.Range(0, y.Rows).Select(r => (int)y[r, 0])]);
    }

    private static double[][] Reversed(double[][] x) => [.. x.Reverse()];

    [Fact]
    public void MlpClassifier_WithoutShuffle_DependsOnTheRowOrder_AndIsTheSameForEachSeed()
    {
        var (x, y) = Rows();
        MlpClassifier Fit(int seed, double[][] rows, int[] labels, bool shuffle)
        {
            var m = new MlpClassifier(new MlpOptions { HiddenLayers = [4], Epochs = 3, BatchSize = 8, Seed = 1, Shuffle = shuffle });
            m.Fit(rows, labels);
            return m;
        }
        float[] W(MlpClassifier m) => m.Network.Layers[0].Weights.AsSpan().ToArray();

        // Fixed order: the same rows in another order give other weights (the batches differ); the order is all that matters.
        var inOrder = Fit(1, x, y, shuffle: false);
        var reversed = Fit(1, Reversed(x), [.. y.Reverse()], shuffle: false);
        Assert.NotEqual(W(inOrder), W(reversed));
        Assert.Equal(W(inOrder), W(Fit(1, x, y, shuffle: false)));
        // Shuffled (the default) differs from the fixed order with the same seed.
        Assert.NotEqual(W(inOrder), W(Fit(1, x, y, shuffle: true)));
    }

    [Fact]
    public void MlpClassifier_WithoutShuffle_GivesTheTrainersUnshuffledBits()
    {
        var (x, y) = Rows();
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [4], Epochs = 3, BatchSize = 8, Seed = 1, Shuffle = false, Optimizer = "sgd", LearningRate = 0.1 });
        model.Fit(x, y);

        var network = new Network(2, [new Dense(4, "relu"), new Dense(1, "sigmoid")], 1);
        new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 8, Seed = 1, Shuffle = false }).Fit(
            network, BinaryCrossEntropy.Instance, new Sgd(0.1), Rosenblatt.Numerics.Matrix.FromRows(x), new Rosenblatt.Numerics.Matrix(y.Length, 1, [.. y.Select(v => (float)v)]));
        Assert.Equal(network.Layers[0].Weights.AsSpan().ToArray(), model.Network.Layers[0].Weights.AsSpan().ToArray());
    }

    [Fact]
    public void LogisticRegression_MiniBatchesWithoutShuffle_DependOnTheRowOrder()
    {
        var (x, y) = Rows();
        double[] Coefficients(double[][] rows, int[] labels, bool shuffle)
        {
            var m = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 3, BatchSize = 8, Shuffle = shuffle, Seed = 2 });
            m.Fit(rows, labels);
            return [.. m.Network.Layers[0].Weights.AsSpan().ToArray().Select(v => (double)v)];
        }
        Assert.NotEqual(Coefficients(x, y, false), Coefficients(Reversed(x), [.. y.Reverse()], false));
        Assert.Equal(Coefficients(x, y, false), Coefficients(x, y, false));
        Assert.NotEqual(Coefficients(x, y, false), Coefficients(x, y, true));
    }

    private sealed class Batches : IProgress<BatchRecord>
    {
        public List<BatchRecord> Seen { get; } = [];

        public void Report(BatchRecord value) => Seen.Add(value);
    }

    private sealed class Epochs : IProgress<EpochRecord>
    {
        public List<EpochRecord> Seen { get; } = [];

        public void Report(EpochRecord value) => Seen.Add(value);
    }

    [Fact]
    public void Trainer_ReportsEveryBatch_AndTheEpochLossIsTheirRowWeightedMean()
    {
        var (x, y) = TrainerTests.Blobs(seed: 5, rows: 42);
        var batches = new Batches();
        var epochs = new Epochs();
        var trainer = new Trainer(new TrainerOptions { Epochs = 2, BatchSize = 8 }) { BatchProgress = batches };
        trainer.Fit(new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], 1), BinaryCrossEntropy.Instance, new Sgd(0.1), x, y, progress: epochs);

        Assert.Equal(12, batches.Seen.Count);
        Assert.All(batches.Seen, b => Assert.Equal(6, b.BatchesPerEpoch));
        Assert.Equal([1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6], batches.Seen.Select(b => b.Batch));
        Assert.Equal([8, 8, 8, 8, 8, 2], batches.Seen.Take(6).Select(b => b.Rows));
        foreach (var epoch in epochs.Seen)
        {
            var own = batches.Seen.Where(b => b.Epoch == epoch.Epoch).ToArray();
            Assert.Equal(epoch.Loss, own.Sum(b => b.Loss * b.Rows) / own.Sum(b => b.Rows), 12);
        }
    }

    /// <summary>Listens for epochs and batches in one object, as the CLI's progress does.</summary>
    private sealed class EpochsAndBatches : IProgress<EpochRecord>, IProgress<BatchRecord>
    {
        public List<object> Seen { get; } = [];

        public void Report(EpochRecord value) => Seen.Add(value);

        public void Report(BatchRecord value) => Seen.Add(value);
    }

    [Fact]
    public void MlpClassifierFit_WithAProgressThatAlsoListensForBatches_ReportsEachBatchBeforeItsEpoch()
    {
        var (x, y) = Rows();
        var progress = new EpochsAndBatches();
        new MlpClassifier(new MlpOptions { HiddenLayers = [4], Epochs = 2, BatchSize = 8, Seed = 1 }).Fit(x, y, progress);

        Assert.Equal(12, progress.Seen.Count);
        Assert.Equal(["b1", "b2", "b3", "b4", "b5", "e1", "b1", "b2", "b3", "b4", "b5", "e2"],
            progress.Seen.Select(r => r is BatchRecord b ? $"b{b.Batch}" : $"e{((EpochRecord)r).Epoch}"));
    }
}
