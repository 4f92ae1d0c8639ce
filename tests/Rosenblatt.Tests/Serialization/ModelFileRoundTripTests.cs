using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;
using Rosenblatt.Tests.Linear;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Serialization;

/// <summary>Every model kind saved and loaded predicts bit for bit what it predicted before saving.</summary>
public sealed class ModelFileRoundTripTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly (double[][] X, int[] Y) ThreeClasses = PerceptronTests.Clusters(seed: 9, perClass: 20, centers: [(0, 4), (4, -4), (-4, -4)]);
    private static readonly (double[][] X, int[] Y) TwoClasses = PerceptronTests.Clusters(seed: 4, perClass: 20, centers: [(2, 2), (-2, -2)]);

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();

    private static long[] Bits(double[][] rows) => Bits(rows.SelectMany(r => r));

    public static TheoryData<PerceptronVariant, int> PerceptronCases() => new()
    {
        { PerceptronVariant.Classic, 2 }, { PerceptronVariant.Pocket, 2 }, { PerceptronVariant.Averaged, 2 },
        { PerceptronVariant.Classic, 3 }, { PerceptronVariant.Pocket, 3 }, { PerceptronVariant.Averaged, 3 },
    };

    [Theory]
    [MemberData(nameof(PerceptronCases))]
    public void Perceptron_RoundTrip_GivesBitIdenticalScoresAndLabels(PerceptronVariant variant, int classes)
    {
        var (x, y) = classes == 2 ? TwoClasses : ThreeClasses;
        var model = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 20, Variant = variant, Shuffle = true, Seed = 7 });
        model.Fit(x, y);
        string path = _folder.File("p.json");
        ModelFile.Save(path, model);

        var loaded = ModelFile.Load(path);
        var restored = loaded.As<Perceptron>();
        Assert.Equal(ModelKind.Perceptron, loaded.Kind);
        Assert.Equal(typeof(int), loaded.LabelType);
        Assert.Equal(Bits(model.DecisionScores(x)), Bits(restored.DecisionScores(x)));
        Assert.Equal(model.Predict(x), restored.Predict(x));
        Assert.Equal(model.Classes, restored.Classes);
        Assert.Equal(model.Options, restored.Options);
        Assert.Equal(model.Report.MistakesPerEpoch, restored.Report.MistakesPerEpoch);
        Assert.Equal(model.Report.Summary, restored.Report.Summary);
        Assert.Equal(7, loaded.Training.Seed);
        Assert.Equal(model.EpochsRun, loaded.Training.Epochs);
        Assert.Equal(model.Report.TrainingAccuracy, loaded.Training.Metrics["training_accuracy"]);
    }

    [Fact]
    public void Perceptron_WithStringLabels_ComesBackWithStringLabels()
    {
        var (x, y) = ThreeClasses;
        string[] names = ["setosa", "versicolor", "virginica"];
        var model = new Perceptron<string>(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 20 });
        model.Fit(x, y.Select(c => names[c]).ToArray());
        string path = _folder.File("s.json");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        Assert.Equal(typeof(string), loaded.LabelType);
        Assert.Equal(names, loaded.LabelNames);
        Assert.Equal(model.Predict(x), loaded.As<Perceptron<string>>().Predict(x));
        Assert.Equal(model.Predict(x), loaded.PredictLabels(x));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void LogisticRegression_RoundTrip_GivesBitIdenticalProbabilities(int classes)
    {
        var (x, y) = classes == 2 ? TwoClasses : ThreeClasses;
        var model = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 200, L2 = 0.01 });
        model.Fit(x, y);
        string path = _folder.File("lr.json");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        var restored = loaded.As<LogisticRegression>();
        Assert.Equal(Bits(model.PredictProbabilities(x)), Bits(restored.PredictProbabilities(x)));
        Assert.Equal(model.Predict(x), restored.Predict(x));
        Assert.Equal(model.Options, restored.Options);
        Assert.Equal(model.History.Epochs.Select(e => e.Loss), restored.History.Epochs.Select(e => e.Loss));
        Assert.Equal(model.History.Last.Loss, loaded.Training.Metrics["loss"]);
    }

    [Theory]
    [InlineData(2, "relu")]
    [InlineData(3, "tanh")]
    [InlineData(3, "leaky_relu")]
    public void MlpClassifier_RoundTrip_GivesBitIdenticalProbabilities(int classes, string activation)
    {
        var (x, y) = classes == 2 ? TwoClasses : ThreeClasses;
        var model = new MlpClassifier<string>(new MlpOptions { HiddenLayers = [6, 5], Activation = activation, Epochs = 10, Seed = 3 });
        model.Fit(x, y.Select(c => $"class {c}").ToArray());
        string path = _folder.File("mlp.json");
        ModelFile.Save(path, model);
        var restored = ModelFile.Load(path).As<MlpClassifier<string>>();
        Assert.Equal(Bits(model.PredictProbabilities(x)), Bits(restored.PredictProbabilities(x)));
        Assert.Equal(model.Predict(x), restored.Predict(x));
        Assert.Equal(model.Options.HiddenLayers, restored.Options.HiddenLayers);
        Assert.Equal(model.Network.Shape, restored.Network.Shape);
    }

    [Fact]
    public void MlpRegressor_RoundTrip_GivesBitIdenticalPredictions()
    {
        var rng = new Rosenblatt.Randomness.SeededRandom(2);
        double[][] x = Enumerable.Range(0, 40).Select(_ => new[] { rng.NextDouble(-1, 1), rng.NextDouble(-1, 1) }).ToArray();
        double[][] y = x.Select(r => new[] { r[0] * r[1], r[0] - r[1] }).ToArray();
        var model = new MlpRegressor(new MlpOptions { HiddenLayers = [8], Activation = "tanh", Epochs = 20, Seed = 1 });
        model.Fit(x, y);
        string path = _folder.File("reg.json");
        ModelFile.Save(path, model);
        var loaded = ModelFile.Load(path);
        Assert.False(loaded.IsClassifier);
        Assert.Empty(loaded.LabelNames);
        var restored = loaded.As<MlpRegressor>();
        Assert.Equal(Bits(model.Predict(x)), Bits(restored.Predict(x)));
        Assert.Equal(Bits(model.Predict(x)), Bits(loaded.PredictOutputs(x)));
    }

    [Fact]
    public void Network_RoundTrip_GivesBitIdenticalOutputsAndKeepsItsSeed()
    {
        var network = new Network(2, [new Dense(4, "sigmoid"), new Dense(1, "sigmoid")], seed: 11);
        var x = Matrix.FromRows(LogicGate.Xor.X);
        new Trainer(new TrainerOptions { Epochs = 50, BatchSize = TrainerOptions.FullBatch, Shuffle = false })
            .Fit(network, MeanSquaredError.Instance, new Sgd(0.5), x, new Matrix(4, 1, [0, 1, 1, 0]));
        string path = _folder.File("net.json");
        ModelFile.Save(path, network, new ModelSaveOptions { Epochs = 50 });
        var loaded = ModelFile.Load(path);
        var restored = loaded.As<Network>();
        Assert.Equal(network.Predict(x).AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits),
            restored.Predict(x).AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(11, restored.Seed);
        Assert.Equal(50, loaded.Training.Epochs);
    }

    [Fact]
    public void Weights_OfEveryFloatShape_SurviveBitForBit()
    {
        float[] awkward = [0.1f, -0f, 1e-45f, float.Epsilon * 3, 1.17549435e-38f, float.MaxValue, -float.MaxValue, 1f / 3, 16777217f, 3.4028235e38f, 1e-7f, 123456.79f];
        var network = new Network(awkward.Length, [new Dense(1, "identity")], seed: 0);
        network.Layers[0].SetWeights(awkward, [-0f]);
        string path = _folder.File("bits.json");
        ModelFile.Save(path, network);
        var restored = ModelFile.Load(path).As<Network>();
        Assert.Equal(awkward.Select(BitConverter.SingleToInt32Bits), restored.Layers[0].Weights.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(BitConverter.SingleToInt32Bits(-0f), BitConverter.SingleToInt32Bits(restored.Layers[0].Bias[0]));
    }

    [Fact]
    public void Scaler_IsStoredRestoredAndAppliedBeforePrediction()
    {
        var (x, y) = ThreeClasses;
        var raw = x.Select(r => new[] { r[0] * 1000 + 5000, r[1] }).ToArray();
        var scaler = new StandardScaler();
        double[][] scaled = scaler.FitTransform(raw);
        var model = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 100 });
        model.Fit(scaled, y);
        string path = _folder.File("scaled.json");
        ModelFile.Save(path, model, new ModelSaveOptions { Scaler = scaler, FeatureNames = ["grams", "offset"], Metrics = new Dictionary<string, double> { ["test_accuracy"] = 0.9 } });

        var loaded = ModelFile.Load(path);
        var restoredScaler = Assert.IsType<StandardScaler>(loaded.Scaler);
        Assert.Equal(Bits(scaler.Mean), Bits(restoredScaler.Mean));
        Assert.Equal(Bits(scaler.StandardDeviation), Bits(restoredScaler.StandardDeviation));
        Assert.Equal(Bits(model.PredictProbabilities(scaled)), Bits(loaded.PredictOutputs(raw)));
        Assert.Equal(model.Predict(scaled).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)), loaded.PredictLabels(raw));
        Assert.Equal(["grams", "offset"], loaded.FeatureNames);
        Assert.Equal(0.9, loaded.Training.Metrics["test_accuracy"]);
    }

    [Fact]
    public void MinMaxScaler_IsStoredWithItsRange()
    {
        var (x, y) = TwoClasses;
        var scaler = new MinMaxScaler(-1, 1);
        var scaled = scaler.FitTransform(x);
        var model = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        model.Fit(scaled, y);
        string path = _folder.File("mm.json");
        ModelFile.Save(path, model, new ModelSaveOptions { Scaler = scaler });
        var restored = Assert.IsType<MinMaxScaler>(ModelFile.Load(path).Scaler);
        Assert.Equal(-1, restored.RangeMin);
        Assert.Equal(1, restored.RangeMax);
        Assert.Equal(Bits(scaler.Transform(x)), Bits(restored.Transform(x)));
    }

    /// <summary>docs/model-files.md's example: the AND perceptron keeps its exact bias, so [1, 0] still scores −2.78e-17.</summary>
    [Fact]
    public void AndPerceptron_KeepsItsExactBiasAndTinyScore()
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        string path = _folder.File("and.json");
        ModelFile.Save(path, p, new ModelSaveOptions { FeatureNames = ["x1", "x2"] });
        string text = File.ReadAllText(path);
        Assert.Contains("\"weights\": [0.2, 0.1]", text);
        Assert.Contains("\"bias\": [-0.20000000000000004]", text);
        Assert.Contains("\"mistakesPerEpoch\": [2, 3, 3, 0]", text);
        var loaded = ModelFile.Load(path);
        Assert.Equal(-2.7755575615628914E-17, loaded.As<Perceptron>().DecisionFunction([[1.0, 0.0]])[0]);
        Assert.Equal(["0", "0", "0", "1"], loaded.PredictLabels(LogicGate.And.X));
        Assert.Equal(4, loaded.Training.Epochs);
        Assert.Matches(@"^\d+\.\d+\.\d+$", loaded.Training.LibraryVersion);
    }
}
