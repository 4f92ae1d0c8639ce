using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Losses;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Preprocessing;
using Rosenblatt.Training;

namespace Rosenblatt.Networks;

/// <summary>A classifier whose model is a <see cref="Network"/> with a probabilistic output head: the common part of <c>LogisticRegression</c> and <see cref="MlpClassifier{TLabel}"/>.</summary>
/// <remarks>
/// <para>Both estimators learn the same way and differ only in the layers before the output: logistic
/// regression has none, a multilayer perceptron has hidden layers. The head follows from the class count,
/// so a learner cannot pair a loss with the wrong output: two classes get one sigmoid unit with binary
/// cross-entropy, more get one softmax unit per class with categorical cross-entropy. Either way the
/// gradient at the output is <c>a − y</c>.</para>
/// <para>This type holds the learned state (class encoder, network, history) and the prediction plumbing,
/// so code that only predicts can take either model. It cannot be derived from outside the library.</para>
/// </remarks>
/// <typeparam name="TLabel">The label type.</typeparam>
public abstract class NetworkClassifier<TLabel> : IClassifier<TLabel> where TLabel : notnull
{
    private readonly string _modelName;
    private ClassEncoder<TLabel>? _encoder;
    private Network? _network;
    private TrainingHistory? _history;

    /// <summary>Creates an untrained classifier.</summary>
    /// <param name="modelName">The public type name used in not-fitted errors, e.g. <c>MlpClassifier</c>.</param>
    private protected NetworkClassifier(string modelName) => _modelName = modelName;

    /// <inheritdoc />
    public IReadOnlyList<TLabel> Classes => (_encoder ?? throw NotFitted(nameof(Classes))).Classes;

    /// <inheritdoc />
    public int FeatureCount => Net(nameof(FeatureCount)).Inputs;

    /// <summary>The trained network (for saving and inspection).</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public Network Network => Net(nameof(Network));

    /// <summary>The training history: loss and accuracy per epoch.</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public TrainingHistory History => _history ?? throw NotFitted(nameof(History));

    /// <summary>The probability of every class for each row (columns in <see cref="Classes"/> order; rows sum to 1).</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values.</param>
    /// <exception cref="NotFittedException">Called before training.</exception>
    /// <exception cref="ArgumentException">A row has the wrong length or a value that is not finite.</exception>
    public double[][] PredictProbabilities(IReadOnlyList<double[]> x)
    {
        var network = Net(nameof(PredictProbabilities));
        var outputs = network.Predict(EstimatorData.Features(x, nameof(x), network.Inputs));
        return EstimatorData.Probabilities(outputs, _encoder!.Count);
    }

    /// <summary>The probability of every class for each image kept as bytes, scaled as in training; no float32 copy of the set.</summary>
    /// <remarks>Images are read a chunk of 1,024 at a time into one reused buffer (<see cref="Scaler.Transform(IdxImages, ReadOnlySpan{int}, Span{float})"/>,
    /// or pixel / 255 without a scaler), so memory stays at one chunk whatever the set's size. The values are those of
    /// <see cref="PredictProbabilities(IReadOnlyList{double[]})"/> on the scaled rows.</remarks>
    /// <param name="x">Images of <see cref="FeatureCount"/> pixels.</param>
    /// <param name="scaler">The scaler fitted on the training images, or null for pixel / 255.</param>
    /// <exception cref="NotFittedException">Called before training, or with an unfitted scaler.</exception>
    /// <exception cref="ArgumentException">The images have another pixel count than the model's features.</exception>
    public double[][] PredictProbabilities(IdxImages x, Scaler? scaler = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var network = Net(nameof(PredictProbabilities));
        if (x.PixelsPerImage != network.Inputs)
            throw Guard.Error(nameof(x), $"x has {x.PixelsPerImage} pixels per image but the model takes {network.Inputs} features.",
                $"pass images of {network.Inputs} pixels, like the training images.");
        const int chunk = 1024;
        int capacity = Math.Min(chunk, Math.Max(1, x.Count));
        var buffer = new float[capacity * x.PixelsPerImage];
        var indices = new int[capacity];
        var result = new double[x.Count][];
        int classes = _encoder!.Count, outputs = network.Outputs;
        for (int start = 0; start < x.Count; start += chunk)
        {
            int rows = Math.Min(chunk, x.Count - start);
            for (int i = 0; i < rows; i++)
                indices[i] = start + i;
            if (scaler is null)
                x.GatherRows(indices.AsSpan(0, rows), buffer);
            else
                scaler.Transform(x, indices.AsSpan(0, rows), buffer);
            var output = network.Forward(buffer, rows);
            for (int r = 0; r < rows; r++)
            {
                var row = output.AsSpan(r * outputs, outputs);
                result[start + r] = classes == 2 && outputs == 1 ? [1.0 - row[0], row[0]] : Array.ConvertAll(row.ToArray(), v => (double)v);
            }
        }
        return result;
    }

