using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Networks;

/// <summary>Seed 002 replayed: NumPy's 2-4-1 sigmoid network on XOR, seed 42, 10000 full-batch epochs.</summary>
public class SeedXorReplayTests
{
    /// <summary>
    /// The script back-propagates the gradient of ½·mean((a − y)²) with lr 1.0 while it reports mean((a − y)²).
    /// Our MSE is mean((a − y)²) with gradient 2(a − y)/N, so lr 0.5 here is the script's lr 1.0.
    /// </summary>
    internal static (Network Network, TrainingHistory History) Replay()
    {
        var network = new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"));
        network.InitializeLikeNumPy(seed: 42, scale: 0.5);
        var trainer = new Trainer(new TrainerOptions { Epochs = 10_000, BatchSize = TrainerOptions.FullBatch, Shuffle = false });
        var x = Matrix.FromRows(LogicGate.Xor.X);
        var y = new Matrix(4, 1, LogicGate.Xor.Y.Select(v => (float)v).ToArray());
        var history = trainer.Fit(network, MeanSquaredError.Instance, new Sgd(learningRate: 0.5), x, y);
        return (network, history);
    }

    [Fact]
    public void InitializeLikeNumPy_GivesTheScriptsW1AndW2()
    {
        var network = new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"));
        network.InitializeLikeNumPy(seed: 42, scale: 0.5);
        double[] randn = [0.4967141530112327, -0.13826430117118466, 0.6476885381006925, 1.5230298564080254,
            -0.23415337472333597, -0.23413695694918055, 1.5792128155073915, 0.7674347291529088];
        Assert.Equal(randn.Select(v => (float)(v * 0.5)), network.Layers[0].Weights.AsSpan().ToArray());
        Assert.Equal(new float[4], network.Layers[0].Bias);
        Assert.Equal((float)(-0.4694743859349521 * 0.5), network.Layers[1].Weights[0, 0]);
    }

    [Fact]
    public void Fit_ReplaysSeed002_PredictionsAndFinalLossMatchNumPy()
    {
        var (network, history) = Replay();
        // What NumPy really computes (the article's "0.02, 0.98" is a misprint): 0.0298, 0.9748, 0.9747, 0.0250.
        var predictions = network.Predict(Matrix.FromRows(LogicGate.Xor.X)).AsSpan().ToArray();
        double[] numpy = [0.0298, 0.9748, 0.9747, 0.0250];
        for (int i = 0; i < 4; i++)
            Assert.True(Math.Abs(predictions[i] - numpy[i]) < 1e-3, $"prediction {i}: {predictions[i]} vs NumPy {numpy[i]}");
        Assert.Equal(10_000, history.Epochs.Count);
        // The script's last printed loss (measured before the last update): 6.965e-4.
        Assert.True(Math.Abs(history.Last.Loss - 6.965e-4) < 1e-6, $"final loss {history.Last.Loss}");
        Assert.Equal([0.03, 0.97, 0.97, 0.03], predictions.Select(p => Math.Round(p, 2)));
    }

    /// <summary>A float64 replay of the script's arithmetic in plain Python: a2 of its last forward pass (what it prints,
    /// made before its 10,000th update) and the outputs after that update (what Predict gives after Fit).</summary>
    private static readonly double[] ScriptsLastForwardPass = [0.02980496551060857, 0.9748369981786135, 0.9747492591636446, 0.02503401365811082];
    private static readonly double[] AfterTheLastUpdate = [0.029802739401989516, 0.9748389619096447, 0.9747512269753995, 0.025031954064656914];

    [Fact]
    public void Predict_AfterTheNextToLastEpoch_IsWhatTheScriptPrints_AndLeavesTheTrainingBitsAlone()
    {
        var (plain, plainHistory) = Replay();
        var network = new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"));
        network.InitializeLikeNumPy(seed: 42, scale: 0.5);
        var x = Matrix.FromRows(LogicGate.Xor.X);
        var y = new Matrix(4, 1, LogicGate.Xor.Y.Select(v => (float)v).ToArray());
        float[] printed = [];
        var history = new Trainer(new TrainerOptions { Epochs = 10_000, BatchSize = TrainerOptions.FullBatch, Shuffle = false }).Fit(
            network, MeanSquaredError.Instance, new Sgd(learningRate: 0.5), x, y,
            progress: new EpochCallback(e => { if (e.Epoch == e.TotalEpochs - 1) printed = network.Predict(x).AsSpan().ToArray(); }));

        for (int i = 0; i < 4; i++)
            Assert.True(Math.Abs(printed[i] - ScriptsLastForwardPass[i]) < 2e-6, $"output {i}: {printed[i]} vs the script's {ScriptsLastForwardPass[i]}");
        Assert.Equal(["0.0298", "0.9748", "0.9747", "0.0250"], printed.Select(p => p.ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)));
        float[] after = network.Predict(x).AsSpan().ToArray();
        for (int i = 0; i < 4; i++)
            Assert.True(Math.Abs(after[i] - AfterTheLastUpdate[i]) < 2e-6, $"output {i} after the update: {after[i]} vs {AfterTheLastUpdate[i]}");
        // Looking between epochs changes nothing: the same weights and the same loss curve as a run without the callback.
        Assert.Equal(plain.Layers[0].Weights.AsSpan().ToArray(), network.Layers[0].Weights.AsSpan().ToArray());
        Assert.Equal(plain.Layers[1].Weights.AsSpan().ToArray(), network.Layers[1].Weights.AsSpan().ToArray());
        Assert.Equal(plainHistory.Last.Loss, history.Last.Loss);
    }
}
