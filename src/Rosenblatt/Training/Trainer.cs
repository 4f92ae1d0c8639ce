using System.Diagnostics;
using System.Runtime.CompilerServices;
using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Metrics;
using Rosenblatt.Losses;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Optimizers;
using Rosenblatt.Preprocessing;
using Rosenblatt.Randomness;

namespace Rosenblatt.Training;

/// <summary>The one training loop: epochs, mini-batches, seeded shuffling, validation, early stopping, divergence stopping.</summary>
/// <remarks>
/// <para>Every gradient-trained model (logistic regression, networks) trains here, so the loop's
/// guarantees hold for all of them: the same seed gives bit-identical weights (shuffles come from a
/// seeded source and the kernels have a fixed summation order whatever the thread count); a NaN or
/// infinite loss stops the run with advice (<see cref="TrainingDivergedException"/>); cancellation
/// stops after the current batch and keeps the best weights so far.</para>
/// <para>Each step: gather a batch (rows copied into a reused buffer, the data set itself is never
/// copied), forward, loss and backward, optimizer step. Nothing is allocated per batch. Where it applies
/// (SGD or Adam, a hidden first layer, mini-batches, enough work) the step is split by the first layer's
/// units instead (<see cref="SplitStep{TRows}"/>), with the same bits; its parts run on the worker threads
/// or on the calling thread, whichever its first steps timed faster (<see cref="SplitStepChoice"/>).</para>
/// </remarks>
public sealed class Trainer
{
    /// <summary>Creates a trainer; the options are validated now.</summary>
    /// <param name="options">How to train; defaults when null.</param>
    public Trainer(TrainerOptions? options = null)
    {
        Options = options ?? new TrainerOptions();
        Options.Validate();
    }

    /// <summary>How this trainer runs.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Receives every batch's loss right after its update, on the training thread; null (the default) reports epochs only.</summary>
    /// <remarks><para>Per-epoch figures (<c>progress</c> in <c>Fit</c>) average over an epoch's batches; a curve per batch shows the
    /// noise of mini-batch descent and where a run blows up. Each report allocates one small record, so leave it null when
    /// timing.</para>
    /// <para>When it is null and the <c>progress</c> given to <c>Fit</c> also implements <see cref="IProgress{T}"/> of
    /// <see cref="BatchRecord"/>, that object receives the batches: an estimator builds its trainer itself (<c>MlpClassifier.Fit</c>),
    /// so its <c>progress</c> argument is the one way in for a caller that shows progress within a long epoch.</para></remarks>
    public IProgress<BatchRecord>? BatchProgress { get; init; }

    /// <summary>The threads the last <c>Fit</c>'s steps were split over with the first layer's units divided between them
    /// (<see cref="SplitStep{TRows}"/>), or 0 when it used the plain step: for tests and benchmarks to know which ran. Even
    /// when split, a batch too small to split (an epoch's short last batch) takes the plain step.</summary>
    internal int SplitParts { get; private set; }

