using System.Text.Json.Serialization;

namespace Rosenblatt.Playground.Training;

/// <summary>One hidden layer as the page describes it: its neuron count and activation.</summary>
/// <param name="Units">Neurons, 1 to the limit (8).</param>
/// <param name="Activation">A library activation name: tanh, sigmoid, relu, leaky_relu, identity or step.</param>
public sealed record LayerConfig(int Units, string Activation);

/// <summary>Everything that defines a run: the page's whole state, which is also its URL, so a link reproduces a run bit for bit.</summary>
/// <remarks>Names and defaults follow TensorFlow Playground's (circle, 4-2 tanh, learning rate 0.03, batch 10, half the points
/// for training). <see cref="PlaygroundSetup.Validate"/> checks every field against the server's limits and names the
/// control to change, in the page's words.</remarks>
public sealed record PlaygroundConfig
{
    /// <summary><c>network</c> (a network trained by backpropagation) or <c>perceptron</c> (Rosenblatt's rule, one sample at a time).</summary>
    public string Mode { get; init; } = "network";

    /// <summary>The data set: circle, xor, gaussian, spiral, spiral3, blobs, moons, plane, multi-gaussian, or csv (an upload).</summary>
    public string Dataset { get; init; } = "circle";

    /// <summary>The uploaded data set's id when <see cref="Dataset"/> is <c>csv</c>.</summary>
    public string? Upload { get; init; }

    /// <summary>The uploaded CSV's column plotted as x1.</summary>
    public string? X1Column { get; init; }

    /// <summary>The uploaded CSV's column plotted as x2.</summary>
    public string? X2Column { get; init; }

    /// <summary>The uploaded CSV's label (or target) column.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Noise, 0 to 0.5 (the Playground's 0–50 slider).</summary>
    public double Noise { get; init; }

    /// <summary>The percentage of points used for training, 10 to 90; the rest is the test set.</summary>
    public int TrainPercent { get; init; } = 50;

    /// <summary>Points to generate (uploads use their rows).</summary>
    public int Points { get; init; } = 500;

    /// <summary>Rows per gradient step.</summary>
    public int BatchSize { get; init; } = 10;

    /// <summary>The input features, from x1, x2, x1², x2², x1x2, sin(x1), sin(x2) (see <see cref="Data.FeatureSet"/>).</summary>
    public IReadOnlyList<string> Features { get; init; } = ["x1", "x2"];

    /// <summary>The hidden layers, input side first; empty for none.</summary>
    public IReadOnlyList<LayerConfig> Layers { get; init; } = [new(4, "tanh"), new(2, "tanh")];

    /// <summary><c>classification</c> or <c>regression</c>.</summary>
    public string Problem { get; init; } = "classification";

    /// <summary>For classification: <c>cross-entropy</c> (sigmoid or softmax output) or <c>mse</c> (the same outputs, squared error).</summary>
    public string Loss { get; init; } = "cross-entropy";

    /// <summary>sgd, momentum (0.9) or adam.</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; init; } = 0.03;

    /// <summary>none, l1 or l2.</summary>
    public string Regularization { get; init; } = "none";

    /// <summary>The penalty's rate λ.</summary>
    public double RegularizationRate { get; init; }

    /// <summary>The seed of the data, the starting weights and the batch order.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A cap on training speed, epochs per second; 0 for as fast as the machine goes.</summary>
    public double EpochsPerSecond { get; init; }

    /// <summary>Perceptron mode: the most passes over the data before the rule gives up.</summary>
    public int PerceptronEpochs { get; init; } = 20;

    /// <summary>The JSON field names, for error messages and tests.</summary>
    [JsonIgnore]
    public static IReadOnlyList<string> FieldNames { get; } =
    [
        "mode", "dataset", "upload", "x1Column", "x2Column", "labelColumn", "noise", "trainPercent", "points", "batchSize", "features",
        "layers", "problem", "loss", "optimizer", "learningRate", "regularization", "regularizationRate", "seed", "epochsPerSecond",
        "perceptronEpochs",
    ];
}
