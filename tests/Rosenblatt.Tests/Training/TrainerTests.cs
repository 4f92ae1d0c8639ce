using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Optimizers.Schedules;
using Rosenblatt.Randomness;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Training;

/// <summary>The one training loop: batches, validation, history, progress, early stopping and schedules.</summary>
public class TrainerTests
{
    /// <summary>Two noisy Gaussian blobs, one 0/1 target column; noisy enough that validation loss turns back up.</summary>
    internal static (Matrix X, Matrix Y) Blobs(int seed, int rows, int features = 2, double noise = 1.2)
    {
        var rng = new SeededRandom(seed);
        var x = new Matrix(rows, features);
        var y = new Matrix(rows, 1);
        for (int r = 0; r < rows; r++)
        {
            int label = r % 2;
            y[r, 0] = label;
            for (int c = 0; c < features; c++)
                x[r, c] = (float)((label == 0 ? -0.5 : 0.5) + noise * rng.NextGaussian());
        }
        return (x, y);
    }

    private static Network Net(int seed, int inputs = 2, int hidden = 16) =>
        new(inputs, [new Dense(hidden, "tanh"), new Dense(1, "sigmoid")], seed);

    private sealed class ListProgress : IProgress<EpochRecord>
    {
        public List<EpochRecord> Reports { get; } = [];

        public void Report(EpochRecord value) => Reports.Add(value);
    }