    /// <summary>Trains <paramref name="network"/> on rows <paramref name="x"/> with targets <paramref name="y"/>.</summary>
    /// <param name="network">The network; its weights change in place.</param>
    /// <param name="loss">The loss, compatible with the network's output layer.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="x">Rows × <see cref="Network.Inputs"/>.</param>
    /// <param name="y">Rows × <see cref="Network.Outputs"/> targets (one-hot for classes).</param>
    /// <param name="validation">Optional held-out rows and targets; overrides <see cref="TrainerOptions.ValidationSplit"/>.</param>
    /// <param name="progress">Receives each epoch's figures as soon as the epoch ends.</param>
    /// <param name="cancellationToken">Stops training after the current batch.</param>
    /// <returns>The history of the run.</returns>
    /// <exception cref="ArgumentException">Shapes that do not fit, non-finite values, or a loss that does not fit the output layer.</exception>
    /// <exception cref="InvalidOperationException">A hidden layer's activation cannot be trained by gradient descent (step),
    /// or the network is already training in another <c>Fit</c> call ("this network is already training").</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(
        Network network, Loss loss, Optimizer optimizer, Matrix x, Matrix y,
        (Matrix X, Matrix Y)? validation = null, IProgress<EpochRecord>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        CheckData(network, x, y, "x", "y");
        CheckTrainable(network, loss);
        if (validation is not null)
            CheckData(network, validation.Value.X, validation.Value.Y, "validation.X", "validation.Y");
        network.BeginTraining();
        try
        {
            return FitCore(network, loss, optimizer, new MatrixRows(x), y, validation, progress, cancellationToken);
        }
        finally
        {
            network.EndTraining();
        }
    }

    /// <summary>Trains <paramref name="network"/> on greyscale images kept as bytes, scaled to [0, 1] batch by batch.</summary>
    /// <remarks>The same loop as <see cref="Fit(Network, Loss, Optimizer, Matrix, Matrix, ValueTuple{Matrix, Matrix}?, IProgress{EpochRecord}?, CancellationToken)"/>
    /// with the same results as training on <see cref="IdxImages.ToMatrix()"/>, bit for bit, but the set stays at one byte per
    /// pixel: MNIST's training images take 47 MB instead of 188 MB, and only one batch at a time is float32.
    /// <see cref="TrainerOptions.ValidationSplit"/> holds out images as usual.</remarks>
    /// <param name="network">The network; its weights change in place. Its input count must be the pixels per image.</param>
    /// <param name="loss">The loss, compatible with the network's output layer.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="x">The images, one row of <see cref="IdxImages.PixelsPerImage"/> values each.</param>
    /// <param name="y">Images × <see cref="Network.Outputs"/> targets (one-hot for classes).</param>
    /// <param name="progress">Receives each epoch's figures as soon as the epoch ends.</param>
    /// <param name="cancellationToken">Stops training after the current batch.</param>
    /// <returns>The history of the run.</returns>
    /// <exception cref="ArgumentException">Shapes that do not fit, non-finite targets, or a loss that does not fit the output layer.</exception>
    /// <exception cref="InvalidOperationException">A hidden layer's activation cannot be trained by gradient descent (step).</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(
        Network network, Loss loss, Optimizer optimizer, IdxImages x, Matrix y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default) =>
        Fit(network, loss, optimizer, x, null, y, progress, cancellationToken);

    /// <summary>Trains <paramref name="network"/> on greyscale images kept as bytes, each pixel scaled by a fitted scaler as each
    /// batch is gathered.</summary>
    /// <remarks>The same results, bit for bit, as training on <c>scaler.Transform(x.ToMatrix())</c>, without the float32 copy of
    /// the set: a pixel's 256 possible scaled values are tabled once (<see cref="Scaler.Transform(IdxImages, ReadOnlySpan{int}, Span{float})"/>).
    /// With a null scaler the pixels are divided by 255, as in the overload without one.</remarks>
    /// <param name="network">The network; its weights change in place. Its input count must be the pixels per image.</param>
    /// <param name="loss">The loss, compatible with the network's output layer.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="x">The images, one row of <see cref="IdxImages.PixelsPerImage"/> values each.</param>
    /// <param name="scaler">A scaler fitted on the training images (<see cref="Scaler.Fit(IdxImages)"/>), or null for pixel / 255.</param>
    /// <param name="y">Images × <see cref="Network.Outputs"/> targets (one-hot for classes).</param>
    /// <param name="progress">Receives each epoch's figures as soon as the epoch ends.</param>
    /// <param name="cancellationToken">Stops training after the current batch.</param>
    /// <returns>The history of the run.</returns>
    /// <exception cref="ArgumentException">Shapes that do not fit, non-finite targets, or a loss that does not fit the output layer.</exception>
    /// <exception cref="NotFittedException">The scaler is not fitted.</exception>
    /// <exception cref="InvalidOperationException">A hidden layer's activation cannot be trained by gradient descent (step).</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or infinite.</exception>
    public TrainingHistory Fit(
        Network network, Loss loss, Optimizer optimizer, IdxImages x, Scaler? scaler, Matrix y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count == 0)
            throw Guard.Error(nameof(x), "x is empty (received 0 images).", "pass at least one training image.");
        if (x.PixelsPerImage != network.Inputs)
            throw Guard.Error(nameof(x), $"x has {x.Rows}×{x.Columns} = {x.PixelsPerImage} pixels per image but the network expects {network.Inputs} inputs.",
                $"build the network with {x.PixelsPerImage} inputs, one per pixel.");
        CheckTargets(network, x.Count, y, "x", "y");
        CheckTrainable(network, loss);
        network.BeginTraining();
        try
        {
            return FitCore(network, loss, optimizer, new ImageRows(x, scaler), y, null, progress, cancellationToken);
        }
        finally
        {
            network.EndTraining();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private TrainingHistory FitCore<TRows>(
        Network network, Loss loss, Optimizer optimizer, TRows x, Matrix y,
        (Matrix X, Matrix Y)? validation, IProgress<EpochRecord>? progress, CancellationToken cancellationToken)
        where TRows : struct, IRowSource
    {
        var random = new SeededRandom(Options.Seed);
        int[] trainRows = Enumerable.Range(0, x.Rows).ToArray();
        Matrix? valX = validation?.X, valY = validation?.Y;
        int[]? valRows = null;
        if (validation is null && Options.ValidationSplit > 0)
        {
            random.Shuffle(trainRows.AsSpan());
            int held = (int)Math.Round(x.Rows * Options.ValidationSplit);
            if (held < 1 || held >= x.Rows)
                throw Guard.Error(nameof(Options.ValidationSplit),
                    $"ValidationSplit {Options.ValidationSplit} of {x.Rows} rows leaves {held} for validation and {x.Rows - held} for training.",
                    "use more data or a split that leaves rows on both sides.");
            valRows = trainRows[^held..];
            trainRows = trainRows[..^held];
            Array.Sort(trainRows);
        }

        int n = trainRows.Length;
        int batchSize = Math.Min(Options.BatchSize, n);
        var batchX = new float[batchSize * network.Inputs];
        var batchY = new float[batchSize * network.Outputs];
        bool classifier = IsClassifier(network, loss);
        var history = new TrainingHistory(Options.Epochs);
        // With one batch per epoch the divergence check runs before the epoch's only update, so the weights
        // are still the epoch's starting ones: nothing to snapshot. And without shuffling that batch is the
        // same rows every epoch: gathered once.
        bool oneBatch = batchSize == n;
        bool gatherEveryBatch = !oneBatch || Options.Shuffle;
        var schedule = Options.Schedule;
        double initialRate = optimizer.LearningRate;
        double bestMonitored = double.PositiveInfinity;
        float[][]? best = null;
        int epochsWithoutImprovement = 0;
        var split = SplitStep<TRows>.TryCreate(network, loss, optimizer, x, y, batchX, batchY, batchSize, oneBatch, classifier);
        SplitParts = split?.Parts ?? 0;
        var clock = Stopwatch.StartNew();
        float[][]? startOfEpoch = null;
        var batchProgress = BatchProgress ?? progress as IProgress<BatchRecord>;
        int batchesPerEpoch = (n + batchSize - 1) / batchSize;

        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            if (schedule is not null)
                optimizer.LearningRate = schedule.RateFor(epoch - 1, initialRate);
            if (Options.Shuffle)
                random.Shuffle(trainRows.AsSpan());
            if (!oneBatch)
                startOfEpoch = network.SnapshotParameters(startOfEpoch);
            double lossSum = 0;
            long correct = 0;
            int seen = 0, batchIndex = 0;
            bool cancelled = false;
            for (int start = 0; start < n; start += batchSize)
            {
                int rows = Math.Min(batchSize, n - start);
                batchIndex++;
                if (split is not null && split.Handles(rows))
                {
                    int nextRows = Math.Min(batchSize, n - start - rows);
                    split.Run(trainRows, start, rows, split.Handles(nextRows) ? nextRows : 0);
                    if (split.Diverged)
                    {
                        network.RestoreParameters(startOfEpoch!);
                        throw new TrainingDivergedException(epoch, batchIndex, split.Loss, optimizer.LearningRate, history);
                    }
                    correct += split.Correct;
                    lossSum += split.Loss * rows;
                    seen += rows;
                    batchProgress?.Report(new BatchRecord(epoch, batchIndex, batchesPerEpoch, rows, split.Loss));
                    if (cancellationToken.IsCancellationRequested)
                    {
                        cancelled = true;
                        break;
                    }
                    continue;
                }
                if (gatherEveryBatch || epoch == 1)
                {
                    x.Gather(trainRows.AsSpan(start, rows), batchX);
                    new MatrixRows(y).Gather(trainRows.AsSpan(start, rows), batchY);
                }
                var output = network.Forward(batchX, rows);
                if (classifier)
                    correct += Accuracy.CountCorrect(output.AsSpan(0, rows * network.Outputs), batchY.AsSpan(0, rows * network.Outputs), network.Outputs);
                double batchLoss = network.Backward(loss, batchY, rows);
                if (!double.IsFinite(batchLoss) || !AllFinite(network.ParameterArray, firstParameter: 0))
                {
                    if (startOfEpoch is not null)
                        network.RestoreParameters(startOfEpoch);
                    throw new TrainingDivergedException(epoch, batchIndex, batchLoss, optimizer.LearningRate, history);
                }
                optimizer.Step(network.Parameters);
                lossSum += batchLoss * rows;
                seen += rows;
                batchProgress?.Report(new BatchRecord(epoch, batchIndex, batchesPerEpoch, rows, batchLoss));
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }
            }

            double? valLoss = null, valAccuracy = null;
            if (valX is not null)
                (valLoss, valAccuracy) = Evaluate(network, loss, new MatrixRows(valX), valY!, null, classifier);
            else if (valRows is not null)
                (valLoss, valAccuracy) = Evaluate(network, loss, x, y, valRows, classifier);

            double epochLoss = lossSum / seen;
            double? epochAccuracy = classifier ? (double)correct / seen : null;
            var elapsed = clock.Elapsed;
            history.Add(epoch, Options.Epochs, epochLoss, epochAccuracy, valLoss, valAccuracy, optimizer.LearningRate, elapsed);
            progress?.Report(new EpochRecord(epoch, Options.Epochs, epochLoss, epochAccuracy, valLoss, valAccuracy, optimizer.LearningRate, elapsed));

            double monitored = valLoss ?? epochLoss;
            schedule?.Observe(monitored);
            if (monitored < bestMonitored - Options.MinDelta)
            {
                bestMonitored = monitored;
                history.BestEpoch = epoch;
                epochsWithoutImprovement = 0;
                if (Options.EarlyStoppingPatience is not null || cancellationToken.CanBeCanceled)
                    best = network.SnapshotParameters(best);
            }
            else
            {
                epochsWithoutImprovement++;
            }

            if (cancelled || cancellationToken.IsCancellationRequested)
            {
                history.Cancelled = true;
                break;
            }
            if (Options.EarlyStoppingPatience is int patience && epochsWithoutImprovement >= patience)
            {
                history.StoppedEarly = epoch < Options.Epochs;
                break;
            }
        }

        if (Options.RestoreBestWeights && best is not null && history.BestEpoch != history.Last.Epoch)
        {
            network.RestoreParameters(best);
            history.RestoredBestWeights = true;
        }
        if (schedule is not null)
            optimizer.LearningRate = initialRate;
        return history;
    }

    /// <summary>The mean loss (and accuracy for classifiers) of <paramref name="network"/> on the given rows.</summary>
    internal static (double Loss, double? Accuracy) Evaluate(Network network, Loss loss, Matrix x, Matrix y, int[]? rowsToUse, bool classifier) =>
        Evaluate(network, loss, new MatrixRows(x), y, rowsToUse, classifier);

    private static (double Loss, double? Accuracy) Evaluate<TRows>(Network network, Loss loss, TRows x, Matrix y, int[]? rowsToUse, bool classifier)
        where TRows : struct, IRowSource
    {
        const int chunk = 1024;
        int total = rowsToUse?.Length ?? x.Rows;
        int capacity = Math.Min(chunk, Math.Max(1, total));
        var bx = new float[capacity * network.Inputs];
        var by = new float[capacity * network.Outputs];
        double lossSum = 0;
        long correct = 0;
        var all = rowsToUse ?? Enumerable.Range(0, x.Rows).ToArray();
        var last = network.Layers[^1];
        for (int start = 0; start < total; start += chunk)
        {
            int rows = Math.Min(chunk, total - start);
            x.Gather(all.AsSpan(start, rows), bx);
            new MatrixRows(y).Gather(all.AsSpan(start, rows), by);
            var output = network.Forward(bx, rows);
            int m = rows * network.Outputs;
            lossSum += loss.Compute(last.Z, output.AsSpan(0, m), by.AsSpan(0, m), network.Outputs) * rows;
            if (classifier)
                correct += Accuracy.CountCorrect(output.AsSpan(0, m), by.AsSpan(0, m), network.Outputs);
        }
        return (lossSum / total, classifier ? (double)correct / total : null);
    }

    /// <summary>Whether every gradient from parameter <paramref name="firstParameter"/> on is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool AllFinite(Parameter[] parameters, int firstParameter)
    {
        for (int i = firstParameter; i < parameters.Length; i++)
        {
            var gradient = parameters[i].Gradient;
            if (gradient.Length < 16)
            {
                // A tiny layer's few values: a plain loop costs less than the vector call.
                foreach (float g in gradient)
                {
                    if (!float.IsFinite(g))
                        return false;
                }
            }
            else if (!System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<float>(gradient))
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsClassifier(Network network, Loss loss) =>
        loss is BinaryCrossEntropy or CategoricalCrossEntropy || network.Layers[^1].Activation is Sigmoid or Softmax;

    private static void CheckTrainable(Network network, Loss loss)
    {
        foreach (var layer in network.Layers)
        {
            if (!layer.Activation.IsDifferentiable)
                throw new InvalidOperationException(
                    $"Layer {layer} uses the {layer.Activation.Name} activation, which has no gradient: its slope is 0 everywhere except at 0, " +
                    "so backpropagation cannot learn through it. help: use sigmoid (a smooth step) or relu; a single step neuron is trained with Perceptron instead.");
        }
        loss.CheckCompatible(network.Layers[^1].Activation, network.Outputs);
    }

    private static void CheckData(Network network, Matrix x, Matrix y, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(x, xName);
        ArgumentNullException.ThrowIfNull(y, yName);
        if (x.Rows == 0)
            throw Guard.Error(xName, $"{xName} is empty (received 0 rows).", "pass at least one training sample.");
        network.CheckInput(x);
        CheckTargets(network, x.Rows, y, xName, yName);
    }

    private static void CheckTargets(Network network, int rows, Matrix y, string xName, string yName)
    {
        ArgumentNullException.ThrowIfNull(y, yName);
        if (y.Rows != rows)
            throw Guard.Error(yName, $"{yName} has {y.Rows} rows but {xName} has {rows}.", "pass one target row per sample.");
        if (y.Columns != network.Outputs)
            throw Guard.Error(yName,
                $"{yName} has {y.Columns} columns but the output layer has {network.Outputs} units.",
                network.Outputs == 1
                    ? "one sigmoid unit takes one 0/1 target per row; for several classes give the last layer one softmax unit per class."
                    : "give each row one target per output unit (one-hot encode class labels).");
        foreach (float v in y.AsSpan())
        {
            if (!float.IsFinite(v))
                throw Guard.Error(yName, $"{yName} contains {v}.", "targets must be finite.");
        }
    }
}
