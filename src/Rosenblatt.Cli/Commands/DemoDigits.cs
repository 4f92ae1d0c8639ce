using Rosenblatt.Cli.Conventions;
using Rosenblatt.Cli.Modeling;
using Rosenblatt.Cli.Plots;
using Rosenblatt.Data;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;

namespace Rosenblatt.Cli.Commands;

/// <summary>The last two chapters of <c>rosenblatt demo</c>: a network on the handwritten digits, and the pictures.</summary>
/// <remarks>
/// Uses exactly what <c>rosenblatt train --data digits</c> does by default (stratified 20% test split with
/// seed 42, standard scaling fitted on the training rows, a 128-unit ReLU layer, Adam lr 0.001, 30 epochs of
/// 32 rows), so the demo's figure is the one a reader gets by running the command.
/// </remarks>
internal static class DemoDigits
{
    /// <summary>The seed of the split and the training.</summary>
    public const int Seed = 42;

    /// <summary>Trains the digits network and reports its test accuracy.</summary>
    public static Result Run()
    {
        var data = BuiltInDatasets.Digits();
        var (train, test) = TrainTestSplit.Split(data, 0.2, Seed);
        var scaler = new StandardScaler();
        double[][] x = scaler.FitTransform(train.ToRows());
        string[] y = [.. train.Labels.Select(l => train.ClassNames[l])];
        var network = new MlpClassifier<string>(new MlpOptions
        {
            HiddenLayers = [128], Activation = "relu", Optimizer = "adam", LearningRate = 0.001, Epochs = 30, BatchSize = 32, Seed = Seed,
        });
        network.Fit(x, y);
        var model = CliModel.Fresh(network, scaler, train.FeatureNames);
        var confusion = TrainCommand.Score(model, test, "digits");
        var chapter = new DemoCommand.Chapter("5. Beyond XOR: a network reads handwritten digits",
        [
            $"{data.Count} 8×8 images of the digits 0-9 (UCI, shipped with Rosenblatt)",
            $"{train.Count} to learn from, {test.Count} held out to test",
            $"network {network.Network.Shape}: 128 relu units, softmax over 10 classes",
            "adam lr 0.001, 30 epochs of 32 images, standard scaling",
            $"test accuracy {CliFormat.Percent(confusion.Accuracy)} ({confusion.Correct}/{confusion.Total} images it never saw)",
            "the same run: rosenblatt train --data digits --out digits.json",
        ]);
        return new Result(chapter, model, test, confusion);
    }

    /// <summary>Writes the pictures: the XOR network's boundary, and the digits network's curves, confusion matrix and weights.</summary>
    /// <param name="folder">The folder (it exists).</param>
    /// <param name="xor">Seed 002's trained 2-4-1 network.</param>
    /// <param name="digits">The digits run.</param>
    public static DemoCommand.Chapter Pictures(string folder, Network xor, Result digits)
    {
        var gate = LogicGate.Xor;
        var files = new List<string>
        {
            DecisionBoundaryPlot.Save(Path.Combine(folder, "xor-boundary.png"), gate.X, gate.Y, ["0", "1"],
                rows => [.. xor.Predict(Matrix.FromRows(rows)).ToRows().Select(r => new[] { (double)r[0] })],
                "XOR: the 2-4-1 network's decision regions"),
            TrainingCurvesPlot.Save(Path.Combine(folder, "digits-curves.png"), digits.Model.History!, "digits 64-128-10"),
            ConfusionMatrixPlot.Save(Path.Combine(folder, "digits-confusion.png"), digits.Confusion.ToRows(), digits.Model.ClassNames,
                $"digits: confusion matrix, {digits.Test.Count} held-out images"),
        };
        var first = digits.Model.Network!.Layers[0];
        files.Add(FirstLayerWeightsPlot.Save(Path.Combine(folder, "digits-weights.png"), first.Weights.AsSpan(), 64, first.Units,
            "digits: what the first-layer units look for (8×8)"));
        return new DemoCommand.Chapter("6. Pictures",
            [$"in {Path.GetFullPath(folder)}:", .. files.Select(f => Path.GetFileName(f) + Describe(Path.GetFileName(f)))]);
    }

    private static string Describe(string file) => file switch
    {
        "xor-boundary.png" => ": where the XOR network says 1, where 0",
        "digits-curves.png" => ": loss and accuracy per epoch",
        "digits-confusion.png" => ": which digits it mistakes for which",
        _ => ": each hidden unit's 64 weights as an 8×8 image",
    };

    /// <summary>The digits run.</summary>
    /// <param name="Chapter">Its chapter.</param>
    /// <param name="Model">The trained model.</param>
    /// <param name="Test">The held-out rows.</param>
    /// <param name="Confusion">Its confusion matrix on them.</param>
    internal sealed record Result(DemoCommand.Chapter Chapter, CliModel Model, Dataset Test, Metrics.ConfusionMatrix Confusion);
}
