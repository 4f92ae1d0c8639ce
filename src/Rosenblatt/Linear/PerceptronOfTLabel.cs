using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using System.Numerics.Tensors;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;
using Rosenblatt.Randomness;

namespace Rosenblatt.Linear;

/// <summary>Rosenblatt's perceptron: a step neuron <c>f(x) = h(w·x + b)</c> that learns from its mistakes.</summary>
/// <remarks>
/// <para>The learning rule, online, one sample at a time: <c>error = target − prediction</c>;
/// <c>w += lr·error·x</c>; <c>b += lr·error</c>. A correct guess changes nothing. Training stops after
/// the first epoch with no mistakes. By the perceptron convergence theorem this happens after finitely
/// many updates whenever the data is linearly separable, and never when it is not (XOR).</para>
/// <para>Labels may be any two distinct values; the larger (in sorted order) is the positive class,
/// target 1. With more than two classes the model trains one unit per class, one-vs-rest, and predicts
/// the class whose unit gives the largest <c>w·x + b</c>.</para>
/// <para>After training, <see cref="Report"/> says why it stopped: each unit's data is checked with
/// <see cref="LinearSeparability"/> (exactly on small data; not at all when one search pass would exceed the fit's budget,
/// or when <see cref="PerceptronOptions.AnalyzeSeparability"/> is off), so a run that did not converge reports either
/// the proof that no hyperplane exists (advice: a hidden layer) or that the data is separable and the
/// convergence theorem's bound on updates (advice: more epochs). A converged run reports the bound too.</para>
/// <para>Options are fixed at construction; learned state (weights, history) is read-only and exists
/// only after <see cref="Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel})"/>: reading it earlier throws <see cref="NotFittedException"/>.</para>
/// </remarks>
/// <typeparam name="TLabel">The label type, e.g. int or string.</typeparam>
public class Perceptron<TLabel> : IClassifier<TLabel> where TLabel : notnull
{
    private Fitted? _fitted;

    /// <summary>Creates an untrained perceptron; the options are validated now, before any data is seen.</summary>
    /// <param name="options">Hyperparameters; seed 000's defaults when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Perceptron(PerceptronOptions? options = null)
    {
        Options = options ?? new PerceptronOptions();
        Options.Validate();
    }

    /// <summary>The hyperparameters this perceptron trains with.</summary>
    public PerceptronOptions Options { get; }

    /// <summary>Whether <see cref="Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel})"/> has run.</summary>
    public bool IsFitted => _fitted is not null;

    /// <inheritdoc />
    public IReadOnlyList<TLabel> Classes => State(nameof(Classes)).Encoder.Classes;

    /// <inheritdoc />
    public int FeatureCount => State(nameof(FeatureCount)).Features;

    /// <summary>The learned weights w of a binary perceptron, one per feature.</summary>
    /// <exception cref="NotFittedException">Read before <see cref="Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel})"/>.</exception>
    /// <exception cref="InvalidOperationException">The model has more than two classes: use <see cref="Coefficients"/>.</exception>
    public IReadOnlyList<double> Weights => BinaryUnit(nameof(Weights)).Weights;

    /// <summary>The learned bias b of a binary perceptron.</summary>
    /// <exception cref="NotFittedException">Read before <see cref="Fit(IReadOnlyList{double[]}, IReadOnlyList{TLabel})"/>.</exception>
    /// <exception cref="InvalidOperationException">The model has more than two classes: use <see cref="Intercepts"/>.</exception>
    public double Bias => BinaryUnit(nameof(Bias)).Bias;

    /// <summary>The weights of every unit: one row for a binary problem, one row per class for one-vs-rest.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Coefficients => State(nameof(Coefficients)).Units.Select(u => (IReadOnlyList<double>)u.Weights).ToArray();

    /// <summary>The bias of every unit, matching <see cref="Coefficients"/>.</summary>
    public IReadOnlyList<double> Intercepts => State(nameof(Intercepts)).Units.Select(u => u.Bias).ToArray();

    /// <summary>What happened during training: convergence, epochs, mistakes per epoch, updates, and a verdict in words.</summary>
    public PerceptronReport Report => State(nameof(Report)).Report;

