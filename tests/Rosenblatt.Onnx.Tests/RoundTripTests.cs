using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;

namespace Rosenblatt.Onnx.Tests;

/// <summary>Rosenblatt → ONNX → Rosenblatt: the imported network, scaler and labels predict exactly what the original model did.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public void MlpClassifierWithStandardScaler_RoundTrip_GivesBitIdenticalProbabilities()
    {
        var data = TestData.Digits();
        var raw = data.ToRows();
        var scaler = new StandardScaler().Fit(raw);
        var model = new MlpClassifier<string>(new MlpOptions { HiddenLayers = [24, 12], Activation = "tanh", Epochs = 8, Seed = 9 });
        model.Fit(scaler.Transform(raw), data.Labels.Select(l => data.ClassNames[l]).ToArray());

        var imported = OnnxImporter.Read(OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler, FeatureNames = data.FeatureNames }));

        Assert.IsType<StandardScaler>(imported.Scaler);
        Assert.Equal(model.Classes, imported.ClassNames);
        Assert.Equal(data.FeatureNames, imported.FeatureNames);
        Assert.Equal(Bits(model.Network.Predict(Matrix.FromRows(scaler.Transform(raw)))), Bits(imported.Network.Predict(Matrix.FromRows(imported.Scaler!.Transform(raw)))));
    }

    [Fact]
    public void LogisticRegressionWithMinMaxScaler_RoundTripThroughAModelFile_GivesTheSameLabelsAndProbabilities()
    {
        var data = TestData.Moons();
        var raw = data.ToRows();
        var scaler = new MinMaxScaler().Fit(raw);
        var model = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 0.5, MaxEpochs = 100 });
        model.Fit(scaler.Transform(raw), data.Labels);
        using var folder = new TempFolder();

        OnnxImporter.Read(OnnxExporter.Export(model, new ModelSaveOptions { Scaler = scaler })).Save(folder.File("moons.json"));
        var loaded = ModelFile.Load(folder.File("moons.json"));

        Assert.Equal(ModelKind.LogisticRegression, loaded.Kind);
        Assert.Equal(typeof(int), loaded.LabelType);
        Assert.Equal(model.Predict(scaler.Transform(raw)).Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)), loaded.PredictLabels(raw));
        Assert.Equal(model.PredictProbabilities(scaler.Transform(raw)), loaded.PredictOutputs(raw));
    }

    [Fact]
    public void MlpRegressor_RoundTripThroughAModelFile_IsAnMlpRegressorWithTheSameOutputs()
    {
        var (x, y) = TestData.Regression();
        var model = new MlpRegressor(new MlpOptions { HiddenLayers = [8], Epochs = 5, Seed = 1 });
        model.Fit(x, y);
        using var folder = new TempFolder();

        OnnxImporter.Read(OnnxExporter.Export(model)).Save(folder.File("regressor.json"));
        var loaded = ModelFile.Load(folder.File("regressor.json"));

        Assert.Equal(ModelKind.MlpRegressor, loaded.Kind);
        Assert.Equal(model.Predict(x), loaded.PredictOutputs(x));
    }

    [Fact]
    public void NetworkWithEveryActivation_RoundTrip_GivesBitIdenticalOutputs()
    {
        var network = ExportRuntimeTests.EveryActivationNetwork();
        var rows = Matrix.FromRows(TestData.Uniform(1000, network.Inputs, seed: 4));

        var imported = OnnxImporter.Read(OnnxExporter.Export(network)).Network;

        Assert.Equal(network.Layers.Select(l => l.Activation.Name), imported.Layers.Select(l => l.Activation.Name));
        Assert.Equal(Bits(network.Predict(rows)), Bits(imported.Predict(rows)));
    }

    private static int[] Bits(Matrix m) => m.AsSpan().ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();
}
