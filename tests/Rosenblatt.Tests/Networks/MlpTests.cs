using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Randomness;
using Rosenblatt.Tests.Linear;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Networks;

public class MlpTests
{
    private static readonly Matrix XorX = Matrix.FromRows(LogicGate.Xor.X);
    private static readonly Matrix XorY = new(4, 1, [0, 1, 1, 0]);

    private static bool LearnsXor(Network network) =>
        network.Predict(XorX).AsSpan().ToArray().Select(p => p >= 0.5f ? 1 : 0).SequenceEqual(LogicGate.Xor.Y);

    /// <summary>
    /// Seed 001's 2-2-1 network: two sigmoid hidden units, one sigmoid output, MSE, plain full-batch gradient
    /// descent. With Xavier weights from seed 1 it finds the XOR solution; two hidden units is the minimum, and
    /// some seeds fall into a local minimum, which is why the modern default below uses four and Adam.
    /// </summary>
    [Fact]
    public void TwoTwoOne_WithSeed1_LearnsXor()
    {
        var network = new Network(2, [new Dense(2, "sigmoid"), new Dense(1, "sigmoid")], seed: 1);
        var trainer = new Trainer(new TrainerOptions { Epochs = 5000, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
        trainer.Fit(network, MeanSquaredError.Instance, new Sgd(2.0), XorX, XorY);
        Assert.True(LearnsXor(network));
    }

    /// <summary>A 2-4-1 network with a modern default (tanh hidden units with Xavier init, sigmoid + binary cross-entropy, Adam lr 0.05, full batch) learns XOR in under 1000 epochs for at least 95 of 100 seeds.</summary>
    [Fact]
    public void TwoFourOne_WithAdam_LearnsXorForAtLeast95Of100Seeds()
    {
        int learned = 0;
        var failures = new List<int>();
        for (int seed = 0; seed < 100; seed++)
        {
            var network = new Network(2, [new Dense(4, "tanh"), new Dense(1, "sigmoid")], seed);
            var trainer = new Trainer(new TrainerOptions { Epochs = 999, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
            trainer.Fit(network, BinaryCrossEntropy.Instance, new Adam(0.05), XorX, XorY);
            if (LearnsXor(network)) learned++;
            else failures.Add(seed);
        }
        Assert.True(learned >= 95, $"{learned}/100 seeds learned XOR; failed: {string.Join(", ", failures)}");
    }

    [Fact]
    public void Fit_SameSeed_GivesBitIdenticalWeights()
    {
        var (x, y) = PerceptronTests.Clusters(seed: 5, perClass: 50, centers: [(0, 2), (2, -2), (-2, -2)]);
        float[] Train()
        {
            var model = new MlpClassifier(new MlpOptions { HiddenLayers = [8], Epochs = 5, BatchSize = 16, Seed = 3 });
            model.Fit(x, y);
            return model.Network.Parameters.SelectMany(p => p.Value).ToArray();
        }
        Assert.Equal(Train(), Train());
    }

    [Fact]
    public void MlpClassifier_OnClusters_ReachesFullAccuracyWithProbabilities()
    {
        var (x, y) = PerceptronTests.Clusters(seed: 5, perClass: 50, centers: [(0, 2), (2, -2), (-2, -2)]);
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [16], Epochs = 60, LearningRate = 0.01, Seed = 1 });
        var history = model.Fit(x, y);
        Assert.True(model.Score(x, y) >= 0.98, $"accuracy {model.Score(x, y)}");
        Assert.True(history.Last.Loss < history.Epochs[0].Loss);
        Assert.All(model.PredictProbabilities(x), row => Assert.Equal(1.0, row.Sum(), 5));
    }

    [Fact]
    public void MlpClassifier_WithValidationAndEarlyStopping_RecordsValidationAndRestoresBest()
    {
        var (x, y, _) = PerceptronTests.NoisyLine(seed: 8, n: 300, flip: 0.2);
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [32], Epochs = 300, LearningRate = 0.01, ValidationSplit = 0.3, EarlyStoppingPatience = 5, Seed = 2 });
        var history = model.Fit(x, y);
        Assert.All(history.Epochs, e => Assert.NotNull(e.ValidationLoss));
        Assert.True(history.StoppedEarly);
        Assert.True(history.RestoredBestWeights || history.BestEpoch == history.Epochs.Count);
        Assert.True(history.Epochs.Count < 300);
    }

