using System.Numerics.Tensors;
using Rosenblatt.Randomness;

namespace Rosenblatt.Linear;

/// <summary>One step-activation neuron trained by Rosenblatt's rule: the binary core of every perceptron.</summary>
/// <remarks>
/// A binary perceptron has one unit; one-vs-rest uses one unit per class. The unit knows nothing of
/// labels: its targets are 0 and 1. Dot products and updates go through TensorPrimitives, so wide
/// inputs (images) are vectorized while two-input gates reproduce the seeds' arithmetic exactly.
/// </remarks>
internal sealed class PerceptronUnit
{
    private readonly double[] _w;
    private double _b;
    private readonly double[]? _sumW;
    private double _sumB;
    private long _visits;
    private double[]? _pocketW;
    private double _pocketB;
    private int _pocketMistakes = int.MaxValue;
    private int _run;
    private int _pocketRun = -1;
    private bool _counted;

    internal PerceptronUnit(int features, PerceptronOptions options, SeededRandom? random)
    {
        _w = new double[features];
        if (options.Initialization == WeightInitialization.SmallRandom && random is not null)
        {
            for (int i = 0; i < features; i++)
                _w[i] = random.NextDouble(-options.InitialScale, options.InitialScale);
            _b = random.NextDouble(-options.InitialScale, options.InitialScale);
        }
        if (options.Variant == PerceptronVariant.Averaged)
            _sumW = new double[features];
        InitialNorm = Math.Sqrt(TensorPrimitives.Dot(_w, _w) + _b * _b);
    }

    /// <summary>‖(w₀, b₀)‖ of the starting weights (0 for zeros), which the convergence bound needs.</summary>
    internal double InitialNorm { get; }

    internal bool Converged { get; private set; }

    internal int Updates { get; private set; }

    internal double DecisionFunction(ReadOnlySpan<double> x) => TensorPrimitives.Dot(x, (ReadOnlySpan<double>)_w) + _b;

    internal static int Step(double z) => z >= 0 ? 1 : 0;

    /// <summary>One epoch of the online rule over the samples in <paramref name="order"/>; returns the number of mistakes.</summary>
    internal int TrainEpoch(
        IReadOnlyList<double[]> x, int[] target, int[] order, double learningRate,
        int epoch, int unitIndex, List<PerceptronStep>? log)
    {
        int mistakes = 0;
        foreach (int i in order)
            mistakes += Visit(x, i, target, learningRate, epoch, unitIndex, log);
        EndEpoch(mistakes);
        return mistakes;
    }

    /// <summary>Marks the unit converged after an epoch without mistakes.</summary>
    internal void EndEpoch(int mistakes)
    {
        if (mistakes == 0)
            Converged = true;
    }

    /// <summary>The rule on sample <paramref name="i"/>: predict, and on a mistake move the boundary; returns 1 for a mistake, else 0.</summary>
    /// <remarks>Touches only this unit's state, so one-vs-rest may visit a sample with every unit in turn (the row
    /// stays in cache) and get exactly the numbers of training the units one after another.</remarks>
    internal int Visit(IReadOnlyList<double[]> x, int i, int[] target, double learningRate, int epoch, int unitIndex, List<PerceptronStep>? log)
    {
        double[] xi = x[i];
        int prediction = Step(DecisionFunction(xi));
        int error = target[i] - prediction;
        double[]? before = log is null ? null : (double[])_w.Clone();
        double biasBefore = _b;
        if (error == 0 && _pocketW is not null && ++_run > _pocketRun)
        {
            _pocketRun = _run;
            UpdatePocket(x, target);
        }
        if (error != 0)
        {
            _run = 0;
            _counted = false;
            Updates++;
            double update = learningRate * error;
            TensorPrimitives.MultiplyAdd(xi, update, _w, _w);
            _b += update;
        }
        if (_sumW is not null)
        {
            TensorPrimitives.Add(_sumW, _w, _sumW);
            _sumB += _b;
            _visits++;
        }
        log?.Add(new PerceptronStep(epoch, i, unitIndex, (double[])xi.Clone(), target[i], prediction, error,
            before!, biasBefore, (double[])_w.Clone(), _b));
        return error == 0 ? 0 : 1;
    }

    /// <summary>Pocket variant (with ratchet): counts the current weights' training mistakes and pockets them if they beat the best so far.</summary>
    /// <remarks>Called for the initial weights, at the end of every epoch, and whenever the current weights have classified
    /// more samples in a row than any pocketed weights did (Gallant's run-length test). A correct guess does not move the weights,
    /// so while a run grows each test asks about the same weights: they are counted once, as a second count would find the same
    /// number, which is not strictly better (MNIST one-vs-rest, one epoch, seed 42: 3,072 counts before, 136 now, the same weights).</remarks>
    internal void UpdatePocket(IReadOnlyList<double[]> x, int[] target)
    {
        if (_counted)
            return;
        _counted = true;
        Counts++;
        int mistakes = CountMistakes(x, target);
        if (mistakes < _pocketMistakes)
        {
            _pocketMistakes = mistakes;
            _pocketW = (double[])_w.Clone();
            _pocketB = _b;
        }
    }

    /// <summary>How many weight vectors <see cref="UpdatePocket"/> has counted over the whole training set.</summary>
    internal int Counts { get; private set; }

    internal int CountMistakes(IReadOnlyList<double[]> x, int[] target)
    {
        int mistakes = 0;
        for (int i = 0; i < x.Count; i++)
        {
            if (Step(DecisionFunction(x[i])) != target[i])
                mistakes++;
        }
        return mistakes;
    }

    /// <summary>A copy of the rule's current weights (before any pocket or averaging).</summary>
    internal (double[] Weights, double Bias) CurrentWeights() => ((double[])_w.Clone(), _b);

    /// <summary>The weights the variant keeps: last (classic), pocketed, or averaged.</summary>
    internal (double[] Weights, double Bias) FinalWeights(PerceptronVariant variant)
    {
        switch (variant)
        {
            case PerceptronVariant.Pocket when _pocketW is not null:
                return ((double[])_pocketW.Clone(), _pocketB);
            case PerceptronVariant.Averaged when _sumW is not null && _visits > 0:
                var avg = new double[_w.Length];
                TensorPrimitives.Divide(_sumW, _visits, avg);
                return (avg, _sumB / _visits);
            default:
                return ((double[])_w.Clone(), _b);
        }
    }
}
