using Rosenblatt.Activations;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Optimizers;
using Rosenblatt.Playground.Data;

namespace Rosenblatt.Playground.Training;

/// <summary>Checks a configuration against the server's limits and builds what it describes: network, loss, optimizer.</summary>
/// <remarks>Every refusal names the control on the page ("Hidden layers", "Learning rate") and what to do, because the person
/// reading it is looking at those controls, not at the library's property names.</remarks>
public static class PlaygroundSetup
{
    /// <summary>The hidden activations the page offers; step draws but cannot be trained by gradient descent.</summary>
    public static IReadOnlyList<string> HiddenActivations { get; } = ["tanh", "sigmoid", "relu", "leaky_relu", "identity", "step"];

    /// <summary>The data sets the page offers, classification first.</summary>
    public static IReadOnlyList<string> Datasets { get; } = ["circle", "xor", "gaussian", "spiral", "spiral3", "blobs", "moons", "plane", "multi-gaussian", "csv"];

    /// <summary>Checks every field; throws the first problem found.</summary>
    /// <exception cref="ArgumentException">A field out of range, named as the page names it.</exception>
    public static void Validate(PlaygroundConfig config, PlaygroundLimits limits)
    {
        ArgumentNullException.ThrowIfNull(config);
        Require(config.Mode is "network" or "perceptron", "Mode: pick network or perceptron.");
        Require(Datasets.Contains(config.Dataset), $"Data: pick one of {string.Join(", ", Datasets)}.");
        Require(config.Dataset != "csv" || config.Upload is not null, "Data: upload a CSV file first.");
        Require(config.Noise is >= 0 and <= 0.5, $"Noise must be 0 to 50 (received {config.Noise * 100:G4}).");
        Require(config.TrainPercent is >= 10 and <= 90, $"Ratio of training to test data must be 10% to 90% (received {config.TrainPercent}%).");
        Require(config.Points >= 10 && config.Points <= limits.MaxPoints,
            $"Points must be 10 to {limits.MaxPoints:N0} (received {config.Points:N0}): the playground draws every point.");
        Require(config.BatchSize is >= 1 and <= 1000, $"Batch size must be 1 to 1,000 (received {config.BatchSize:N0}).");
        Require(config.Problem is "classification" or "regression", "Problem type: pick classification or regression.");
        Require(config.Loss is "cross-entropy" or "mse", "Loss: pick cross-entropy or mse.");
        Require(config.Optimizer is "sgd" or "momentum" or "adam", "Optimizer: pick sgd, momentum or adam.");
        Require(double.IsFinite(config.LearningRate) && config.LearningRate >= 1e-5 && config.LearningRate <= 10,
            $"Learning rate must be 0.00001 to 10 (received {config.LearningRate:G4}).");
        Require(config.Regularization is "none" or "l1" or "l2", "Regularization: pick none, L1 or L2.");
        Require(double.IsFinite(config.RegularizationRate) && config.RegularizationRate is >= 0 and < 1,
            $"Regularization rate must be 0 to 0.99 (received {config.RegularizationRate:G4}).");
        Require(double.IsFinite(config.EpochsPerSecond) && config.EpochsPerSecond is >= 0 and <= 10_000, "Speed must be 0 (as fast as possible) to 10,000 epochs per second.");
        Require(config.PerceptronEpochs is >= 1 and <= 100, $"Perceptron epochs must be 1 to 100 (received {config.PerceptronEpochs}).");
        Require(config.Features is { Count: > 0 }, "Features: pick at least one input feature.");
        _ = new FeatureSet(config.Features);
        Require(config.Layers is not null, "Hidden layers: missing.");
        Require(config.Layers!.Count <= limits.MaxHiddenLayers,
            $"Hidden layers: at most {limits.MaxHiddenLayers} (received {config.Layers.Count}). Remove a layer with −.");
        for (int i = 0; i < config.Layers.Count; i++)
        {
            var layer = config.Layers[i];
            Require(layer is not null && layer.Units >= 1 && layer.Units <= limits.MaxNeuronsPerLayer,
                $"Hidden layer {i + 1}: 1 to {limits.MaxNeuronsPerLayer} neurons (received {layer?.Units}). Remove neurons with −.");
            Require(HiddenActivations.Contains(layer!.Activation),
                $"Hidden layer {i + 1}: activation must be one of {string.Join(", ", HiddenActivations)} (received '{layer.Activation}').");
        }
        if (config.Mode == "perceptron")
        {
            Require(config.Problem == "classification", "Perceptron mode classifies: switch the problem type to classification.");
            Require(config.Features.Count == 2 && config.Features.Contains("x1") && config.Features.Contains("x2"),
                "Perceptron mode draws its line in the plane of x1 and x2: select exactly those two features.");
        }
    }

    /// <summary>The network a configuration describes, its weights drawn from the configuration's seed.</summary>
    /// <param name="config">A validated configuration.</param>
    /// <param name="outputs">Output units: 1 for regression and two classes, else one per class.</param>
    public static Network BuildNetwork(PlaygroundConfig config, int outputs)
    {
        var layers = config.Layers.Select(l => new Dense(l.Units, l.Activation)).ToList();
        layers.Add(new Dense(outputs, OutputActivation(config, outputs)));
        return new Network(config.Features.Count, layers, config.Seed);
    }

    /// <summary>The output activation: identity for regression, sigmoid for one class unit, softmax for several.</summary>
    public static Activation OutputActivation(PlaygroundConfig config, int outputs) =>
        config.Problem == "regression" ? Identity.Instance : outputs == 1 ? Sigmoid.Instance : Softmax.Instance;

    /// <summary>The loss: squared error for regression or when asked, else the cross-entropy that fits the output.</summary>
    public static Loss Loss(PlaygroundConfig config, int outputs) =>
        config.Problem == "regression" || config.Loss == "mse" ? MeanSquaredError.Instance
        : outputs == 1 ? BinaryCrossEntropy.Instance : CategoricalCrossEntropy.Instance;

    /// <summary>The optimizer, with the regularization penalty on the weights (never the biases).</summary>
    public static Optimizer Optimizer(PlaygroundConfig config)
    {
        double l2 = config.Regularization == "l2" ? config.RegularizationRate : 0;
        double l1 = config.Regularization == "l1" ? config.RegularizationRate : 0;
        return config.Optimizer switch
        {
            "adam" => new Adam(config.LearningRate, weightDecay: l2) { L1 = l1 },
            "momentum" => new Sgd(config.LearningRate, momentum: 0.9, weightDecay: l2) { L1 = l1 },
            _ => new Sgd(config.LearningRate, weightDecay: l2) { L1 = l1 },
        };
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
            throw new ArgumentException(message);
    }
}
