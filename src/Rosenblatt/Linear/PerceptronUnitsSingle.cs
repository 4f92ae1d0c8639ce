using System.Numerics.Tensors;
using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Linear;

/// <summary>All units of a perceptron in float32, trained sample-major: the fast path behind the Matrix and byte-image Fit overloads.</summary>
/// <remarks>
/// <para>The weights of all units sit in one units × features array, so one call of <see cref="UnitDots.Scores"/>
/// computes every unit's <c>w·x + b</c> for a row while the row is in cache; only the units that guessed wrong are
/// then updated (<c>w += lr·error·x</c> with <see cref="TensorPrimitives.MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>).
/// Each unit sees the rows in the same order and its update depends only on its own weights, so this is Rosenblatt's
/// online rule per unit, as in <see cref="PerceptronUnit"/>, with float32 arithmetic instead of double.</para>
/// <para>Initial weights are drawn exactly as <see cref="PerceptronUnit"/> draws them (same random sequence, in double)
/// and then rounded to float32.</para>
/// </remarks>
internal sealed class PerceptronUnitsSingle
{
    private readonly float[] _w;
    private readonly float[] _b;
    private readonly int _features;

    internal PerceptronUnitsSingle(int units, int features, PerceptronOptions options, SeededRandom random)
    {
        _features = features;
        _w = new float[units * features];
        _b = new float[units];
        Converged = new bool[units];
        Updates = new int[units];
        InitialNorms = new double[units];
        if (options.Initialization == WeightInitialization.SmallRandom)
        {
            for (int u = 0; u < units; u++)
            {
                double sum = 0;
                for (int i = 0; i < features; i++)
                {
                    double w = random.NextDouble(-options.InitialScale, options.InitialScale);
                    _w[u * features + i] = (float)w;
                    sum += w * w;
                }
                double b = random.NextDouble(-options.InitialScale, options.InitialScale);
                _b[u] = (float)b;
                InitialNorms[u] = Math.Sqrt(sum + b * b);
            }
        }
    }

    internal int Count => _b.Length;

    internal bool[] Converged { get; }

    internal int[] Updates { get; }

    /// <summary>‖(w₀, b₀)‖ of each unit's starting weights, for the convergence bound.</summary>
    internal double[] InitialNorms { get; }

    /// <summary>The target (0 or 1) of unit <paramref name="u"/> for a sample of class index <paramref name="cls"/>.</summary>
    internal int Target(int u, int cls) => Count == 1 ? cls : (cls == u ? 1 : 0);

    /// <summary>One epoch of the online rule over <paramref name="order"/>; adds each unit's mistakes to <paramref name="mistakes"/>.</summary>
    /// <remarks>Allocates nothing: <paramref name="scratch"/> holds a converted row, <paramref name="scores"/> the units' scores.
    /// With <paramref name="pockets"/> (the Pocket variant), every guess is reported to it, as <see cref="PerceptronUnit.Visit"/>
    /// does for the double path, so it can queue the weights its run-length test asks about.</remarks>
    internal void TrainEpoch(FloatRowReader read, int[] classOf, int[] order, float learningRate, Span<float> scratch, Span<float> scores, Span<int> mistakes,
        PerceptronPocketsSingle? pockets = null)
    {
        int n = _features;
        mistakes.Clear();
        foreach (int i in order)
        {
            var x = read(i, scratch);
            UnitDots.Scores(x, _w, _b, scores);
            int cls = classOf[i];
            for (int u = 0; u < scores.Length; u++)
            {
                if (Converged[u]) continue;
                int error = Target(u, cls) - (scores[u] >= 0 ? 1 : 0);
                if (error == 0)
                {
                    pockets?.Correct(u, _w.AsSpan(u * n, n), _b[u]);
                    continue;
                }
                pockets?.Mistake(u);
                mistakes[u]++;
                Updates[u]++;
                float update = learningRate * error;
                var w = _w.AsSpan(u * n, n);
                TensorPrimitives.MultiplyAdd(x, update, w, w);
                _b[u] += update;
            }
        }
        for (int u = 0; u < mistakes.Length; u++)
        {
            if (!Converged[u] && mistakes[u] == 0)
                Converged[u] = true;
        }
    }

    /// <summary>How many rows the model (argmax of the units, or the step of the one unit) gets right.</summary>
    internal int CountCorrect(FloatRowReader read, int[] classOf, Span<float> scratch, Span<float> scores)
    {
        int correct = 0;
        for (int i = 0; i < classOf.Length; i++)
        {
            UnitDots.Scores(read(i, scratch), _w, _b, scores);
            int predicted = Count == 1 ? (scores[0] >= 0 ? 1 : 0) : TensorPrimitives.IndexOfMax<float>(scores);
            if (predicted == classOf[i]) correct++;
        }
        return correct;
    }

    /// <summary>Unit <paramref name="u"/>'s current float32 weights.</summary>
    internal ReadOnlySpan<float> UnitWeights(int u) => _w.AsSpan(u * _features, _features);

    /// <summary>Unit <paramref name="u"/>'s current float32 bias.</summary>
    internal float UnitBias(int u) => _b[u];

    /// <summary>Replaces unit <paramref name="u"/>'s weights (with the pocketed ones, once training is over).</summary>
    internal void SetUnit(int u, ReadOnlySpan<float> weights, float bias)
    {
        weights.CopyTo(_w.AsSpan(u * _features, _features));
        _b[u] = bias;
    }

    /// <summary>Unit <paramref name="u"/>'s weights and bias, widened to double (exactly).</summary>
    internal (double[] Weights, double Bias) Weights(int u)
    {
        var w = new double[_features];
        var source = _w.AsSpan(u * _features, _features);
        for (int i = 0; i < w.Length; i++)
            w[i] = source[i];
        return (w, _b[u]);
    }
}
