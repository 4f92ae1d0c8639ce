using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;
using Rosenblatt.Initializers;
using Rosenblatt.Optimizers;

namespace Rosenblatt.Networks;

/// <summary>The hyperparameters of <see cref="MlpClassifier{TLabel}"/> and <see cref="MlpRegressor"/>.</summary>
/// <remarks>Defaults are the modern ones: ReLU hidden layers with He initialization, Adam at 0.001, mini-batches of 32.</remarks>
public sealed record MlpOptions
{
    /// <summary>The hidden layers' sizes, input side first (e.g. [128] or [64, 32]); empty for none.</summary>
    public IReadOnlyList<int> HiddenLayers { get; init; } = [32];

    /// <summary>The hidden layers' activation name (see <see cref="ActivationRegistry"/>).</summary>
    public string Activation { get; init; } = "relu";

    /// <summary>The weight initializer's name (see <see cref="InitializerRegistry"/>, e.g. <c>he</c> or <c>normal:0.1</c>), or null for the activation's natural choice (He for ReLU, Xavier otherwise).</summary>
    public string? Initializer { get; init; }

    /// <summary>The optimizer's name: sgd, momentum, nesterov or adam.</summary>
    public string Optimizer { get; init; } = "adam";

    /// <summary>The learning rate.</summary>
    public double LearningRate { get; init; } = 0.001;

    /// <summary>Momentum μ for sgd (0.9 is implied by momentum/nesterov when 0).</summary>
    public double Momentum { get; init; }

    /// <summary>L2 weight decay λ.</summary>
    public double L2 { get; init; }

    /// <summary>The most epochs.</summary>
    public int Epochs { get; init; } = 200;

    /// <summary>Samples per step, at least 1; <see cref="Training.TrainerOptions.FullBatch"/> for full batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The seed for initial weights, shuffling and the validation split.</summary>
    public int Seed { get; init; }

    /// <summary>Whether to visit the rows in a new seeded order every epoch (true, the default); false keeps the data's
    /// order, so every epoch's batches are the same rows in the same order (to replay a script or study one order).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The fraction of training rows held out for validation.</summary>
    public double ValidationSplit { get; init; }

    /// <summary>Early-stopping patience in epochs; null turns it off.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <exception cref="ArgumentException">An option is out of range or a name is unknown.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(HiddenLayers, nameof(HiddenLayers));
        for (int i = 0; i < HiddenLayers.Count; i++)
            Guard.AtLeast(HiddenLayers[i], 1, $"{nameof(HiddenLayers)}[{i}]", "every hidden layer needs at least one unit.");
        var activation = ActivationRegistry.FromName(Activation);
        if (!activation.IsDifferentiable)
            activation.Derivative(0);
        if (activation is Softmax)
            throw Guard.Error(nameof(Activation), "softmax is an output activation, not a hidden one.", "use relu, tanh or sigmoid for hidden layers.");
        if (Initializer is not null)
            InitializerRegistry.FromName(Initializer);
        OptimizerRegistry.Create(Optimizer, LearningRate, Momentum, L2);
        ToTrainerOptions().Validate();
    }

    internal Network Build(int inputs, int outputs, Activation output)
    {
        var layers = new List<Layers.Dense>();
        foreach (int units in HiddenLayers)
        {
            layers.Add(new Layers.Dense(units, ActivationRegistry.FromName(Activation),
                Initializer is null ? null : InitializerRegistry.FromName(Initializer)));
        }
        layers.Add(new Layers.Dense(outputs, output, Initializer is null ? null : InitializerRegistry.FromName(Initializer)));
        return new Network(inputs, layers, Seed);
    }

    internal Training.Trainer Trainer() => new(ToTrainerOptions());

    /// <summary>The training loop's options these hyperparameters stand for (shuffled every epoch unless Shuffle is false).</summary>
    private Training.TrainerOptions ToTrainerOptions() => new()
    {
        Epochs = Epochs,
        BatchSize = BatchSize,
        Shuffle = Shuffle,
        Seed = Seed,
        ValidationSplit = ValidationSplit,
        EarlyStoppingPatience = EarlyStoppingPatience,
    };
}
