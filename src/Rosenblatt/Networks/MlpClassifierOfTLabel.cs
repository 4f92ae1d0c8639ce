using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Preprocessing;
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

    private protected override Network BuildNetwork(int inputs, int outputs, Activation output) =>
        Options.Build(inputs, outputs, output);

    private protected override Optimizer CreateOptimizer() =>
        OptimizerRegistry.Create(Options.Optimizer, Options.LearningRate, Options.Momentum, Options.L2);

    private protected override Trainer CreateTrainer() => Options.Trainer();
}
