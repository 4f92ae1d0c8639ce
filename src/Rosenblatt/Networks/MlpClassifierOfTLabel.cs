using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Preprocessing;
using Rosenblatt.Diagnostics;
using Rosenblatt.Optimizers;
using Rosenblatt.Training;

namespace Rosenblatt.Networks;

/// <summary>A multilayer perceptron that classifies: hidden layers, then softmax (or one sigmoid unit for two classes) with cross-entropy.</summary>
/// <remarks>
/// The estimator face of <see cref="Network"/>: rows and labels in, labels and probabilities out, with
/// the same contract as the perceptron and logistic regression. The output head follows from the class
/// count, so a learner cannot pair a loss with the wrong output: two classes get one sigmoid unit with
/// binary cross-entropy, more get one softmax unit per class with categorical cross-entropy.
/// </remarks>
/// <typeparam name="TLabel">The label type.</typeparam>
public class MlpClassifier<TLabel> : NetworkClassifier<TLabel> where TLabel : notnull
{
    /// <summary>Creates an untrained classifier; the options are validated now.</summary>
    /// <param name="options">Hyperparameters; defaults when null.</param>
    public MlpClassifier(MlpOptions? options = null)
        : base("MlpClassifier")
    {
        Options = options ?? new MlpOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public MlpOptions Options { get; }

    /// <summary>Trains a fresh network on rows <paramref name="x"/> with labels <paramref name="y"/>.</summary>
    /// <param name="x">One row of finite features per sample.</param>
    /// <param name="y">One label per row; at least two classes.</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops after the current batch, keeping the best weights so far.</param>
    /// <returns>The training history.</returns>
    /// <exception cref="ArgumentException">Bad data.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default) =>
        FitNetwork(x, y, progress, cancellationToken);

    /// <summary>Trains a fresh network on greyscale images kept as bytes, scaled batch by batch: the same weights, bit for bit, as
    /// <see cref="Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel}, IProgress{EpochRecord}?, CancellationToken)"/> on the scaled rows,
    /// without a float copy of the set.</summary>
    /// <remarks>MNIST's 60,000 training images are 47 MB as bytes; as the double rows of the other overload they are 376 MB,
    /// scaled another 376 MB, and as the float32 matrix training uses another 188 MB.</remarks>
    /// <param name="x">The training images.</param>
    /// <param name="scaler">A scaler fitted on them (<see cref="Scaler.Fit(IdxImages)"/>), or null for pixel / 255.</param>
    /// <param name="y">One label per image; at least two classes.</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops after the current batch, keeping the best weights so far.</param>
    /// <returns>The training history.</returns>
    /// <exception cref="ArgumentException">Bad data.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(IdxImages x, Scaler? scaler, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default) =>
        FitNetwork(x, scaler, y, progress, cancellationToken);

    /// <summary>Wraps a network trained outside the estimator (your own <c>Trainer</c> call, the playground) as a classifier
    /// of <paramref name="classes"/>, so it predicts labels and saves as an <c>mlp-classifier</c> model file.</summary>
    /// <remarks>The network must have the head this class would have given it: one sigmoid unit for two classes (its output
    /// is the probability of the second class), or one softmax unit per class. It is used as is, not copied.</remarks>
    /// <param name="network">The trained network.</param>
    /// <param name="classes">The class labels, in output order; distinct.</param>
    /// <param name="options">The hyperparameters to record with it (hidden sizes, optimizer…); defaults when null.</param>
    /// <param name="history">The training history to keep with it; an empty one when null.</param>
    /// <returns>A fitted classifier.</returns>
    /// <exception cref="ArgumentException">Fewer than two classes, repeated classes, or a head that does not fit them.</exception>
    public static MlpClassifier<TLabel> FromNetwork(Network network, IReadOnlyList<TLabel> classes, MlpOptions? options = null,
        TrainingHistory? history = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Count < 2 || classes.Distinct().Count() != classes.Count)
            throw Guard.Error(nameof(classes), $"a classifier needs at least two distinct classes (received {classes.Count} labels, {classes.Distinct().Count()} distinct).",
                "pass each class once, in the order of the network's outputs.");
        var head = network.Layers[^1];
        bool fits = classes.Count == 2
            ? network.Outputs == 1 && head.Activation is Sigmoid
            : network.Outputs == classes.Count && head.Activation is Softmax;
        if (!fits)
            throw Guard.Error(nameof(network),
                $"the network's output layer is Dense({network.Outputs}, {head.Activation.Name}), which does not classify {classes.Count} classes the way MlpClassifier does.",
                classes.Count == 2 ? "end the network with Dense(1, \"sigmoid\") for two classes." : $"end the network with Dense({classes.Count}, \"softmax\").");
        var model = new MlpClassifier<TLabel>(options);
        model.Restore(ClassEncoder<TLabel>.FromClasses(classes), network, history ?? new TrainingHistory());
        return model;
    }

    private protected override Network BuildNetwork(int inputs, int outputs, Activation output) =>
        Options.Build(inputs, outputs, output);

    private protected override Optimizer CreateOptimizer() =>
        OptimizerRegistry.Create(Options.Optimizer, Options.LearningRate, Options.Momentum, Options.L2);

    private protected override Trainer CreateTrainer() => Options.Trainer();
}
