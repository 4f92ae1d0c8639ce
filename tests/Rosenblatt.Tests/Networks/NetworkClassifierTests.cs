using Rosenblatt.Diagnostics;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Serialization;
using Rosenblatt.Tests.Serialization;

namespace Rosenblatt.Tests.Networks;

/// <summary>Logistic regression and the MLP classifier share <see cref="NetworkClassifier{TLabel}"/>: one face for prediction, errors in each model's own name.</summary>
public sealed class NetworkClassifierTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static readonly double[][] X = [[0, 0], [0, 1], [1, 0], [1, 1], [0.1, 0.2], [0.9, 0.8]];
    private static readonly string[] Y = ["off", "off", "off", "on", "off", "on"];

    public static TheoryData<string> Models() => new() { "LogisticRegression", "MlpClassifier" };

    private static NetworkClassifier<string> Create(string model) => model switch
    {
        "LogisticRegression" => new LogisticRegression<string>(new LogisticRegressionOptions { LearningRate = 1, MaxEpochs = 300 }),
        _ => new MlpClassifier<string>(new MlpOptions { HiddenLayers = [4], LearningRate = 0.05, Epochs = 300, BatchSize = Rosenblatt.Training.TrainerOptions.FullBatch, Seed = 3 }),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void LearnedState_BeforeFit_ThrowsNotFittedNamingTheConcreteModel(string model)
    {
        var classifier = Create(model);
        var history = Assert.Throws<NotFittedException>(() => classifier.History);
        var network = Assert.Throws<NotFittedException>(() => classifier.Network);
        var features = Assert.Throws<NotFittedException>(() => classifier.FeatureCount);
        Assert.StartsWith($"{model}.History is not available before training.", history.Message);
        Assert.Equal((model, "Network"), (network.Model, network.Member));
        Assert.Contains($"call {model}.Fit(X, y) first.", features.Message);
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void LoadedModel_AsNetworkClassifier_PredictsWhatTheSavedModelPredicted(string model)
    {
        var classifier = Create(model);
        ((IClassifier<string>)classifier).Train(X, Y);
        string path = _folder.File("model.json");
        if (classifier is LogisticRegression<string> lr) ModelFile.Save(path, lr);
        else ModelFile.Save(path, (MlpClassifier<string>)classifier);

        var restored = ModelFile.Load(path).As<NetworkClassifier<string>>();

        Assert.Equal(classifier.GetType(), restored.GetType());
        Assert.Equal(["off", "on"], restored.Classes);
        Assert.Equal(classifier.Predict(X), restored.Predict(X));
        Assert.Equal(classifier.PredictProbabilities(X), restored.PredictProbabilities(X));
        Assert.Equal(classifier.Score(X, Y), restored.Score(X, Y));
        Assert.Equal(1.0, restored.Score(X, Y));
    }
}
