using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;
using Rosenblatt.Initializers;
using Rosenblatt.Layers;
using Rosenblatt.Losses;
using Rosenblatt.Numerics;
using Rosenblatt.Networks;
using Rosenblatt.Optimizers;
using Rosenblatt.Preprocessing;
using Rosenblatt.Data;
using Rosenblatt.Training;

namespace Rosenblatt.Linear;

/// <summary>Logistic regression: the perceptron's line with a sigmoid instead of a step, trained by gradient descent on cross-entropy.</summary>
/// <remarks>
/// <para>Same decision boundary shape as the perceptron (a hyperplane), but the output
/// <c>σ(w·x + b)</c> is a probability, the loss is smooth and convex, and gradient descent converges
/// whether or not the data is separable. Its gradient, <c>(σ(w·x + b) − y)·x</c>, looks like the
/// perceptron rule with the hard 0/1 guess replaced by a probability: every sample pulls a little,
/// weighted by how wrong it is, so one far-away mislabelled point moves the boundary more than it moves a
/// perceptron that has already converged.</para>
/// <para>Two classes: one sigmoid unit with binary cross-entropy. More: softmax over one unit per class with
/// categorical cross-entropy (multinomial). It is a one-layer <see cref="Network"/> trained by the shared
/// <see cref="Trainer"/>, starting from zero weights (the loss is convex, so no symmetry needs breaking).</para>
/// </remarks>
/// <typeparam name="TLabel">The label type.</typeparam>
public class LogisticRegression<TLabel> : NetworkClassifier<TLabel> where TLabel : notnull
{
    /// <summary>Creates an untrained model; the options are validated now.</summary>
    /// <param name="options">Hyperparameters; defaults when null.</param>
    public LogisticRegression(LogisticRegressionOptions? options = null)
        : base("LogisticRegression")
    {
        Options = options ?? new LogisticRegressionOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters.</summary>
    public LogisticRegressionOptions Options { get; }

    /// <summary>Whether training converged: for L-BFGS, the largest gradient component reached <see cref="LogisticRegressionOptions.GradientTolerance"/>
    /// (or double precision allowed no further decrease); for gradient descent, the loss stopped improving (rather than running out of epochs).</summary>
    public bool Converged => History.StoppedEarly;

    /// <summary>The number of epochs run.</summary>
    public int EpochsRun => History.Epochs.Count == 0 ? 0 : History.Last.Epoch;

    /// <summary>The weights of a binary model, one per feature.</summary>
    /// <exception cref="InvalidOperationException">More than two classes: use <see cref="Coefficients"/>.</exception>
    public IReadOnlyList<double> Weights => Binary(nameof(Weights)).Coefficients[0];

    /// <summary>The bias of a binary model.</summary>
    public double Bias => Binary(nameof(Bias)).Intercepts[0];

    /// <summary>The weights per output unit: one row for binary models, one per class for multinomial ones.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Coefficients
    {
        get
        {
            var dense = Net(nameof(Coefficients)).Layers[0];
            var w = dense.Weights;
            return Enumerable.Range(0, dense.Units)
                .Select(u => (IReadOnlyList<double>)Enumerable.Range(0, dense.Inputs).Select(i => (double)w[i, u]).ToArray())
                .ToArray();
        }
    }

    /// <summary>The bias per output unit.</summary>
    public IReadOnlyList<double> Intercepts => Net(nameof(Intercepts)).Layers[0].Bias.Select(b => (double)b).ToArray();

    /// <summary>Trains on rows <paramref name="x"/> with labels <paramref name="y"/>, starting from zero weights.</summary>
    /// <param name="x">One row of finite features per sample.</param>
    /// <param name="y">One label per row; at least two classes.</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops after the current batch.</param>
    /// <returns>The training history.</returns>
    /// <exception cref="ArgumentException">Bad data (see the shared checks).</exception>
    /// <exception cref="TrainingDivergedException">The learning rate is too large for the data.</exception>
    public TrainingHistory Fit(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default) =>
        FitNetwork(x, y, progress, cancellationToken);

    /// <summary>Trains by gradient descent on greyscale images kept as bytes, scaled batch by batch: the same weights, bit for bit, as
    /// <see cref="Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel}, IProgress{EpochRecord}?, CancellationToken)"/> on the scaled rows,
    /// without a float or double copy of the set.</summary>
    /// <remarks>
    /// <para>The shared <see cref="Trainer"/> reads each batch's images through the scaler's per-pixel table, as
    /// <see cref="MlpClassifier{TLabel}.Fit(IdxImages, Scaler?, IReadOnlyList{TLabel}, IProgress{EpochRecord}?, CancellationToken)"/> does.
    /// MNIST's 60,000 training images are 47 MB as bytes; the rows overload holds them as doubles (376 MB), scaled (another
    /// 376 MB) and as float32 (188 MB).</para>
    /// <para>Gradient descent only (<see cref="LogisticRegressionOptions.EffectiveSolver"/>): L-BFGS evaluates the objective in
    /// double precision over every row at every iteration, which is the double copy this overload avoids. <see cref="GradientNorm"/>
    /// is NaN after this overload: measuring it would take another full pass in double precision.</para>
    /// </remarks>
    /// <param name="x">The training images.</param>
    /// <param name="scaler">A scaler fitted on them (<see cref="Scaler.Fit(IdxImages)"/>), or null for pixel / 255.</param>
    /// <param name="y">One label per image; at least two classes.</param>
    /// <param name="progress">Receives each epoch's figures.</param>
    /// <param name="cancellationToken">Stops after the current batch.</param>
    /// <returns>The training history.</returns>
    /// <exception cref="ArgumentException">No images, a label count that differs from the image count, one class only, or options
    /// that select L-BFGS.</exception>
    /// <exception cref="TrainingDivergedException">The learning rate is too large for the data.</exception>
    public TrainingHistory Fit(IdxImages x, Scaler? scaler, IReadOnlyList<TLabel> y,
        IProgress<EpochRecord>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Options.EffectiveSolver != LogisticRegressionSolver.GradientDescent)
            throw Guard.Error(nameof(Options),
                $"the image Fit trains by gradient descent, but these options select L-BFGS (Solver {Options.Solver}, BatchSize {Options.BatchSize}, Optimizer '{Options.Optimizer}').",
                "set Solver = LogisticRegressionSolver.GradientDescent (or a mini-batch BatchSize), or pass the rows as double[] for L-BFGS.");
        GradientNorm = double.NaN;
        return FitNetwork(x, scaler, y, progress, cancellationToken);
    }

