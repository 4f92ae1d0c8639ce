using Onnx;
using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;

namespace Rosenblatt.Onnx.Tests;

/// <summary>Every model kind, exported and run in ONNX Runtime on at least 1,000 rows: the same labels, probabilities within 1e-5.</summary>
public sealed class ExportRuntimeTests
{
    [Fact]
    public void Perceptron_Binary_WithStandardScaler_RunsInOnnxRuntimeWithTheSameLabelsAndScores()
    {
        var data = TestData.Moons();
        var raw = data.ToRows();
        var scaler = new StandardScaler().Fit(raw);
        var model = new Perceptron<string>(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 20, AnalyzeSeparability = false });
        var labels = data.Labels.Select(l => data.ClassNames[l]).ToArray();
        model.Fit(scaler.Transform(raw), labels);

        var onnx = OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler });
        var outputs = OnnxRuntimeRunner.Run(onnx, raw);

        Agreement.Labels(Indices(model.Classes, model.Predict(scaler.Transform(raw))), (long[])outputs[OnnxFormat.LabelName]);
        Agreement.Values(model.DecisionScores(scaler.Transform(raw)), (double[])outputs[OnnxFormat.ScoresName], tolerance: 1e-9);
    }

    [Fact]
    public void Perceptron_OneVsRest_WithMinMaxScaler_RunsInOnnxRuntimeWithTheSameLabels()
    {
        var data = TestData.Digits();
        var raw = data.ToRows();
        var scaler = new MinMaxScaler().Fit(raw);
        var model = new Perceptron(new PerceptronOptions { LearningRate = 1, MaxEpochs = 5, AnalyzeSeparability = false });
        model.Fit(scaler.Transform(raw), data.Labels);

        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler }), raw);

        Agreement.Labels(Indices(model.Classes, model.Predict(scaler.Transform(raw))), (long[])outputs[OnnxFormat.LabelName]);
        Agreement.Values(model.DecisionScores(scaler.Transform(raw)), (double[])outputs[OnnxFormat.ScoresName], tolerance: 1e-9);
    }

    [Fact]
    public void LogisticRegression_Binary_WithStandardScaler_GivesTwoProbabilityColumnsInOnnxRuntime()
    {
        var data = TestData.Moons();
        var raw = data.ToRows();
        var scaler = new StandardScaler().Fit(raw);
        var model = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 0.5, MaxEpochs = 200 });
        model.Fit(scaler.Transform(raw), data.Labels);

        AssertClassifierAgrees(model, scaler, raw);
    }

    [Fact]
    public void LogisticRegression_Multinomial_WithMinMaxScaler_RunsInOnnxRuntimeWithTheSameNumbers()
    {
        var data = TestData.Digits();
        var raw = data.ToRows();
        var scaler = new MinMaxScaler(-1, 1).Fit(raw);
        var model = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 0.5, MaxEpochs = 60 });
        model.Fit(scaler.Transform(raw), data.Labels);

        AssertClassifierAgrees(model, scaler, raw);
    }

    [Fact]
    public void MlpClassifier_ReluWithStringLabelsAndStandardScaler_RunsInOnnxRuntimeWithTheSameNumbers()
    {
        var data = TestData.Digits();
        var raw = data.ToRows();
        var scaler = new StandardScaler().Fit(raw);
        var model = new MlpClassifier<string>(new MlpOptions { HiddenLayers = [32], Activation = "relu", Epochs = 15, Seed = 3 });
        model.Fit(scaler.Transform(raw), data.Labels.Select(l => $"digit {l}").ToArray());

        AssertClassifierAgrees(model, scaler, raw);
    }

    [Fact]
    public void MlpClassifier_BinaryTanhWithoutScaler_RunsInOnnxRuntimeWithTheSameNumbers()
    {
        var data = TestData.Moons();
        var raw = data.ToRows();
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [16, 8], Activation = "tanh", Epochs = 30, Seed = 5 });
        model.Fit(raw, data.Labels);

        AssertClassifierAgrees(model, null, raw);
    }

    [Fact]
    public void MlpClassifier_LeakyReluAndSigmoidLayers_RunInOnnxRuntimeWithTheSameNumbers()
    {
        var data = TestData.Blobs();
        var raw = data.ToRows();
        var scaler = new StandardScaler().Fit(raw);
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [12], Activation = "leaky_relu", Epochs = 20, Seed = 1 });
        model.Fit(scaler.Transform(raw), data.Labels);
        AssertClassifierAgrees(model, scaler, raw);

        var sigmoid = new MlpClassifier(new MlpOptions { HiddenLayers = [12], Activation = "sigmoid", Epochs = 20, Seed = 1 });
        sigmoid.Fit(scaler.Transform(raw), data.Labels);
        AssertClassifierAgrees(sigmoid, scaler, raw);
    }

    [Fact]
    public void MlpRegressor_WithStandardScaler_RunsInOnnxRuntimeWithTheSameOutputs()
    {
        var (x, y) = TestData.Regression();
        var scaler = new StandardScaler().Fit(x);
        var model = new MlpRegressor(new MlpOptions { HiddenLayers = [24, 12], Activation = "tanh", Epochs = 40, Seed = 2, LearningRate = 0.01 });
        model.Fit(scaler.Transform(x), y);

        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler }), x);

        Assert.Equal([OnnxFormat.OutputName], outputs.Keys);
        Agreement.Values(model.Predict(scaler.Transform(x)), (double[])outputs[OnnxFormat.OutputName]);
    }

    [Fact]
    public void Network_WithEveryActivationTheLibraryHas_RunsInOnnxRuntimeWithTheSameOutputs()
    {
        var network = EveryActivationNetwork();
        var rows = TestData.Uniform(1000, network.Inputs, seed: 21);

        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(network), rows);

        var expected = network.Predict(Numerics.Matrix.FromRows(rows)).ToRows().Select(r => r.Select(v => (double)v).ToArray()).ToArray();
        Agreement.Values(expected, (double[])outputs[OnnxFormat.OutputName]);
        Assert.Equal(ActivationRegistry.Names.Order(), network.Layers.Select(l => l.Activation.Name).Distinct().Order());
    }

    [Fact]
    public void Export_FromAModelFile_CarriesItsScalerAndPredictsWhatTheLoadedModelPredicts()
    {
        var data = TestData.Digits();
        var raw = data.ToRows();
        var scaler = new StandardScaler().Fit(raw);
        var model = new MlpClassifier(new MlpOptions { HiddenLayers = [16], Epochs = 10, Seed = 4 });
        model.Fit(scaler.Transform(raw), data.Labels);
        using var folder = new TempFolder();
        ModelFile.Save(folder.File("digits.json"), model, new ModelSaveOptions { Scaler = scaler, FeatureNames = data.FeatureNames });
        var loaded = ModelFile.Load(folder.File("digits.json"));

        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(loaded), raw);

        var labels = loaded.PredictLabels(raw).Select(l => (long)loaded.LabelNames.ToList().IndexOf(l)).ToArray();
        Agreement.Labels(labels, (long[])outputs[OnnxFormat.LabelName]);
        Agreement.Values(loaded.PredictOutputs(raw), (double[])outputs[OnnxFormat.ProbabilitiesName]);
    }

    [Fact]
    public void Export_WritesOpsetIrVersionClassNamesAndOutputsIntoTheFile()
    {
        var data = TestData.Blobs();
        var model = new MlpClassifier<string>(new MlpOptions { HiddenLayers = [4], Epochs = 2 });
        model.Fit(data.ToRows(), data.Labels.Select(l => $"blob-{l}").ToArray());
        var scaler = new StandardScaler().Fit(data.ToRows());

        var file = ModelProto.Parser.ParseFrom(OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler, FeatureNames = ["x", "y"] }));

        var metadata = file.MetadataProps.ToDictionary(p => p.Key, p => p.Value);
        Assert.Equal(OnnxFormat.IrVersion, file.IrVersion);
        Assert.Equal(OnnxFormat.Opset, Assert.Single(file.OpsetImport).Version);
        Assert.Equal("Rosenblatt", file.ProducerName);
        Assert.Equal("""["blob-0","blob-1","blob-2","blob-3"]""", metadata[OnnxFormat.ClassesKey]);
        Assert.Equal("string", metadata[OnnxFormat.LabelTypeKey]);
        Assert.Equal("""["x","y"]""", metadata[OnnxFormat.FeaturesKey]);
        Assert.Equal("standard", metadata[OnnxFormat.ScalerKey]);
        Assert.Equal("mlp-classifier", metadata[OnnxFormat.KindKey]);
        Assert.Equal([OnnxFormat.LabelName, OnnxFormat.ProbabilitiesName], file.Graph.Output.Select(o => o.Name));
        Assert.Equal(["Cast", "Sub", "Div", "Cast", "Gemm", "Relu", "Gemm", "Softmax", "ArgMax"], file.Graph.Node.Select(n => n.OpType));
    }

    [Fact]
    public void Export_ThePerceptronsStep_IsAComparisonNotAnActivation()
    {
        var model = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        model.Fit(LogicGate.And.X, LogicGate.And.Y);

        var file = ModelProto.Parser.ParseFrom(OnnxExporter.Export(model));

        Assert.Equal(["Cast", "MatMul", "Add", "GreaterOrEqual", "Cast", "Reshape"], file.Graph.Node.Select(n => n.OpType));
    }

    [Fact]
    public void Export_TheSeedsAndGate_GivesTheSeedsAnswersInOnnxRuntime()
    {
        // Seed 001's AND perceptron scores [1, 0] at -2.78e-17: below 0 in float64, so 0. A float32 graph would round it to 0 and answer 1.
        var model = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        model.Fit(LogicGate.And.X, LogicGate.And.Y);
        var rows = Enumerable.Range(0, 1000).Select(i => LogicGate.And.X[i % 4]).ToArray();

        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(model), rows);

        Agreement.Labels(model.Predict(rows).Select(l => (long)l).ToArray(), (long[])outputs[OnnxFormat.LabelName]);
        Assert.Equal([0L, 0L, 0L, 1L], ((long[])outputs[OnnxFormat.LabelName])[..4]);
    }

    [Fact]
    public void Export_AnActivationFromOutsideTheLibrary_IsRefusedByName()
    {
        var network = new Network(2, [new Dense(1, new Cube())], seed: 0);

        var error = Assert.Throws<NotSupportedException>(() => OnnxExporter.Export(network));

        Assert.Contains("'cube'", error.Message);
        Assert.Contains("help:", error.Message);
    }

    [Fact]
    public void Export_AScalerFittedOnOtherFeatures_IsRefused()
    {
        var network = new Network(3, [new Dense(1, "sigmoid")], seed: 0);
        var scaler = new StandardScaler().Fit([[1.0, 2.0], [3.0, 4.0]]);

        var error = Assert.Throws<ArgumentException>(() => OnnxExporter.Export(network, new ModelSaveOptions { Scaler = scaler }));

        Assert.Contains("fitted on 2 features but the model has 3", error.Message);
    }

    /// <summary>A 5-input network with one layer of each of the library's activations, seeded weights.</summary>
    internal static Network EveryActivationNetwork() => new(5,
    [
        new Dense(8, "relu"), new Dense(8, new LeakyRelu(0.1)), new Dense(8, "tanh"), new Dense(8, "sigmoid"),
        new Dense(8, "step"), new Dense(6, "identity"), new Dense(4, "softmax"),
    ], seed: 7);

    internal static void AssertClassifierAgrees<TLabel>(NetworkClassifier<TLabel> model, Scaler? scaler, double[][] raw) where TLabel : notnull
    {
        var scaled = scaler?.Transform(raw) ?? raw;
        var outputs = OnnxRuntimeRunner.Run(OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler }), raw);
        Agreement.Labels(Indices(model.Classes, model.Predict(scaled)), (long[])outputs[OnnxFormat.LabelName]);
        Agreement.Values(model.PredictProbabilities(scaled), (double[])outputs[OnnxFormat.ProbabilitiesName]);
    }

    internal static long[] Indices<TLabel>(IReadOnlyList<TLabel> classes, IEnumerable<TLabel> labels) where TLabel : notnull =>
        labels.Select(l => (long)classes.ToList().IndexOf(l)).ToArray();

    private sealed class Cube : Activation
    {
        public override string Name => "cube";

        public override double Apply(double z) => z * z * z;

        public override double Derivative(double z) => 3 * z * z;
    }
}
