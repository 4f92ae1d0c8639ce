using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Serialization;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Networks;

/// <summary>The library pieces the playground stands on: every layer's activations, a loss without training, and networks
/// trained by hand turned into estimators.</summary>
public sealed class PlaygroundSupportTests
{
    private static Network ThreeLayers() => new(2, [new Dense(5, "tanh"), new Dense(3, "relu"), new Dense(3, "softmax")], seed: 4);

    private static Matrix Grid(int rows)
    {
        var x = new Matrix(rows, 2);
        for (int i = 0; i < rows; i++)
        {
            x[i, 0] = (float)Math.Sin(i * 0.37) * 3;
            x[i, 1] = (float)Math.Cos(i * 0.11) * 2;
        }
        return x;
    }

    [Fact]
    public void PredictLayers_LastLayerEqualsPredict_AndEachLayerIsItsActivationOfThePreviousTimesItsWeights()
    {
        var network = ThreeLayers();
        var x = Grid(2500); // more than one 1024-row chunk
        var layers = network.PredictLayers(x);
        Assert.Equal(3, layers.Count);
        Assert.Equal(network.Predict(x).AsSpan().ToArray(), layers[^1].AsSpan().ToArray());
        // Layer 1 by hand in double precision: tanh(x·W + b).
        var dense = network.Layers[0];
        for (int r = 0; r < x.Rows; r += 97)
            for (int j = 0; j < dense.Units; j++)
            {
                double z = dense.Bias[j];
                for (int i = 0; i < 2; i++)
                    z += x[r, i] * dense.Weights[i, j];
                Assert.Equal(Math.Tanh(z), layers[0][r, j], 5);
            }
        Assert.All(layers[1].AsSpan().ToArray(), v => Assert.True(v >= 0)); // relu
    }

    [Fact]
    public void Evaluate_EqualsTheLossTheTrainerReportsForTheSameWeights()
    {
        var data = SyntheticDatasets.Spiral(300, 0.1, seed: 2, arms: 3);
        var y = data.OneHot();
        var network = ThreeLayers();
        double before = network.Evaluate(CategoricalCrossEntropy.Instance, data.Features, y);
        // One full-batch epoch with a tiny step: the trainer's reported loss is the loss of the weights it started from.
        var history = new Trainer(new TrainerOptions { Epochs = 1, BatchSize = TrainerOptions.FullBatch, Shuffle = false })
            .Fit(ThreeLayers(), CategoricalCrossEntropy.Instance, new Sgd(1e-6), data.Features, y);
        Assert.Equal(history.Last.Loss, before, 5);
    }

    [Fact]
    public void Evaluate_RefusesTargetsOfTheWrongShape()
    {
        var e = Assert.Throws<ArgumentException>(() => ThreeLayers().Evaluate(MeanSquaredError.Instance, Grid(10), new Matrix(10, 2)));
        Assert.Contains("targets", e.Message);
    }

    [Fact]
    public void L1_AddsLambdaTimesTheSignOfEachWeight_NotToBiases()
    {
        var weights = new Parameter("w", [0.5f, -0.25f, 0f], decays: true);
        var bias = new Parameter("b", [0.5f], decays: false);
        weights.Gradient.AsSpan().Clear();
        bias.Gradient.AsSpan().Clear();
        new Sgd(0.1) { L1 = 0.2 }.Step([weights, bias]);
        Assert.Equal([0.5f - 0.1f * 0.2f, -0.25f + 0.1f * 0.2f, 0f], weights.Value);
        Assert.Equal([0.5f], bias.Value);
    }