    /// <summary>The raw score <c>w·x + b</c> of a binary model for each row (the log-odds of the positive class).</summary>
    /// <param name="x">Rows with <see cref="NetworkClassifier{TLabel}.FeatureCount"/> values.</param>
    public double[] DecisionFunction(IReadOnlyList<double[]> x)
    {
        var model = Binary(nameof(DecisionFunction));
        var w = model.Weights;
        double b = model.Bias;
        Guard.Features(x, nameof(x), w.Count);
        return x.Select(row => row.Select((v, i) => v * w[i]).Sum() + b).ToArray();
    }

    /// <summary>The largest absolute component of the objective's gradient (mean cross-entropy plus (λ/2)·‖w‖²) at the
    /// weights as stored, or NaN before training; at most <see cref="LogisticRegressionOptions.GradientTolerance"/> when
    /// L-BFGS converged (up to the rounding of the weights to float32).</summary>
    /// <remarks>Recomputed in double precision from the training data by the last <c>Fit</c>, so it proves where training ended
    /// whichever solver ran.</remarks>
    public double GradientNorm { get; private set; } = double.NaN;

    /// <summary>Runs L-BFGS when <see cref="LogisticRegressionOptions.EffectiveSolver"/> says so, the shared trainer otherwise;
    /// then measures <see cref="GradientNorm"/> at the stored weights.</summary>
    private protected override TrainingHistory Train(Network network, Loss loss, Matrix features, Matrix targets,
        IReadOnlyList<double[]> x, int[] labels, int classes, IProgress<EpochRecord>? progress, CancellationToken cancellationToken)
    {
        var objective = new LogisticObjective(x, labels, classes, Options.L2);
        var history = Options.EffectiveSolver == LogisticRegressionSolver.Lbfgs
            ? LbfgsFit(network.Layers[0], objective, progress, cancellationToken)
            : base.Train(network, loss, features, targets, x, labels, classes, progress, cancellationToken);
        var w = Parameters(network.Layers[0]);
        GradientNorm = Lbfgs.MaxAbs(Gradient(objective, w));
        return history;
    }