    /// <summary>How many epochs' weights <see cref="PerceptronReport.WeightsAfterEachEpoch"/> keeps at most (the first 10,000), so a run of
    /// a million epochs does not hold a million weight vectors.</summary>
    public const int MaxPathEpochs = Training.TrainingHistory.MaxRecords;

    /// <summary>Whether training converged (an epoch with zero mistakes).</summary>
    public bool Converged => Report.Converged;

    /// <summary>The number of epochs run.</summary>
    public int EpochsRun => Report.EpochsRun;

    /// <summary>Mistakes in each epoch.</summary>
    public IReadOnlyList<int> MistakesPerEpoch => Report.MistakesPerEpoch;

    /// <summary>The total number of weight updates.</summary>
    public int Updates => Report.Updates;

    /// <summary>Every step of the rule, in order, when <see cref="PerceptronOptions.RecordSteps"/> is on.</summary>
    /// <exception cref="InvalidOperationException">Steps were not recorded.</exception>
    public IReadOnlyList<PerceptronStep> Steps
    {
        get
        {
            var state = State(nameof(Steps));
            return state.Steps ?? throw new InvalidOperationException(
                "The update log was not recorded. help: create the perceptron with new PerceptronOptions { RecordSteps = true }.");
        }
    }

    /// <summary>Trains on the rows of <paramref name="x"/> with labels <paramref name="y"/>, starting afresh.</summary>
    /// <param name="x">One row of finite feature values per sample, all rows the same length.</param>
    /// <param name="y">One label per row; at least two distinct labels.</param>
    /// <returns>The training report, also available afterwards as <see cref="Report"/>.</returns>
    /// <exception cref="ArgumentException">Empty or ragged data, NaN or infinite values, a label count that differs from the row count, or only one class.</exception>
    public PerceptronReport Fit(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y)
    {
        int features = Guard.Features(x, nameof(x));
        Guard.Labels(y, x.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        int[] classOf = encoder.Encode(y);
        int unitCount = encoder.Count == 2 ? 1 : encoder.Count;

        var random = new SeededRandom(Options.Seed);
        var units = new PerceptronUnit[unitCount];
        var targets = new int[unitCount][];
        for (int u = 0; u < unitCount; u++)
        {
            units[u] = new PerceptronUnit(features, Options, random);
            int positive = unitCount == 1 ? 1 : u;
            targets[u] = Array.ConvertAll(classOf, c => c == positive ? 1 : 0);
            if (Options.Variant == PerceptronVariant.Pocket)
                units[u].UpdatePocket(x, targets[u]);
        }

        var order = Enumerable.Range(0, x.Count).ToArray();
        var log = Options.RecordSteps ? new List<PerceptronStep>() : null;
        var mistakesPerEpoch = new List<int>();
        var unitMistakes = new int[unitCount];
        var path = new List<WeightSnapshot>();
        bool sampleMajor = unitCount > 1 && log is null;
        for (int epoch = 1; epoch <= Options.MaxEpochs; epoch++)
        {
            if (Options.Shuffle)
                random.Shuffle(order.AsSpan());
            int mistakes = 0;
            if (sampleMajor)
            {
                // One-vs-rest, sample-major: each row is read once per epoch and visited by every unit while in cache.
                // The units are independent and see the samples in the same order, so the numbers equal unit-major training.
                Array.Clear(unitMistakes);
                foreach (int i in order)
                {
                    for (int u = 0; u < unitCount; u++)
                    {
                        if (!units[u].Converged)
                            unitMistakes[u] += units[u].Visit(x, i, targets[u], Options.LearningRate, epoch, u, null);
                    }
                }
            }
            for (int u = 0; u < unitCount; u++)
            {
                if (units[u].Converged) continue;
                if (sampleMajor)
                {
                    mistakes += unitMistakes[u];
                    units[u].EndEpoch(unitMistakes[u]);
                }
                else
                {
                    mistakes += units[u].TrainEpoch(x, targets[u], order, Options.LearningRate, epoch, u, log);
                }
                if (Options.Variant == PerceptronVariant.Pocket)
                    units[u].UpdatePocket(x, targets[u]);
            }
            mistakesPerEpoch.Add(mistakes);
            if (unitCount == 1 && path.Count < MaxPathEpochs)
            {
                var (w, b) = units[0].CurrentWeights();
                path.Add(new WeightSnapshot(w, b));
            }
            if (units.All(unit => unit.Converged))
                break;
        }

        PocketCounts = units.Sum(unit => unit.Counts);
        var learned = units.Select(unit => unit.FinalWeights(Options.Variant)).ToArray();
        _fitted = new Fitted(encoder, features, learned, null!, log);
        double accuracy = Score(x, y);
        return Finish(x, classOf, accuracy, mistakesPerEpoch, path,
            units.Select(unit => unit.Converged).ToArray(), units.Select(unit => unit.Updates).ToArray(),
            units.Select(unit => unit.InitialNorm).ToArray(), u => units[u].CurrentWeights());
    }

    /// <summary>Trains on the float32 rows of <paramref name="x"/> with labels <paramref name="y"/>, starting afresh: the fast path for large data.</summary>
    /// <remarks>
    /// <para>The same online rule, epochs, shuffling and stopping as the <c>double[]</c> overload, but the weights and the
    /// arithmetic are float32 and all units score a row in one pass (<see cref="UnitDots.Scores"/>), then only the units
    /// that guessed wrong are updated. This streams half the bytes of double rows and does twice the multiply-adds per
    /// vector instruction; on MNIST one-vs-rest it is several times faster.</para>
    /// <para>Precision: float32 has a 24-bit significand (about 7 decimal digits) and the dot products are summed in a
    /// different order, so on general data scores may differ from the double path in the last bits and a sample whose score
    /// is within rounding of 0 may be classified differently. When the inputs, learning rate and every partial sum are
    /// exactly representable (logic gates, small integers, lr 1 or 0.5 with zero initial weights), the results are identical
    /// to the double path. The seeds' replays (whose printed numbers such as −2.78e−17 come from double rounding) use the
    /// double overload. The learned weights are stored widened to double.</para>
    /// <para>Supports the classic and Pocket variants, without the step log. Pocket keeps Gallant's semantics (the weights with
    /// the fewest training mistakes among those the run-length test and the epoch ends count, by float32 scores) and the
    /// double path's decisions on exactly representable data; its full-set counts are batched (see
    /// <see cref="PerceptronPocketsSingle"/>). <see cref="PerceptronOptions.AnalyzeSeparability"/> converts the rows to double
    /// for the analysis when the data is small enough to analyse (not MNIST), so turn it off to save that copy.</para>
    /// </remarks>
    /// <param name="x">One row of finite feature values per sample.</param>
    /// <param name="y">One label per row; at least two distinct labels.</param>
    /// <returns>The training report, also available afterwards as <see cref="Report"/>.</returns>
    /// <exception cref="ArgumentException">Empty data, a NaN or infinite value, a label count that differs from the row count,
    /// only one class, or options the float32 path does not support (Averaged, RecordSteps).</exception>
    public PerceptronReport Fit(Matrix x, IReadOnlyList<TLabel> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckFinite(x, nameof(x));
        int n = x.Columns;
        return FitSingle(x.Rows, n, (i, _) => x.AsSpan().Slice(i * n, n), y, nameof(x));
    }

    /// <summary>Trains on byte images (pixel / 255 as float32, the values of <see cref="IdxImages.ToMatrix()"/>) with labels <paramref name="y"/>.</summary>
    /// <remarks>Each image is converted to floats when it is visited, into one reused row buffer, so the set stays one byte per
    /// pixel in memory (MNIST: 47 MB instead of 188 MB as floats or 376 MB as doubles). The numbers are exactly those of
    /// <see cref="Fit(Matrix, IReadOnlyList{TLabel})"/> on <see cref="IdxImages.ToMatrix()"/>; see there for the precision.</remarks>
    /// <param name="images">The images; each is one row of <see cref="IdxImages.PixelsPerImage"/> features.</param>
    /// <param name="y">One label per image; at least two distinct labels.</param>
    /// <returns>The training report, also available afterwards as <see cref="Report"/>.</returns>
    /// <exception cref="ArgumentException">No images, a label count that differs from the image count, only one class,
    /// or options the float32 path does not support (Averaged, RecordSteps).</exception>
    public PerceptronReport Fit(IdxImages images, IReadOnlyList<TLabel> y) => Fit(images, null, y);

    /// <summary>Trains on byte images scaled by <paramref name="scaler"/> as they are visited: the numbers of
    /// <see cref="Fit(Matrix, IReadOnlyList{TLabel})"/> on <c>scaler.Transform(images.ToMatrix())</c>, bit for bit, without that copy.</summary>
    /// <remarks>The scaler becomes a table of 256 floats per pixel (<see cref="Scaler.Transform(IdxImages, ReadOnlySpan{int}, Span{float})"/>),
    /// so a visited image is one look-up per pixel into one reused row buffer and the set stays one byte per pixel in memory.
    /// This is how <c>rosenblatt train --model perceptron</c> trains on MNIST. See <see cref="Fit(Matrix, IReadOnlyList{TLabel})"/>
    /// for the precision and the variants supported.</remarks>
    /// <param name="images">The images; each is one row of <see cref="IdxImages.PixelsPerImage"/> features.</param>
    /// <param name="scaler">A scaler fitted on the training images (<see cref="Scaler.Fit(IdxImages)"/>), or null for pixel / 255.</param>
    /// <param name="y">One label per image; at least two distinct labels.</param>
    /// <returns>The training report, also available afterwards as <see cref="Report"/>.</returns>
    /// <exception cref="ArgumentException">No images, a scaler fitted on another pixel count, a label count that differs from the
    /// image count, only one class, or options the float32 path does not support (Averaged, RecordSteps).</exception>
    /// <exception cref="NotFittedException">The scaler is not fitted.</exception>
    public PerceptronReport Fit(IdxImages images, Scaler? scaler, IReadOnlyList<TLabel> y)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (scaler is null)
        {
            return FitSingle(images.Count, images.PixelsPerImage, (i, scratch) =>
            {
                TensorPrimitives.ConvertTruncating<byte, float>(images.Image(i), scratch);
                TensorPrimitives.Divide(scratch, 255f, scratch);
                return scratch;
            }, y, nameof(images));
        }
        var table = scaler.PixelTable(images.PixelsPerImage);
        return FitSingle(images.Count, images.PixelsPerImage, (i, scratch) =>
        {
            PixelKernels.Lookup(images.Image(i), table, scratch);
            return scratch;
        }, y, nameof(images));
    }

