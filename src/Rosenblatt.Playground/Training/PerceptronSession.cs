using Rosenblatt.Linear;
using Rosenblatt.Playground.Data;

namespace Rosenblatt.Playground.Training;

/// <summary>One update of Rosenblatt's rule as the page shows it: the sample, the guess, and the weights before and after.</summary>
/// <param name="Index">The step's position in the run, from 0.</param>
/// <param name="Epoch">The pass over the data, from 1.</param>
/// <param name="Sample">The training point's index.</param>
/// <param name="Input">Its (x1, x2).</param>
/// <param name="Target">Its class t (0 or 1).</param>
/// <param name="Prediction">The step output y before the update.</param>
/// <param name="WeightsBefore">w before.</param>
/// <param name="BiasBefore">b before.</param>
/// <param name="WeightsAfter">w after <c>w ← w + lr·(t − y)·x</c>.</param>
/// <param name="BiasAfter">b after <c>b ← b + lr·(t − y)</c>.</param>
public sealed record PerceptronFrameStep(int Index, int Epoch, int Sample, double[] Input, int Target, int Prediction,
    double[] WeightsBefore, double BiasBefore, double[] WeightsAfter, double BiasAfter);

/// <summary>What perceptron mode paints: the steps since the last frame, and once the run ends, its verdict.</summary>
public sealed record PerceptronFrame
{
    /// <summary>Always <c>perceptron</c>.</summary>
    public string Type => "perceptron";

    /// <summary>The steps taken since the previous frame (the page animates the last and lists them).</summary>
    public required IReadOnlyList<PerceptronFrameStep> Steps { get; init; }

    /// <summary>Steps shown so far, and in the whole run.</summary>
    public required int Shown { get; init; }

    /// <summary>The run's total number of steps.</summary>
    public required int Total { get; init; }

    /// <summary>Mistakes in each epoch completed so far.</summary>
    public required IReadOnlyList<int> MistakesPerEpoch { get; init; }

    /// <summary>The learning rate lr in the update.</summary>
    public required double LearningRate { get; init; }

    /// <summary>Whether the run is playing.</summary>
    public required bool Running { get; init; }

    /// <summary>Once every step is shown: the library's summary of the run (converged or not, and why); else null.</summary>
    public string? Summary { get; init; }

    /// <summary>Once every step is shown: whether a line separates the classes (<c>Separable</c>, <c>NotSeparable</c>, <c>Undecided</c>).</summary>
    public string? Verdict { get; init; }

    /// <summary>For data no line separates: the certificate's common point, which both classes average to.</summary>
    public IReadOnlyList<double>? CommonPoint { get; init; }

    /// <summary>The certificate's points of class 1 with their weights (they average to <see cref="CommonPoint"/>).</summary>
    public IReadOnlyList<CertificatePoint>? PositivePoints { get; init; }

    /// <summary>The certificate's points of class 0 with their weights.</summary>
    public IReadOnlyList<CertificatePoint>? NegativePoints { get; init; }

    /// <summary>The certificate in words.</summary>
    public string? Explanation { get; init; }

    /// <summary>The convergence theorem's bound on the updates, when the data is separable; else null.</summary>
    public long? UpdateBound { get; init; }

    /// <summary>The updates the rule made (steps with t ≠ y).</summary>
    public int? Updates { get; init; }
}

/// <summary>A point of a separability certificate and its weight in the convex combination.</summary>
/// <param name="X">x1.</param>
/// <param name="Y">x2.</param>
/// <param name="Weight">Its weight; a class's weights sum to 1.</param>
public sealed record CertificatePoint(double X, double Y, double Weight);

/// <summary>Perceptron mode: Rosenblatt's rule on the training points, one sample at a time, replayed step by step.</summary>
/// <remarks>The library's <see cref="Perceptron"/> runs the whole fit up front with its steps recorded (at most
/// <see cref="MaxSteps"/>); the page then plays them back at its own pace. The separability analysis (exact, with a
/// certificate for data no line separates, such as XOR) comes from the same fit.</remarks>
public sealed class PerceptronSession
{
    /// <summary>The most steps recorded: epochs are capped so points × epochs stays below it.</summary>
    public const int MaxSteps = 200_000;