    /// <inheritdoc />
    public TLabel[] Predict(IReadOnlyList<double[]> x) =>
        PredictProbabilities(x).Select(p => _encoder!.Decode(EstimatorData.ArgMax(p))).ToArray();

    /// <inheritdoc />
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y)
    {
        var predicted = Predict(x);
        Guard.Labels(y, x.Count, nameof(y));
        return Metrics.Accuracy.Score(y, predicted);
    }

    void IClassifier<TLabel>.Train(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) => FitNetwork(x, y, null, default);

    /// <summary>Sets learned state without training (model files).</summary>
    internal void Restore(ClassEncoder<TLabel> encoder, Network network, TrainingHistory history)
    {
        _encoder = encoder;
        _network = network;
        _history = history;
    }

    /// <summary>Checks the data, builds a fresh network with the head the class count calls for, trains it and keeps the result.</summary>
    private protected TrainingHistory FitNetwork(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress, CancellationToken cancellationToken)
    {
        var features = EstimatorData.Features(x, nameof(x));
        Guard.Labels(y, x.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        var targets = EstimatorData.OneHot(encoder.Encode(y), encoder.Count);
        bool binary = encoder.Count == 2;
        var network = BuildNetwork(features.Columns, binary ? 1 : encoder.Count, binary ? Sigmoid.Instance : Softmax.Instance);
        Loss loss = binary ? BinaryCrossEntropy.Instance : CategoricalCrossEntropy.Instance;
        var history = Train(network, loss, features, targets, x, encoder.Encode(y), encoder.Count, progress, cancellationToken);
        Restore(encoder, network, history);
        return history;
    }

    /// <summary>Trains the fresh <paramref name="network"/>: by default the shared <see cref="Trainer"/> from
    /// <see cref="CreateTrainer"/> with <see cref="CreateOptimizer"/>; a model with its own solver overrides this.</summary>
    /// <param name="network">The network to train in place.</param>
    /// <param name="loss">The loss matching its head.</param>
    /// <param name="features">The checked rows as float32.</param>
    /// <param name="targets">The targets (one column for two classes, one-hot otherwise).</param>
    /// <param name="x">The same rows in double precision, as given.</param>
    /// <param name="labels">The class index of each row.</param>
    /// <param name="classes">The class count.</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops training early.</param>
    private protected virtual TrainingHistory Train(Network network, Loss loss, Matrix features, Matrix targets,
        IReadOnlyList<double[]> x, int[] labels, int classes, IProgress<EpochRecord>? progress, CancellationToken cancellationToken) =>
        CreateTrainer().Fit(network, loss, CreateOptimizer(), features, targets, progress: progress, cancellationToken: cancellationToken);

    /// <summary>As <see cref="FitNetwork(IReadOnlyList{double[]}, IReadOnlyList{TLabel}, IProgress{EpochRecord}?, CancellationToken)"/>, on
    /// images kept as bytes and scaled batch by batch.</summary>
    private protected TrainingHistory FitNetwork(IdxImages x, Scaler? scaler, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count == 0)
            throw Guard.Error(nameof(x), "x is empty (received 0 images).", "pass at least one training image.");
        Guard.Labels(y, x.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        var targets = EstimatorData.OneHot(encoder.Encode(y), encoder.Count);
        bool binary = encoder.Count == 2;
        var network = BuildNetwork(x.PixelsPerImage, binary ? 1 : encoder.Count, binary ? Sigmoid.Instance : Softmax.Instance);
        Loss loss = binary ? BinaryCrossEntropy.Instance : CategoricalCrossEntropy.Instance;
        var optimizer = CreateOptimizer();
        var history = CreateTrainer().Fit(network, loss, optimizer, x, scaler, targets, progress, cancellationToken);
        Restore(encoder, network, history);
        return history;
    }

    /// <summary>A fresh, untrained network from <paramref name="inputs"/> features to <paramref name="outputs"/> units with the given output activation.</summary>
    private protected abstract Network BuildNetwork(int inputs, int outputs, Activation output);

    /// <summary>A fresh optimizer from the options.</summary>
    private protected abstract Optimizer CreateOptimizer();

    /// <summary>The trainer that runs the epochs, from the options.</summary>
    private protected abstract Trainer CreateTrainer();

    /// <summary>The network, or a not-fitted error naming <paramref name="member"/>.</summary>
    private protected Network Net(string member) => _network ?? throw NotFitted(member);

    private NotFittedException NotFitted(string member) => new(_modelName, member);

    /// <summary>A summary: the network (layers, activations, parameters), the classes and how training ended; or that it is not fitted.</summary>
    /// <remarks>What a learner wants to see when printing a model: its shape and what it learnt, not a type name.</remarks>
    public override string ToString() => _network is null || _encoder is null
        ? $"{_modelName} (not fitted: call Fit(x, y))"
        : $"{_modelName} {_network.Shape}: {string.Join(", ", _network.Layers)}; {_network.ParameterCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} parameters; "
          + $"classes {HistoryFormat.List(_encoder.Classes, c => c.ToString() ?? "")}" + (_history is null ? "" : $"; {HistoryFormat.Ending(_history)}");
}