    private PerceptronReport FitSingle(int rows, int features, FloatRowReader read, IReadOnlyList<TLabel> y, string paramName)
    {
        if (rows == 0 || features == 0)
            throw Guard.Error(paramName, $"{paramName} has {rows} rows of {features} features.", "pass at least one sample with at least one feature.");
        if (Options.Variant == PerceptronVariant.Averaged || Options.RecordSteps)
            throw Guard.Error(nameof(Options),
                $"the float32 Fit supports the classic and Pocket variants without the step log (Variant {Options.Variant}, RecordSteps {Options.RecordSteps}).",
                "pass the rows as double[] (IReadOnlyList<double[]>) for the Averaged variant or RecordSteps.");
        Guard.Labels(y, rows, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        int[] classOf = encoder.Encode(y);
        int unitCount = encoder.Count == 2 ? 1 : encoder.Count;

        var random = new SeededRandom(Options.Seed);
        var units = new PerceptronUnitsSingle(unitCount, features, Options, random);
        var order = new int[rows];
        for (int i = 0; i < rows; i++) order[i] = i;
        var scratch = new float[features];
        var scores = new float[unitCount];
        var unitMistakes = new int[unitCount];
        var mistakesPerEpoch = new List<int>();
        var path = new List<WeightSnapshot>();
        float learningRate = (float)Options.LearningRate;
        var pockets = Options.Variant == PerceptronVariant.Pocket ? new PerceptronPocketsSingle(unitCount, features) : null;
        if (pockets is not null)
        {
            for (int u = 0; u < unitCount; u++)
                pockets.Queue(u, units.UnitWeights(u), units.UnitBias(u));
            pockets.Flush(read, classOf, unitCount == 1, scratch);
        }
        var wasConverged = new bool[unitCount];
        for (int epoch = 1; epoch <= Options.MaxEpochs; epoch++)
        {
            if (Options.Shuffle)
                random.Shuffle(order.AsSpan());
            units.Converged.CopyTo(wasConverged, 0);
            // Units converged before this epoch are skipped by TrainEpoch, so their count stays 0.
            units.TrainEpoch(read, classOf, order, learningRate, scratch, scores, unitMistakes, pockets);
            if (pockets is not null)
            {
                // The epoch-end count, for every unit that trained this epoch (as the double path's UpdatePocket).
                for (int u = 0; u < unitCount; u++)
                {
                    if (!wasConverged[u])
                        pockets.Queue(u, units.UnitWeights(u), units.UnitBias(u));
                }
                pockets.Flush(read, classOf, unitCount == 1, scratch);
            }
            mistakesPerEpoch.Add(unitMistakes.Sum());
            if (unitCount == 1 && path.Count < MaxPathEpochs)
            {
                var (w, b) = units.Weights(0);
                path.Add(new WeightSnapshot(w, b));
            }
            if (units.Converged.All(c => c))
                break;
        }

        PocketCounts = 0;
        var current = new (double[] Weights, double Bias)[unitCount];
        for (int u = 0; u < unitCount; u++)
            current[u] = units.Weights(u);
        if (pockets is not null)
        {
            PocketCounts = pockets.Counts;
            for (int u = 0; u < unitCount; u++)
            {
                var (w, b) = pockets.Pocket(u);
                units.SetUnit(u, w.Span, b);
            }
        }
        var learned = new (double[] Weights, double Bias)[unitCount];
        for (int u = 0; u < unitCount; u++)
            learned[u] = units.Weights(u);
        _fitted = new Fitted(encoder, features, learned, null!, null);
        double accuracy = (double)units.CountCorrect(read, classOf, scratch, scores) / rows;
        IReadOnlyList<double[]> analysed = new RowCount(rows);
        if (Options.AnalyzeSeparability && IsAffordable(rows, features))
        {
            var doubles = new double[rows][];
            for (int i = 0; i < rows; i++)
            {
                var row = read(i, scratch);
                doubles[i] = new double[features];
                for (int j = 0; j < features; j++) doubles[i][j] = row[j];
            }
            analysed = doubles;
        }
        return Finish(analysed, classOf, accuracy, mistakesPerEpoch, path, units.Converged, units.Updates, units.InitialNorms, u => current[u]);
    }

    /// <summary>How many weight vectors the last Pocket fit counted over the whole training set, all units together (for tests and benchmarks).</summary>
    internal int PocketCounts { get; private set; }

    /// <summary>Stands for rows too many to analyse: <see cref="Finish"/> reads only their count then, so no double copy is made.</summary>
    private sealed class RowCount(int count) : IReadOnlyList<double[]>
    {
        public int Count => count;
        public double[] this[int index] => throw new InvalidOperationException("unreachable: rows too many to analyse are only counted.");
        public IEnumerator<double[]> GetEnumerator() => throw new InvalidOperationException("unreachable: rows too many to analyse are only counted.");
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Whether <see cref="Finish"/> analyses data of this size (exact check, or one search pass within the budget).</summary>
    private static bool IsAffordable(int rows, int features) =>
        LinearSeparability.IsSmallEnoughForExactCheck(rows, features) || (long)rows * (features + 1) * 2 <= FitAnalysisBudget;

    /// <summary>Checks every value of <paramref name="x"/> is finite: one vectorized pass, and a scan only to name a bad value.</summary>
    private static void CheckFinite(Matrix x, string paramName)
    {
        var values = x.AsSpan();
        if (values.Length == 0 || float.IsFinite(TensorPrimitives.MaxMagnitude<float>(values)))
            return;
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
                throw Guard.Error(paramName, $"{paramName}[{i / x.Columns}, {i % x.Columns}] is {values[i].ToString(System.Globalization.CultureInfo.InvariantCulture)}.",
                    "remove or impute rows with NaN or infinite values before training.");
        }
    }

    /// <summary>Builds the report: separability per unit (when <see cref="PerceptronOptions.AnalyzeSeparability"/> is on), bound, verdict.</summary>
    private PerceptronReport Finish(
        IReadOnlyList<double[]> x, int[] classOf, double accuracy, List<int> mistakesPerEpoch, List<WeightSnapshot> path,
        bool[] convergedUnits, int[] updates, double[] initialNorms, Func<int, (double[] Weights, double Bias)> current)
    {
        var fitted = _fitted!;
        var encoder = fitted.Encoder;
        int unitCount = convergedUnits.Length;
        bool converged = convergedUnits.All(c => c);
        var separability = new SeparabilityResult[Options.AnalyzeSeparability ? unitCount : 0];
        // One pass of the maximum-margin search costs rows × (features + 1) × 2 multiply-adds; when that alone exceeds the
        // fit's budget (and the data is too large for the exact check) the search could only overrun it and decide nothing.
        bool affordable = IsAffordable(x.Count, fitted.Features);
        for (int u = 0; u < separability.Length; u++)
        {
            int positiveIndex = unitCount == 1 ? 1 : u;
            var positive = Array.ConvertAll(classOf, c => c == positiveIndex);
            string positiveName = Text(encoder.Decode(positiveIndex));
            string negativeName = unitCount == 1 ? Text(encoder.Decode(0)) : "rest";
            double[]? separator = null;
            if (convergedUnits[u])
            {
                var (w, b) = current(u);
                separator = [.. w, b];
            }
            var result = affordable
                ? LinearSeparability.Analyze(x, positive, positiveName, negativeName, separator, FitAnalysisBudget)
                : TooLargeToAnalyse(x.Count, fitted.Features, positiveName, negativeName);
            separability[u] = result.Bound is { } bound
                ? result with { Bound = bound.ForStart(initialNorms[u], Options.LearningRate) }
                : result;
        }
        int totalUpdates = updates.Sum();
        var report = new PerceptronReport
        {
            Converged = converged,
            EpochsRun = mistakesPerEpoch.Count,
            MistakesPerEpoch = mistakesPerEpoch,
            Updates = totalUpdates,
            TrainingAccuracy = accuracy,
            WeightsAfterEachEpoch = path,
            Separability = separability,
            UpdateBound = separability.Length > 0 && separability.All(r => r.Bound is not null) ? separability.Sum(r => r.Bound!.MaxUpdates) : null,
            Summary = PerceptronVerdict.Describe(converged, mistakesPerEpoch, totalUpdates, Options, separability),
        };
        _fitted = fitted with { Report = report };
        return report;
    }

    /// <summary>Sets learned state without training (model files): the units' weights in class-index order, and the saved report.</summary>
    internal void Restore(ClassEncoder<TLabel> encoder, int features, (double[] Weights, double Bias)[] units, PerceptronReport report) =>
        _fitted = new Fitted(encoder, features, units, report, null);

    void IClassifier<TLabel>.Train(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) => Fit(x, y);

    /// <summary>The raw score <c>w·x + b</c> of a binary perceptron for each row: positive or zero means the positive class.</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values each.</param>
    /// <exception cref="InvalidOperationException">More than two classes: use <see cref="DecisionScores(IReadOnlyList{double[]})"/>.</exception>
    public double[] DecisionFunction(IReadOnlyList<double[]> x)
    {
        BinaryUnit(nameof(DecisionFunction));
        return DecisionScores(x).Select(row => row[0]).ToArray();
    }

    /// <summary>The raw score <c>w·x + b</c> of every unit for each row (one column for binary problems, one per class for one-vs-rest).</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values each.</param>
    public double[][] DecisionScores(IReadOnlyList<double[]> x)
    {
        var state = State(nameof(DecisionScores));
        Guard.Features(x, nameof(x), state.Features);
        var scores = new double[x.Count][];
        for (int i = 0; i < x.Count; i++)
        {
            scores[i] = new double[state.Units.Length];
            for (int u = 0; u < state.Units.Length; u++)
                scores[i][u] = Score(state.Units[u], x[i]);
        }
        return scores;
    }

    /// <summary>The raw score <c>w·x + b</c> of every unit for each image kept as bytes, scaled as in training: the values of
    /// <see cref="DecisionScores(IReadOnlyList{double[]})"/> on the scaled double rows of <see cref="IdxImages.ToMatrix()"/>, bit for bit,
    /// without those rows.</summary>
    /// <remarks>Each image is scaled through a table of 256 doubles per pixel into one reused row (MNIST's 60,000 training images
    /// as double rows are 376 MB), then scored in double precision like the rows overload.</remarks>
    /// <param name="x">Images of <see cref="FeatureCount"/> pixels.</param>
    /// <param name="scaler">The scaler fitted on the training images, or null for pixel / 255.</param>
    /// <returns>One row per image: one score for a binary perceptron, one per class for one-vs-rest.</returns>
    /// <exception cref="NotFittedException">Called before training, or with an unfitted scaler.</exception>
    /// <exception cref="ArgumentException">The images have another pixel count than the model's features.</exception>
    public double[][] DecisionScores(IdxImages x, Scaler? scaler = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        var state = State(nameof(DecisionScores));
        int n = x.PixelsPerImage;
        if (n != state.Features)
            throw Guard.Error(nameof(x), $"x has {n} pixels per image but the model was trained on {state.Features} features.",
                $"pass images of {state.Features} pixels, like the training images.");
        double[] table = scaler?.PixelTableDouble(n) ?? Scaler.PixelValues();
        int stride = scaler is null ? 0 : 256;
        var row = new double[n];
        var scores = new double[x.Count][];
        for (int i = 0; i < x.Count; i++)
        {
            var pixels = x.Image(i);
            for (int j = 0; j < n; j++)
                row[j] = table[j * stride + pixels[j]];
            scores[i] = new double[state.Units.Length];
            for (int u = 0; u < state.Units.Length; u++)
                scores[i][u] = Score(state.Units[u], row);
        }
        return scores;
    }

    /// <summary>The predicted label of one row.</summary>
    /// <param name="row">The row's <see cref="FeatureCount"/> feature values.</param>
    public TLabel Predict(double[] row) => Predict([row])[0];

    /// <inheritdoc />
    public TLabel[] Predict(IReadOnlyList<double[]> x)
    {
        var state = State(nameof(Predict));
        var scores = DecisionScores(x);
        var result = new TLabel[x.Count];
        for (int i = 0; i < x.Count; i++)
        {
            int cls;
            if (state.Units.Length == 1)
            {
                cls = PerceptronUnit.Step(scores[i][0]);
            }
            else
            {
                cls = 0;
                for (int u = 1; u < scores[i].Length; u++)
                {
                    if (scores[i][u] > scores[i][cls]) cls = u;
                }
            }
            result[i] = state.Encoder.Decode(cls);
        }
        return result;
    }

    /// <summary>The predicted label of each float32 row of <paramref name="x"/>, scored in float32 with <see cref="UnitDots.Scores"/>.</summary>
    /// <remarks>The learned weights are rounded to float32 for this, so a row whose scores are within float32 rounding of a tie
    /// (or of 0 for a binary model) may get a different label than the <c>double[]</c> overload gives; on exactly representable data
    /// the labels are the same.</remarks>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values each.</param>
    /// <exception cref="ArgumentException">The column count differs from <see cref="FeatureCount"/>, or a value is NaN or infinite.</exception>
    public TLabel[] Predict(Matrix x)
    {
        var state = State(nameof(Predict));
        ArgumentNullException.ThrowIfNull(x);
        if (x.Columns != state.Features)
            throw Guard.Error(nameof(x), $"x has {x.Columns} columns but the model was trained on {state.Features} features.",
                $"pass rows of {state.Features} values, prepared as the training data was.");
        CheckFinite(x, nameof(x));
        int units = state.Units.Length, n = state.Features;
        var weights = new float[units * n];
        var bias = new float[units];
        for (int u = 0; u < units; u++)
        {
            for (int j = 0; j < n; j++)
                weights[u * n + j] = (float)state.Units[u].Weights[j];
            bias[u] = (float)state.Units[u].Bias;
        }
        var scores = new float[units];
        var result = new TLabel[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            UnitDots.Scores(x.Row(i), weights, bias, scores);
            int cls = units == 1 ? PerceptronUnit.Step(scores[0]) : TensorPrimitives.IndexOfMax<float>(scores);
            result[i] = state.Encoder.Decode(cls);
        }
        return result;
    }

    /// <summary>The fraction of float32 rows whose <see cref="Predict(Matrix)"/> label equals <paramref name="y"/>.</summary>
    /// <param name="x">Rows with <see cref="FeatureCount"/> values each.</param>
    /// <param name="y">One label per row.</param>
    /// <exception cref="ArgumentException">A shape or label count mismatch, or a NaN or infinite value.</exception>
    public double Score(Matrix x, IReadOnlyList<TLabel> y)
    {
        var predicted = Predict(x);
        Guard.Labels(y, x.Rows, nameof(y));
        return Metrics.Accuracy.Score(y, predicted);
    }

    /// <inheritdoc />
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y)
    {
        var predicted = Predict(x);
        Guard.Labels(y, x.Count, nameof(y));
        return Metrics.Accuracy.Score(y, predicted);
    }