    /// <summary>The (s, y) pairs L-BFGS keeps. SciPy's default is 10; on the raw digits 30 reached the default tolerance in
    /// 4,675 iterations instead of 7,769 (inside the default cap of 5,000), at the cost of a little arithmetic on 30 short vectors.</summary>
    private const int LbfgsMemory = 30;

    private TrainingHistory LbfgsFit(Dense layer, LogisticObjective objective, IProgress<EpochRecord>? progress, CancellationToken cancellationToken)
    {
        var history = new TrainingHistory(Math.Min(Options.MaxEpochs, 1000));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var w = new double[objective.Dimension];
        void Record(int epoch, double step)
        {
            var record = new EpochRecord(epoch, Options.MaxEpochs, objective.LastLoss, objective.LastAccuracy, null, null, step, clock.Elapsed);
            history.Add(record);
            progress?.Report(record);
        }
        var (outcome, _) = Lbfgs.Minimize(objective.Evaluate, w, Options.MaxEpochs, Options.GradientTolerance, memory: LbfgsMemory,
            (k, f, step, gMax) =>
            {
                Record(Math.Max(k, 1), step);
                return !cancellationToken.IsCancellationRequested;
            });
        if (history.Count == 0)
            Record(1, 0);   // the line search failed on the first iteration: the start is the answer
        history.BestEpoch = history.Last.Epoch;
        history.StoppedEarly = outcome is LbfgsOutcome.Converged or LbfgsOutcome.LineSearchFailed;
        history.Cancelled = outcome == LbfgsOutcome.Stopped;
        SetLayer(layer, w, objective.Units);
        return history;
    }

    /// <summary>The layer's weights in the objective's layout (unit by unit: weights, then bias), widened to double.</summary>
    private static double[] Parameters(Dense layer)
    {
        int d = layer.Inputs, units = layer.Units;
        var weights = layer.Weights;
        var w = new double[(d + 1) * units];
        for (int u = 0; u < units; u++)
        {
            for (int i = 0; i < d; i++)
                w[u * (d + 1) + i] = weights[i, u];
            w[u * (d + 1) + d] = layer.Bias[u];
        }
        return w;
    }

    private static void SetLayer(Dense layer, double[] w, int units)
    {
        int d = layer.Inputs;
        var weights = new float[d * units];
        var bias = new float[units];
        for (int u = 0; u < units; u++)
        {
            for (int i = 0; i < d; i++)
                weights[i * units + u] = (float)w[u * (d + 1) + i];
            bias[u] = (float)w[u * (d + 1) + d];
        }
        layer.SetWeights(weights, bias);
    }

    private static double[] Gradient(LogisticObjective objective, double[] w)
    {
        var g = new double[w.Length];
        objective.Evaluate(w, g);
        return g;
    }

    /// <summary>One output unit, zero-initialized: the loss is convex, so no symmetry needs breaking.</summary>
    private protected override Network BuildNetwork(int inputs, int outputs, Activation output) =>
        new(inputs, [new Dense(outputs, output, new ZerosInitializer())], Options.Seed);

    private protected override Optimizer CreateOptimizer() =>
        OptimizerRegistry.Create(Options.Optimizer, Options.LearningRate, 0, Options.L2);

    private protected override Trainer CreateTrainer() => new(new TrainerOptions
    {
        Epochs = Options.MaxEpochs,
        BatchSize = Options.BatchSize,
        Shuffle = Options.Shuffle && Options.BatchSize != TrainerOptions.FullBatch,
        Seed = Options.Seed,
        EarlyStoppingPatience = Options.Patience,
        MinDelta = Options.Tolerance,
        RestoreBestWeights = false,
    });

    private LogisticRegression<TLabel> Binary(string member)
    {
        if (Net(member).Outputs != 1)
            throw new InvalidOperationException(
                $"LogisticRegression.{member} exists only for two classes, but this model has {Classes.Count}. help: use Coefficients and Intercepts (one row per class).");
        return this;
    }
}