    private readonly Perceptron _perceptron;
    private readonly IReadOnlyList<PerceptronStep> _steps;

    /// <summary>Runs the rule on <paramref name="data"/>'s training points.</summary>
    /// <param name="config">A validated configuration in perceptron mode.</param>
    /// <param name="data">Two-class data.</param>
    /// <exception cref="ArgumentException">The data has more than two classes.</exception>
    public PerceptronSession(PlaygroundConfig config, PlaygroundData data)
    {
        if (data.ClassNames.Count != 2)
            throw new ArgumentException($"Perceptron mode: one line separates two classes, and {data.Name} has {data.ClassNames.Count}. Pick circle, xor, gaussian, spiral or moons.");
        Config = config;
        Data = data;
        int epochs = Math.Max(1, Math.Min(config.PerceptronEpochs, MaxSteps / Math.Max(1, data.Train.Count)));
        _perceptron = new Perceptron(new PerceptronOptions
        {
            LearningRate = config.LearningRate,
            MaxEpochs = epochs,
            RecordSteps = true,
            Seed = config.Seed,
        });
        var rows = data.Train.Select(p => new double[] { p.X, p.Y }).ToArray();
        Report = _perceptron.Fit(rows, data.Train.Select(p => (int)p.Value).ToArray());
        _steps = _perceptron.Steps;
    }

    /// <summary>The configuration.</summary>
    public PlaygroundConfig Config { get; }

    /// <summary>The points.</summary>
    public PlaygroundData Data { get; }

    /// <summary>The library's report of the whole run.</summary>
    public PerceptronReport Report { get; }

    /// <summary>Steps shown so far.</summary>
    public int Shown { get; private set; }

    /// <summary>The run's total steps.</summary>
    public int Total => _steps.Count;

    /// <summary>Whether every step has been shown.</summary>
    public bool Finished => Shown >= Total;

    /// <summary>Shows up to <paramref name="count"/> more steps and returns the frame that paints them.</summary>
    public PerceptronFrame Advance(int count, bool running)
    {
        int from = Shown;
        Shown = Math.Min(Total, Shown + Math.Max(0, count));
        var steps = new List<PerceptronFrameStep>();
        for (int i = Math.Max(from, Shown - 50); i < Shown; i++)
        {
            var s = _steps[i];
            steps.Add(new PerceptronFrameStep(i, s.Epoch, s.Sample, s.Input, s.Target, s.Prediction, s.WeightsBefore, s.BiasBefore, s.WeightsAfter, s.BiasAfter));
        }
        var frame = new PerceptronFrame
        {
            Steps = steps,
            Shown = Shown,
            Total = Total,
            MistakesPerEpoch = MistakesSoFar(),
            LearningRate = Config.LearningRate,
            Running = running && !Finished,
        };
        if (!Finished)
            return frame;
        var analysis = Report.Separability.FirstOrDefault();
        var certificate = analysis?.Certificate;
        return frame with
        {
            Summary = Report.Summary,
            Verdict = analysis?.Verdict.ToString(),
            CommonPoint = certificate?.CommonPoint,
            PositivePoints = certificate?.Positive.Select(p => new CertificatePoint(p.Point[0], p.Point[1], p.Weight)).ToArray(),
            NegativePoints = certificate?.Negative.Select(p => new CertificatePoint(p.Point[0], p.Point[1], p.Weight)).ToArray(),
            Explanation = analysis?.Explanation,
            UpdateBound = Report.UpdateBound,
            Updates = Report.Updates,
        };
    }

    /// <summary>Goes back to the first step.</summary>
    public void Rewind() => Shown = 0;

    private int[] MistakesSoFar()
    {
        if (Shown == 0)
            return [];
        int lastEpoch = _steps[Shown - 1].Epoch;
        var mistakes = new int[lastEpoch];
        for (int i = 0; i < Shown; i++)
            if (_steps[i].Error != 0)
                mistakes[_steps[i].Epoch - 1]++;
        return mistakes;
    }
}