    [Fact]
    public void Fit_WithProgress_ReportsEveryEpochInOrderWithTheHistorysRecords()
    {
        var (x, y) = Blobs(1, 64);
        var progress = new ListProgress();
        var history = new Trainer(new TrainerOptions { Epochs = 7, BatchSize = 16, Seed = 3 })
            .Fit(Net(1), BinaryCrossEntropy.Instance, new Adam(0.01), x, y, progress: progress);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], progress.Reports.Select(r => r.Epoch));
        Assert.Equal(history.Epochs, progress.Reports);
        Assert.All(progress.Reports, r => Assert.Equal(7, r.TotalEpochs));
    }

    [Fact]
    public void Fit_WithValidationSet_RecordsTrainingAndValidationLossAndAccuracyPerEpoch()
    {
        var (x, y) = Blobs(1, 80);
        var (vx, vy) = Blobs(2, 40);
        var network = Net(1);
        var history = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = 20, Seed = 1 })
            .Fit(network, BinaryCrossEntropy.Instance, new Adam(0.01), x, y, validation: (vx, vy));
        Assert.Equal(5, history.Epochs.Count);
        Assert.All(history.Epochs, e =>
        {
            Assert.InRange(e.Loss, 0, 5);
            Assert.InRange(e.Accuracy!.Value, 0, 1);
            Assert.InRange(e.ValidationLoss!.Value, 0, 5);
            Assert.InRange(e.ValidationAccuracy!.Value, 0, 1);
        });
        // The last epoch's validation figures are those of the final weights on the validation set.
        var (loss, accuracy) = Trainer.Evaluate(network, BinaryCrossEntropy.Instance, vx, vy, null, classifier: true);
        Assert.Equal(loss, history.Last.ValidationLoss!.Value, 12);
        Assert.Equal(accuracy, history.Last.ValidationAccuracy);
    }

    [Fact]
    public void Fit_RegressionHistory_HasNoAccuracy()
    {
        var (x, y) = Blobs(1, 32);
        var network = new Network(2, [new Dense(4, "relu"), new Dense(1, "identity")], seed: 1);
        var history = new Trainer(new TrainerOptions { Epochs = 2, ValidationSplit = 0.25 }).Fit(network, MeanSquaredError.Instance, new Sgd(0.01), x, y);
        Assert.All(history.Epochs, e => { Assert.Null(e.Accuracy); Assert.Null(e.ValidationAccuracy); Assert.NotNull(e.ValidationLoss); });
    }

    [Fact]
    public void Fit_WithEarlyStopping_RestoresTheBestEpochsWeights()
    {
        // A wide network, a large rate and noisy data over-fit fast: validation loss bottoms out, then rises.
        var (x, y) = Blobs(5, 60, noise: 2.0);
        var (vx, vy) = Blobs(6, 200, noise: 2.0);
        var network = Net(2, hidden: 64);
        var history = new Trainer(new TrainerOptions { Epochs = 500, BatchSize = TrainerOptions.FullBatch, EarlyStoppingPatience = 10, Seed = 1 })
            .Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05), x, y, validation: (vx, vy));
        Assert.True(history.StoppedEarly, $"ran {history.Epochs.Count} epochs");
        Assert.True(history.RestoredBestWeights);
        Assert.Equal(history.BestEpoch + 10, history.Epochs.Count);
        double best = history.Epochs[history.BestEpoch - 1].ValidationLoss!.Value;
        Assert.Equal(history.Epochs.Min(e => e.ValidationLoss!.Value), best);
        var (restored, _) = Trainer.Evaluate(network, BinaryCrossEntropy.Instance, vx, vy, null, classifier: true);
        Assert.Equal(best, restored, 12);
        Assert.True(history.Last.ValidationLoss > best);
    }

    [Fact]
    public void Fit_FullBatch_TakesOneStepPerEpoch()
    {
        var (x, y) = Blobs(1, 37);
        var optimizer = new Sgd(0.1);
        new Trainer(new TrainerOptions { Epochs = 6, BatchSize = TrainerOptions.FullBatch }).Fit(Net(1), BinaryCrossEntropy.Instance, optimizer, x, y);
        Assert.Equal(6, optimizer.Steps);
    }

    [Fact]
    public void Fit_MiniBatches_TakeCeilRowsOverBatchStepsPerEpoch()
    {
        var (x, y) = Blobs(1, 37);
        var optimizer = new Sgd(0.1);
        new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 10 }).Fit(Net(1), BinaryCrossEntropy.Instance, optimizer, x, y);
        Assert.Equal(3 * 4, optimizer.Steps);
    }

    [Fact]
    public void Fit_ShuffleSeed_ChangesTheRunAndTheSameSeedRepeatsIt()
    {
        var (x, y) = Blobs(1, 64);
        float[] Run(int shuffleSeed)
        {
            var network = Net(4);
            new Trainer(new TrainerOptions { Epochs = 3, BatchSize = 8, Seed = shuffleSeed }).Fit(network, BinaryCrossEntropy.Instance, new Sgd(0.1), x, y);
            return [.. network.Parameters.SelectMany(p => p.Value)];
        }
        Assert.Equal(Run(1), Run(1));
        Assert.NotEqual(Run(1), Run(2));
    }

    [Fact]
    public void Fit_HistoryEpochs_EqualTheRecordsReportedToProgress()
    {
        // The history keeps its figures column by column; every epoch read back must equal what progress saw,
        // with validation figures, accuracy and a learning rate that changes mid-run.
        var (x, y) = Blobs(1, 40);
        var reported = new List<EpochRecord>();
        var history = new Trainer(new TrainerOptions { Epochs = 40, BatchSize = 8, ValidationSplit = 0.25, Schedule = new StepDecaySchedule(7, 0.5) })
            .Fit(Net(1), BinaryCrossEntropy.Instance, new Sgd(0.8), x, y, progress: new SynchronousProgress(reported.Add));
        Assert.Equal(reported, history.Epochs);
        Assert.Equal(reported[^1], history.Last);
        Assert.Equal(Enumerable.Range(1, 40), history.Epochs.Select(e => e.Epoch));
        Assert.All(history.Epochs, e => { Assert.NotNull(e.Accuracy); Assert.NotNull(e.ValidationLoss); Assert.NotNull(e.ValidationAccuracy); });
        Assert.Equal(0.8 * Math.Pow(0.5, 5), history.Last.LearningRate, 12);
    }

    private sealed class SynchronousProgress(Action<EpochRecord> report) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => report(value);
    }

    [Fact]
    public void Fit_WithStepSchedule_UsesTheScheduledRateEachEpochAndRestoresTheInitialRate()
    {
        var (x, y) = Blobs(1, 16);
        var optimizer = new Sgd(0.8);
        var history = new Trainer(new TrainerOptions { Epochs = 5, BatchSize = TrainerOptions.FullBatch, Schedule = new StepDecaySchedule(2, 0.5) })
            .Fit(Net(1), BinaryCrossEntropy.Instance, optimizer, x, y);
        Assert.Equal([0.8, 0.8, 0.4, 0.4, 0.2], history.Epochs.Select(e => e.LearningRate));
        Assert.Equal(0.8, optimizer.LearningRate);
    }

    [Fact]
    public void Fit_WithPlateauSchedule_CutsTheRateWhenTheLossStopsImproving()
    {
        // lr at the floor of what a 2-D sigmoid can do: the training loss stalls within a few hundred full-batch epochs.
        var (x, y) = Blobs(1, 40, noise: 3);
        var history = new Trainer(new TrainerOptions { Epochs = 300, BatchSize = TrainerOptions.FullBatch, Schedule = new ReduceOnPlateauSchedule(0.5, patience: 3) })
            .Fit(new Network(2, new Dense(1, "sigmoid")), BinaryCrossEntropy.Instance, new Sgd(5), x, y);
        var rates = history.Epochs.Select(e => e.LearningRate).ToArray();
        Assert.Equal(5, rates[0]);
        Assert.True(rates[^1] < 5, $"rate still {rates[^1]}");
        Assert.All(rates.Zip(rates.Skip(1)), pair => Assert.True(pair.Second == pair.First || pair.Second == Math.Max(1e-6, pair.First * 0.5)));
    }

    [Fact]
    public void Fit_WithCancellationBeforeStart_RunsOneBatchAndSaysCancelled()
    {
        var (x, y) = Blobs(1, 64);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var optimizer = new Sgd(0.1);
        var history = new Trainer(new TrainerOptions { Epochs = 50, BatchSize = 8 }).Fit(Net(1), BinaryCrossEntropy.Instance, optimizer, x, y, cancellationToken: cts.Token);
        Assert.True(history.Cancelled);
        Assert.Single(history.Epochs);
        Assert.Equal(1, optimizer.Steps);
    }

    [Fact]
    public void Fit_WithXOfTheWrongWidth_NamesBothCounts()
    {
        var (x, y) = Blobs(1, 8, features: 3);
        var ex = Assert.Throws<ArgumentException>(() => new Trainer().Fit(Net(1), BinaryCrossEntropy.Instance, new Sgd(0.1), x, y));
        Assert.Contains("x has 3 columns but the network expects 2 inputs", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Fit_WithFewerTargetRowsThanSamples_NamesBothCounts()
    {
        var (x, _) = Blobs(1, 8);
        var ex = Assert.Throws<ArgumentException>(() => new Trainer().Fit(Net(1), BinaryCrossEntropy.Instance, new Sgd(0.1), x, new Matrix(5, 1)));
        Assert.Contains("y has 5 rows but x has 8", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Fit_WithValidationSplitLeavingNoValidationRows_NamesTheOption()
    {
        var (x, y) = Blobs(1, 3);
        var ex = Assert.Throws<ArgumentException>(() => new Trainer(new TrainerOptions { ValidationSplit = 0.1 }).Fit(Net(1), BinaryCrossEntropy.Instance, new Sgd(0.1), x, y));
        Assert.Contains("ValidationSplit 0.1 of 3 rows", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Theory]
    [InlineData(-1, "BatchSize must be >= 1 (received -1)")]
    [InlineData(0, "BatchSize must be >= 1 (received 0)")]
    public void TrainerOptions_WithBadBatchSize_NamesTheValueAndTheFix(int batch, string expected)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Trainer(new TrainerOptions { BatchSize = batch }));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("help: use a positive batch size such as 32, or TrainerOptions.FullBatch to train on the whole data set in every step.", ex.Message);
    }
}