    [Fact]
    public void L1_OutOfRange_IsRefusedNamingIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(0.01) { L1 = -1 });
        Assert.Contains("L1", e.Message);
    }

    [Fact]
    public void ManyArmSpiral_HasOneClassPerArm_AndIsSeeded()
    {
        var a = SyntheticDatasets.Spiral(301, 0, seed: 9, arms: 3);
        var b = SyntheticDatasets.Spiral(301, 0, seed: 9, arms: 3);
        Assert.Equal(["0", "1", "2"], a.ClassNames);
        Assert.Equal([101, 100, 100], a.ClassCounts());
        Assert.Equal(a.Features.AsSpan().ToArray(), b.Features.AsSpan().ToArray());
        Assert.All(Enumerable.Range(0, a.Count), i => Assert.True(Math.Sqrt(a.Features[i, 0] * a.Features[i, 0] + a.Features[i, 1] * a.Features[i, 1]) <= 5.0001));
        Assert.Throws<ArgumentOutOfRangeException>(() => SyntheticDatasets.Spiral(10, 0, 0, arms: 11));
    }

    [Fact]
    public void RegressionPlane_TargetIsTheSumOverTen_WithoutNoise()
    {
        var plane = SyntheticDatasets.RegressionPlane(200, 0, seed: 3);
        Assert.True(plane.HasTargets);
        for (int i = 0; i < plane.Count; i++)
            Assert.Equal((plane.Features[i, 0] + plane.Features[i, 1]) / 10.0, plane.Targets[i], 5);
    }

    [Fact]
    public void RegressionGaussians_PeakAtTheBumpsWithAlternatingSigns()
    {
        var set = SyntheticDatasets.RegressionGaussians(4000, 0, seed: 5);
        Assert.All(set.Targets, t => Assert.InRange(t, -1f, 1f));
        // Near (−4, 2.5) the bump is positive, near (0, 2.5) negative.
        for (int i = 0; i < set.Count; i++)
        {
            double dx = set.Features[i, 0], dy = set.Features[i, 1];
            if (Math.Abs(dx + 4) < 0.3 && Math.Abs(dy - 2.5) < 0.3)
                Assert.True(set.Targets[i] > 0.7);
            if (Math.Abs(dx) < 0.3 && Math.Abs(dy - 2.5) < 0.3)
                Assert.True(set.Targets[i] < -0.7);
        }
    }

    [Fact]
    public void MlpClassifierFromNetwork_PredictsArgmaxOfTheNetwork_AndSavesAndReloads()
    {
        var network = ThreeLayers();
        string[] classes = ["left", "middle", "right"];
        var model = MlpClassifier<string>.FromNetwork(network, classes);
        var rows = Grid(50).ToRows().Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        var outputs = network.Predict(Grid(50));
        var expected = Enumerable.Range(0, 50).Select(r => classes[Enumerable.Range(0, 3).MaxBy(k => outputs[r, k])]);
        Assert.Equal(expected, model.Predict(rows));
        string path = Path.Combine(Path.GetTempPath(), $"fromnet-{Guid.NewGuid():N}.json");
        try
        {
            ModelFile.Save(path, model);
            Assert.Equal(model.Predict(rows), ModelFile.Load(path).PredictLabels(rows));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void MlpClassifierFromNetwork_RefusesAHeadThatDoesNotFitTheClasses()
    {
        Assert.Throws<ArgumentException>(() => MlpClassifier<string>.FromNetwork(ThreeLayers(), ["a", "b"]));
        Assert.Throws<ArgumentException>(() => MlpClassifier<string>.FromNetwork(new Network(2, new Dense(1, "tanh")), ["a", "b"]));
        Assert.Throws<ArgumentException>(() => MlpClassifier<string>.FromNetwork(new Network(2, new Dense(1, "sigmoid")), ["a", "a"]));
    }

    [Fact]
    public void MlpRegressorFromNetwork_NeedsIdentityOutputs()
    {
        var regressor = MlpRegressor.FromNetwork(new Network(2, new Dense(3, "tanh"), new Dense(1, Identity.Instance)));
        Assert.Single(regressor.Predict([[1.0, 2.0]])[0]);
        Assert.Throws<ArgumentException>(() => MlpRegressor.FromNetwork(new Network(2, new Dense(1, "sigmoid"))));
    }
}
