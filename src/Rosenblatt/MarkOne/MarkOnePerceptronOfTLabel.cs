using System.Diagnostics;
using System.Globalization;
using Rosenblatt.Data;
using Rosenblatt.Data.Retina;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.MarkOne;

/// <summary>The Mark I Perceptron (Cornell Aeronautical Laboratory, 1960): a binary retina, a fixed random plugboard of A-units, and R-units trained by error correction.</summary>
/// <remarks>
/// <para><b>S → A.</b> The retina's points (S-units) feed <see cref="MarkOneOptions.AssociationUnits"/> A-units through the
/// <see cref="Plugboard"/>, drawn at construction from the seed and never changed: A-unit a outputs 1 when its
/// signed count of lit points reaches θ, else 0.</para>
/// <para><b>A → R.</b> Each trained R-unit r answers <c>ρ_r = b_r + Σ_a w_ar·a</c>, +1 when ρ_r ≥ 0 and −1 otherwise.
/// Its target for class k is the sign in k's codeword (<see cref="Code"/>: one unit per class, or an output code when
/// there are more classes than R-units). When a unit answers wrongly for an image, the rule
/// (<see cref="MarkOneOptions.LearningRule"/>) moves the weights of the active A-units, and the bias, one step toward its
/// target: <c>w_ar += t_r</c>, <c>b_r += t_r</c> — Rosenblatt's error correction, i.e. the perceptron rule on the A-unit
/// outputs. The weights start at 0, the potentiometers' middle.</para>
/// <para>Training shows the images once per pass (in a seeded random order unless <see cref="MarkOneOptions.Shuffle"/> is
/// off) and stops after a pass with no correction or after <see cref="MarkOneOptions.Epochs"/> passes. The class of an
/// image is the largest class score (<see cref="ResponseCode.Scores"/>).</para>
/// <para>Speed: the A-layer is a sparse sum over lit points and the R-layer one vector add per active A-unit
/// (<c>Numerics/PlugboardKernels</c>); a pass over MNIST's 60,000 cropped digits takes a fraction of a second.</para>
/// </remarks>
/// <typeparam name="TLabel">The label type, e.g. string ("square", "E", "7") or int.</typeparam>
/// <example>
/// <code>
/// var shapes = RetinaShapes.Generate(new RetinaTaskOptions { Count = 2000, Seed = 1 });
/// var (train, test) = shapes.Split(0.25, seed: 1);
/// var machine = new MarkOnePerceptron&lt;string&gt;(new MarkOneOptions { Seed = 1 });
/// machine.Fit(train.Images, train.LabelNames());
/// machine.Score(test.Images, test.LabelNames());   // test accuracy
/// </code>
/// </example>
public class MarkOnePerceptron<TLabel> : IClassifier<TLabel> where TLabel : notnull
{
    private State? _state;

    /// <summary>Builds an untrained machine: options validated, plugboard wired from the seed.</summary>
    /// <param name="options">The build sheet; the 1960 machine (20×20, 512 A, 8 R) when null.</param>
    /// <exception cref="ArgumentException">An option is out of range (see <see cref="MarkOneOptions.Validate"/>).</exception>
    public MarkOnePerceptron(MarkOneOptions? options = null)
    {
        Options = options ?? new MarkOneOptions();
        Options.Validate();
        Plugboard = Plugboard.Wire(Options);
    }

    /// <summary>Builds a machine around a plugboard restored from a model file.</summary>
    internal MarkOnePerceptron(MarkOneOptions options, Plugboard plugboard)
    {
        Options = options;
        Plugboard = plugboard;
    }

    /// <summary>The build sheet.</summary>
    public MarkOneOptions Options { get; }

    /// <summary>The fixed S → A wiring, available before training (it never learns).</summary>
    public Plugboard Plugboard { get; }

    /// <summary>Whether the R-units have been trained (or loaded).</summary>
    public bool IsFitted => _state is not null;

    /// <summary>The classes seen in training, in sorted order.</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public IReadOnlyList<TLabel> Classes => Fitted(nameof(Classes)).Encoder.Classes;

    /// <summary>The input width: the retina's points.</summary>
    public int FeatureCount => Plugboard.RetinaPoints;

    /// <summary>How the R-units name the classes.</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public ResponseCode Code => Fitted(nameof(Code)).Code;

    /// <summary>The R-unit weights, A-units × trained R-units, row-major: <c>Weights[a · Code.Units + r]</c> is w_ar. A copy.</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public float[] Weights => (float[])Fitted(nameof(Weights)).Weights.Clone();

