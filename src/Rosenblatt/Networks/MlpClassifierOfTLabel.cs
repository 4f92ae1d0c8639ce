using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Losses;
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
public class MlpClassifier<TLabel> : IClassifier<TLabel> where TLabel : notnull
{
    private ClassEncoder<TLabel>? _encoder;
    private Network? _network;
    private TrainingHistory? _history;

    /// <summary>Creates an untrained classifier; the options are validated now.</summary>
    /// <param name="options">Hyperparameters; defaults when null.</param>
    public MlpClassifier(MlpOptions? options = null)
    {
        Options = options ?? new MlpOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public MlpOptions Options { get; }

    /// <inheritdoc />
    public IReadOnlyList<TLabel> Classes => (_encoder ?? throw NotFitted(nameof(Classes))).Classes;

    /// <inheritdoc />
    public int FeatureCount => Net(nameof(FeatureCount)).Inputs;

    /// <summary>The trained network.</summary>
    public Network Network => Net(nameof(Network));

    /// <summary>The training history.</summary>
    public TrainingHistory History => _history ?? throw NotFitted(nameof(History));

    /// <summary>Trains a fresh network on rows <paramref name="x"/> with labels <paramref name="y"/>.</summary>
    /// <param name="x">One row of finite features per sample.</param>
    /// <param name="y">One label per row; at least two classes.</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops after the current batch, keeping the best weights so far.</param>
    /// <returns>The training history.</returns>
    /// <exception cref="ArgumentException">Bad data.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default)
    {
        var features = EstimatorData.Features(x, nameof(x));
        Guard.Labels(y, x.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        var targets = EstimatorData.OneHot(encoder.Encode(y), encoder.Count);
        bool binary = encoder.Count == 2;
        var network = Options.Build(features.Columns, binary ? 1 : encoder.Count, binary ? Sigmoid.Instance : Softmax.Instance);
        Loss loss = binary ? BinaryCrossEntropy.Instance : CategoricalCrossEntropy.Instance;
        var optimizer = OptimizerRegistry.Create(Options.Optimizer, Options.LearningRate, Options.Momentum, Options.L2);
        var history = Options.Trainer().Fit(network, loss, optimizer, features, targets, progress: progress, cancellationToken: cancellationToken);
        _encoder = encoder;
        _network = network;
        _history = history;
        return history;
    }

    /// <summary>Sets learned state without training (model files).</summary>
    internal void Restore(ClassEncoder<TLabel> encoder, Network network, TrainingHistory history)
    {
        _encoder = encoder;
        _network = network;
        _history = history;
    }

    void IClassifier<TLabel>.Train(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) => Fit(x, y);

    /// <summary>The probability of every class for each row (columns in <see cref="Classes"/> order).</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values.</param>
    public double[][] PredictProbabilities(IReadOnlyList<double[]> x)
    {
        var network = Net(nameof(PredictProbabilities));
        return EstimatorData.Probabilities(network.Predict(EstimatorData.Features(x, nameof(x), network.Inputs)), _encoder!.Count);
    }

    /// <inheritdoc />
    public TLabel[] Predict(IReadOnlyList<double[]> x) =>
        PredictProbabilities(x).Select(p => _encoder!.Decode(EstimatorData.ArgMax(p))).ToArray();

    /// <inheritdoc />
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y)
    {
        var predicted = Predict(x);
        Guard.Labels(y, x.Count, nameof(y));
        var eq = EqualityComparer<TLabel>.Default;
        return (double)predicted.Where((p, i) => eq.Equals(p, y[i])).Count() / predicted.Length;
    }

    private Network Net(string member) => _network ?? throw NotFitted(member);

    private static NotFittedException NotFitted(string member) => new("MlpClassifier", member);
}