    [Fact]
    public void MlpRegressor_LearnsASmoothFunction()
    {
        var rng = new SeededRandom(4);
        var x = Enumerable.Range(0, 200).Select(_ => new[] { rng.NextDouble(-3, 3) }).ToArray();
        var y = x.Select(r => new[] { Math.Sin(r[0]) }).ToArray();
        var model = new MlpRegressor(new MlpOptions { HiddenLayers = [32], Activation = "tanh", Epochs = 300, LearningRate = 0.01, Seed = 1 });
        model.Fit(x, y);
        Assert.True(model.Score(x, y) > 0.97, $"R² {model.Score(x, y)}");
    }

    [Fact]
    public void Fit_WithHugeLearningRate_StopsWithDivergenceAdvice()
    {
        var rng = new SeededRandom(4);
        var x = new Matrix(50, 1, Enumerable.Range(0, 50).Select(_ => (float)rng.NextDouble(-100, 100)).ToArray());
        var y = new Matrix(50, 1, x.AsSpan().ToArray().Select(v => v * 50).ToArray());
        var network = new Network(1, [new Dense(8, "relu"), new Dense(1, "identity")], seed: 1);
        var trainer = new Trainer(new TrainerOptions { Epochs = 50, BatchSize = 10 });
        var ex = Assert.Throws<TrainingDivergedException>(() => trainer.Fit(network, MeanSquaredError.Instance, new Sgd(5), x, y));
        Assert.Contains("lower the learning rate", ex.Message);
        Assert.True(ex.Epoch >= 1);
        // The weights are put back to the start of the failing epoch: finite, usable, inspectable.
        Assert.All(network.Parameters, p => Assert.All(p.Value, v => Assert.True(float.IsFinite(v))));
    }

    [Fact]
    public void Trainer_WithStepActivation_ExplainsWhyItCannotTrain()
    {
        var network = new Network(2, new Dense(2, "step"), new Dense(1, "sigmoid"));
        var ex = Assert.Throws<InvalidOperationException>(() => new Trainer().Fit(network, MeanSquaredError.Instance, new Sgd(0.1), XorX, XorY));
        Assert.Contains("Dense(2, step)", ex.Message);
        Assert.Contains("has no gradient: its slope is 0 everywhere except at 0", ex.Message);
        Assert.Contains("help: use sigmoid", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Trainer_WithThreeClassesIntoOneSigmoid_NamesTheMismatch()
    {
        var network = new Network(2, new Dense(1, "sigmoid"));
        var y = new Matrix(4, 3);
        var ex = Assert.Throws<ArgumentException>(() => new Trainer().Fit(network, BinaryCrossEntropy.Instance, new Sgd(0.1), XorX, y));
        Assert.Contains("3 columns", ex.Message);
        Assert.Contains("1 units", ex.Message);
    }

    [Fact]
    public void Trainer_WithCrossEntropyAfterRelu_RejectsThePair()
    {
        var network = new Network(2, new Dense(2, "relu"));
        var ex = Assert.Throws<ArgumentException>(() => new Trainer().Fit(network, CategoricalCrossEntropy.Instance, new Sgd(0.1), XorX, new Matrix(4, 2)));
        Assert.Contains("softmax", ex.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1e6)]
    public void Optimizer_WithAbsurdLearningRate_Throws(double lr) =>
        Assert.ThrowsAny<ArgumentException>(() => new Sgd(lr));

    [Fact]
    public void TrainerOptions_WithBatchSizeBelowZero_Throws() =>
        Assert.ThrowsAny<ArgumentException>(() => new Trainer(new TrainerOptions { BatchSize = -1 }));

    [Fact]
    public void Network_WithLayerReused_Throws()
    {
        var dense = new Dense(2, "relu");
        Assert.ThrowsAny<ArgumentException>(() => new Network(2, dense, dense));
    }

    [Fact]
    public void Fit_WithCancellation_StopsAfterTheCurrentBatch()
    {
        var (x, y) = PerceptronTests.Clusters(seed: 5, perClass: 50, centers: [(0, 2), (2, -2)]);
        using var cts = new CancellationTokenSource();
        var progress = new SynchronousProgress(record => { if (record.Epoch == 3) cts.Cancel(); });
        var model = new MlpClassifier(new MlpOptions { Epochs = 100, Seed = 1 });
        var history = model.Fit(x, y, progress, cts.Token);
        Assert.True(history.Cancelled);
        Assert.Equal(3, history.Epochs.Count);
    }

    private sealed class SynchronousProgress(Action<EpochRecord> onReport) : IProgress<EpochRecord>
    {
        public void Report(EpochRecord value) => onReport(value);
    }
}