    /// <summary>Each trained R-unit's bias b_r. A copy.</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public float[] Biases => (float[])Fitted(nameof(Biases)).Bias.Clone();

    /// <summary>The training report: mistakes and corrections per pass, convergence.</summary>
    /// <exception cref="NotFittedException">Read before training.</exception>
    public MarkOneReport Report => Fitted(nameof(Report)).Report;

    /// <summary>The weights of one R-unit, one per A-unit (for pictures: which A-units vote for it, which against).</summary>
    /// <param name="unit">0 to <c>Code.Units</c> − 1.</param>
    /// <exception cref="NotFittedException">Read before training.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such trained unit.</exception>
    public float[] UnitWeights(int unit)
    {
        var s = Fitted(nameof(UnitWeights));
        ArgumentOutOfRangeException.ThrowIfNegative(unit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(unit, s.Code.Units);
        var w = new float[Plugboard.Units];
        for (int a = 0; a < w.Length; a++) w[a] = s.Weights[a * s.Code.Units + unit];
        return w;
    }

    /// <summary>Which A-units fire for one retina image (the same as <c>Plugboard.Activity</c>).</summary>
    /// <param name="retina">The image's points, row-major; non-zero is lit.</param>
    public bool[] AUnitActivity(ReadOnlySpan<byte> retina) => Plugboard.Activity(retina);

    /// <summary>The A-unit outputs (0.0 or 1.0) of every image: the features the R-units learn from.</summary>
    /// <param name="images">Images of the retina's size.</param>
    /// <exception cref="ArgumentException">The images are not of the retina's size.</exception>
    public double[][] AUnitFeatures(RetinaImages images)
    {
        CheckImages(images, nameof(images));
        var sums = new int[Plugboard.Units];
        var active = new int[Plugboard.Units];
        var rows = new double[images.Count][];
        for (int i = 0; i < images.Count; i++)
        {
            rows[i] = new double[Plugboard.Units];
            int n = Plugboard.ActiveUnits(images.Image(i), sums, active);
            foreach (int a in active.AsSpan(0, n)) rows[i][a] = 1;
        }
        return rows;
    }

    /// <summary>Trains the R-units on binary retina images, starting from zero weights.</summary>
    /// <param name="images">Images of the retina's size.</param>
    /// <param name="y">One label per image; at least two classes.</param>
    /// <param name="progress">Told after every pass (mistakes, corrections, time); may be null.</param>
    /// <param name="cancellation">Stops after the current pass; the weights so far are kept.</param>
    /// <returns>The report, also available as <see cref="Report"/>.</returns>
    /// <exception cref="ArgumentException">The images are not of the retina's size, the label count differs, a label is null, there is one class, or the classes cannot be coded on the R-units.</exception>
    public MarkOneReport Fit(RetinaImages images, IReadOnlyList<TLabel> y, IProgress<MarkOneEpoch>? progress = null, CancellationToken cancellation = default)
    {
        CheckImages(images, nameof(images));
        Guard.Labels(y, images.Count, nameof(y));
        var encoder = ClassEncoder<TLabel>.Fit(y);
        int[] classOf = encoder.Encode(y);
        var code = ResponseCode.For(encoder.Count, Options.ResponseUnits);
        int units = Plugboard.Units, r = code.Units;
        var weights = new float[units * r];
        var bias = new float[r];
        var sums = new int[units];
        var active = new int[units];
        var response = new float[r];
        var delta = new float[r];
        var charge = new float[r];
        var scratch = new double[code.Classes];
        var correctionsPerUnit = new int[r];
        var mistakesPerEpoch = new List<int>();
        var correctionsPerEpoch = new List<int>();
        var order = Enumerable.Range(0, images.Count).ToArray();
        var random = new SeededRandom(unchecked((long)((ulong)Options.Seed * 0x9E3779B97F4A7C15UL + 0x632BE59BD9B4E019UL)));
        bool converged = false, cancelled = false;
        long activeTotal = 0;
        for (int epoch = 1; epoch <= Options.Epochs; epoch++)
        {
            if (cancellation.IsCancellationRequested) { cancelled = true; break; }
            var clock = Stopwatch.StartNew();
            if (Options.Shuffle) random.Shuffle(order.AsSpan());
            int mistakes = 0, corrections = 0;
            activeTotal = 0;
            foreach (int i in order)
            {
                int n = Plugboard.ActiveUnits(images.Image(i), sums, active);
                activeTotal += n;
                var on = active.AsSpan(0, n);
                PlugboardKernels.Respond(on, weights, bias, response);
                int label = classOf[i];
                if (code.Decode(response, scratch) != label) mistakes++;
                bool wrong = false;
                for (int k = 0; k < r; k++)
                {
                    sbyte target = code.Target(label, k);
                    bool fires = response[k] >= 0;
                    delta[k] = fires == (target > 0) ? 0 : target;
                    if (delta[k] != 0) { wrong = true; corrections++; correctionsPerUnit[k]++; }
                }
                if (!wrong) continue;
                if (Options.LearningRule == MarkOneLearningRule.Gamma && n < units)
                {
                    // γ: every unit pays delta·n/units, so the active ones gain delta·(1 − n/units) and the total is unchanged.
                    for (int k = 0; k < r; k++) charge[k] = delta[k] * n / units;
                    PlugboardKernels.ChargeAll(weights, charge);
                }
                PlugboardKernels.Reinforce(on, weights, bias, delta);
            }
            mistakesPerEpoch.Add(mistakes);
            correctionsPerEpoch.Add(corrections);
            progress?.Report(new MarkOneEpoch(epoch, Options.Epochs, images.Count, mistakes, corrections, clock.Elapsed));
            if (corrections == 0) { converged = true; break; }
        }
        var state = new State(encoder, code, weights, bias, null!);
        int right = 0;
        var predicted = PredictIndices(state, images);
        for (int i = 0; i < predicted.Length; i++) if (predicted[i] == classOf[i]) right++;
        double accuracy = (double)right / images.Count;
        var report = new MarkOneReport
        {
            Converged = converged,
            EpochsRun = mistakesPerEpoch.Count,
            MistakesPerEpoch = mistakesPerEpoch,
            CorrectionsPerEpoch = correctionsPerEpoch,
            CorrectionsPerUnit = correctionsPerUnit,
            TrainingAccuracy = accuracy,
            MeanActiveUnits = (double)activeTotal / images.Count,
            Cancelled = cancelled,
            Summary = Summarize(converged, cancelled, mistakesPerEpoch, correctionsPerUnit.Sum(), accuracy, code),
        };
        _state = state with { Report = report };
        return report;
    }

    /// <summary>Trains on rows of numbers, each a retina image (a value ≥ 0.5 is a lit point).</summary>
    /// <param name="x">One row of <see cref="FeatureCount"/> values per image.</param>
    /// <param name="y">One label per row.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">Bad rows or labels (see the other overload).</exception>
    public MarkOneReport Fit(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) =>
        Fit(RetinaImages.FromRows(x, Plugboard.RetinaWidth, Plugboard.RetinaHeight), y);

    /// <inheritdoc />
    void IClassifier<TLabel>.Train(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) => Fit(x, y);

    /// <summary>The class of each image.</summary>
    /// <param name="images">Images of the retina's size.</param>
    /// <exception cref="NotFittedException">Called before training.</exception>
    public TLabel[] Predict(RetinaImages images)
    {
        var s = Fitted(nameof(Predict));
        CheckImages(images, nameof(images));
        return Array.ConvertAll(PredictIndices(s, images), s.Encoder.Decode);
    }

    /// <summary>The class of each row (a value ≥ 0.5 is a lit point).</summary>
    /// <param name="x">Rows of <see cref="FeatureCount"/> values.</param>
    /// <exception cref="NotFittedException">Called before training.</exception>
    public TLabel[] Predict(IReadOnlyList<double[]> x) => Predict(RetinaImages.FromRows(x, Plugboard.RetinaWidth, Plugboard.RetinaHeight));

    /// <summary>The trained R-units' responses ρ_r for each image (before the sign is taken).</summary>
    /// <param name="images">Images of the retina's size.</param>
    /// <exception cref="NotFittedException">Called before training.</exception>
    public float[][] Responses(RetinaImages images)
    {
        var s = Fitted(nameof(Responses));
        CheckImages(images, nameof(images));
        var sums = new int[Plugboard.Units];
        var active = new int[Plugboard.Units];
        var result = new float[images.Count][];
        for (int i = 0; i < images.Count; i++)
        {
            result[i] = new float[s.Code.Units];
            int n = Plugboard.ActiveUnits(images.Image(i), sums, active);
            PlugboardKernels.Respond(active.AsSpan(0, n), s.Weights, s.Bias, result[i]);
        }
        return result;
    }

    /// <summary>Each image's class scores, columns in <see cref="Classes"/> order; the largest names the class (see <see cref="ResponseCode.Scores"/>).</summary>
    /// <param name="images">Images of the retina's size.</param>
    /// <exception cref="NotFittedException">Called before training.</exception>
    public double[][] ClassScores(RetinaImages images)
    {
        var s = Fitted(nameof(ClassScores));
        return Array.ConvertAll(Responses(images), resp =>
        {
            var scores = new double[s.Code.Classes];
            s.Code.Scores(resp, scores);
            return scores;
        });
    }

    /// <summary>Class scores for rows of numbers (a value ≥ 0.5 is a lit point).</summary>
    /// <param name="x">Rows of <see cref="FeatureCount"/> values.</param>
    public double[][] ClassScores(IReadOnlyList<double[]> x) => ClassScores(RetinaImages.FromRows(x, Plugboard.RetinaWidth, Plugboard.RetinaHeight));

    /// <summary>The share of images classified right.</summary>
    /// <param name="images">Images of the retina's size.</param>
    /// <param name="y">Their true labels.</param>
    public double Score(RetinaImages images, IReadOnlyList<TLabel> y)
    {
        var predicted = Predict(images);
        Guard.Labels(y, predicted.Length, nameof(y));
        int right = 0;
        for (int i = 0; i < predicted.Length; i++) if (EqualityComparer<TLabel>.Default.Equals(predicted[i], y[i])) right++;
        return (double)right / predicted.Length;
    }

    /// <inheritdoc />
    public double Score(IReadOnlyList<double[]> x, IReadOnlyList<TLabel> y) => Score(RetinaImages.FromRows(x, Plugboard.RetinaWidth, Plugboard.RetinaHeight), y);

    /// <summary>Puts loaded R-unit state in place (model files).</summary>
    internal void Restore(ClassEncoder<TLabel> encoder, ResponseCode code, float[] weights, float[] bias, MarkOneReport report) =>
        _state = new State(encoder, code, weights, bias, report);

    private int[] PredictIndices(State s, RetinaImages images)
    {
        var sums = new int[Plugboard.Units];
        var active = new int[Plugboard.Units];
        var response = new float[s.Code.Units];
        var scratch = new double[s.Code.Classes];
        var result = new int[images.Count];
        for (int i = 0; i < images.Count; i++)
        {
            int n = Plugboard.ActiveUnits(images.Image(i), sums, active);
            PlugboardKernels.Respond(active.AsSpan(0, n), s.Weights, s.Bias, response);
            result[i] = s.Code.Decode(response, scratch);
        }
        return result;
    }

    private void CheckImages(RetinaImages images, string paramName)
    {
        ArgumentNullException.ThrowIfNull(images, paramName);
        if (images.Width != Plugboard.RetinaWidth || images.Height != Plugboard.RetinaHeight)
            throw Guard.Error(paramName, $"the images are {images.Width}×{images.Height} but the machine's retina is {Plugboard.RetinaWidth}×{Plugboard.RetinaHeight}.",
                $"crop or draw the images at {Plugboard.RetinaWidth}×{Plugboard.RetinaHeight}, or build the machine with that retina size.");
        if (images.Count == 0)
            throw Guard.Error(paramName, "there are no images (received 0).", "pass at least one image.");
    }

    private State Fitted(string member) => _state ?? throw new NotFittedException("MarkOnePerceptron", member, "call MarkOnePerceptron.Fit(images, labels) first.");

    private static string Summarize(bool converged, bool cancelled, List<int> mistakes, int corrections, double accuracy, ResponseCode code)
    {
        string passes = mistakes.Count == 1 ? "1 pass" : $"{mistakes.Count} passes";
        string how = converged
            ? $"Converged after {passes}: the last pass made no correction, so every R-unit gives its codeword's sign for every training image."
            : cancelled
                ? $"Stopped by the user after {passes}."
                : $"Not converged after {passes} ({mistakes[^1]} images still wrong in the last pass): the classes may not be separable in A-unit space, or need more passes.";
        return string.Create(CultureInfo.InvariantCulture,
            $"{how} {corrections} R-unit corrections in all; training accuracy {accuracy * 100:0.0}% ({code.Coding switch { ResponseCoding.OnePerClass => "one R-unit per class", _ => "output code" }}).");
    }

    private sealed record State(ClassEncoder<TLabel> Encoder, ResponseCode Code, float[] Weights, float[] Bias, MarkOneReport Report);
}