    private static double Score((double[] Weights, double Bias) unit, double[] row) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(row, unit.Weights) + unit.Bias;

    /// <summary>The undecided verdict for data too large to analyse within <see cref="FitAnalysisBudget"/>, saying so and how to get the full analysis.</summary>
    private static SeparabilityResult TooLargeToAnalyse(int rows, int features, string positiveName, string negativeName) => new()
    {
        Verdict = SeparabilityVerdict.Undecided,
        Exact = false,
        PositiveClass = positiveName,
        NegativeClass = negativeName,
        Explanation =
            $"Not analysed: {rows} rows × {features} features need {(long)rows * (features + 1) * 2:N0} multiply-adds for one pass of the " +
            $"maximum-margin search, more than the {FitAnalysisBudget:N0} a fit spends per unit. help: run LinearSeparability.Check " +
            "(or 'rosenblatt separable') on this data for the full bounded search, or set AnalyzeSeparability = false to skip this note.",
    };

    /// <summary>Multiply-adds per unit for the maximum-margin search behind the report's bound, kept small so Fit stays quick.</summary>
    private const long FitAnalysisBudget = 5_000_000;

    private static string Text(TLabel label) => Convert.ToString(label, System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A summary: inputs, units (one, or one per class one-vs-rest), the weights of a binary perceptron, the
    /// classes and whether training converged; or that it is not fitted.</summary>
    public override string ToString()
    {
        if (_fitted is null)
            return "Perceptron (not fitted: call Fit(x, y))";
        var units = _fitted.Units;
        string weights = units.Length == 1
            ? $"w = {Training.HistoryFormat.List(units[0].Weights, Training.HistoryFormat.Number)}, b = {Training.HistoryFormat.Number(units[0].Bias)}"
            : $"{units.Length} units (one-vs-rest)";
        return $"Perceptron {_fitted.Features} inputs, {weights}; classes {Training.HistoryFormat.List(_fitted.Encoder.Classes, c => c.ToString() ?? "")}; "
            + $"{(_fitted.Report.Converged ? "converged" : "did not converge")} after {_fitted.Report.EpochsRun} epochs";
    }

    private Fitted State(string member) => _fitted ?? throw new NotFittedException("Perceptron", member);

    private (double[] Weights, double Bias) BinaryUnit(string member)
    {
        var state = State(member);
        if (state.Units.Length != 1)
            throw new InvalidOperationException(
                $"Perceptron.{member} exists only for two classes, but this model has {state.Units.Length} (one-vs-rest). " +
                "help: use Coefficients and Intercepts (one row per class), or DecisionScores.");
        return state.Units[0];
    }

    private sealed record Fitted(
        ClassEncoder<TLabel> Encoder, int Features, (double[] Weights, double Bias)[] Units,
        PerceptronReport Report, List<PerceptronStep>? Steps);
}
