using System.Numerics.Tensors;

namespace Rosenblatt.Linear;

/// <summary>The full-batch objective of logistic regression in double precision: mean cross-entropy plus (λ/2)·‖W‖², and its gradient.</summary>
/// <remarks>
/// <para>Parameters are laid out unit by unit: unit <c>u</c>'s <c>d</c> weights, then its bias, so <c>(d + 1)·units</c>
/// values. Two classes: one unit, <c>p = σ(z)</c>, loss <c>log(1 + eᶻ) − y·z</c> (computed as
/// <c>max(z, 0) + log(1 + e^−|z|) − y·z</c> so no exponential overflows). More: one unit per class, softmax,
/// loss <c>log Σₖ e^zₖ − z_y</c> with the largest <c>z</c> subtracted first. Either way the gradient of the loss with
/// respect to <c>zᵤ</c> is <c>pᵤ − yᵤ</c>, so <c>∂/∂Wᵤ = mean((pᵤ − yᵤ)·x) + λ·Wᵤ</c> and
/// <c>∂/∂bᵤ = mean(pᵤ − yᵤ)</c> (the bias is not penalized).</para>
/// <para>This is the objective scikit-learn's <c>LogisticRegression(C)</c> minimizes, divided by <c>C·n</c>; see
/// <see cref="LogisticRegressionOptions.L2"/>.</para>
/// </remarks>
internal sealed class LogisticObjective
{
    private readonly double[] _x;
    private readonly int[] _labels;
    private readonly int _rows, _features, _units;
    private readonly double _l2;
    private readonly double[] _z, _residual;

    /// <summary>Flattens the rows once.</summary>
    /// <param name="x">Rows of finite features, all of one length.</param>
    /// <param name="labels">Class indices 0..classes−1.</param>
    /// <param name="classes">The class count, at least 2.</param>
    /// <param name="l2">λ.</param>
    public LogisticObjective(IReadOnlyList<double[]> x, int[] labels, int classes, double l2)
    {
        _rows = x.Count;
        _features = x[0].Length;
        _units = classes == 2 ? 1 : classes;
        _labels = labels;
        _l2 = l2;
        _x = new double[_rows * _features];
        for (int i = 0; i < _rows; i++)
            x[i].CopyTo(_x, i * _features);
        _z = new double[_units];
        _residual = new double[_units];
    }

    /// <summary>The number of parameters, <c>(features + 1) · units</c>.</summary>
    public int Dimension => (_features + 1) * _units;

    /// <summary>The output units: 1 for two classes, else one per class.</summary>
    public int Units => _units;

    /// <summary>The mean cross-entropy (without the penalty) at the last evaluated point.</summary>
    public double LastLoss { get; private set; }

    /// <summary>The training accuracy at the last evaluated point.</summary>
    public double LastAccuracy { get; private set; }

    /// <summary>Writes the gradient at <paramref name="w"/> into <paramref name="gradient"/> and returns the objective.</summary>
    public double Evaluate(double[] w, double[] gradient)
    {
        Array.Clear(gradient);
        int d = _features, stride = d + 1;
        double loss = 0;
        int correct = 0;
        for (int r = 0; r < _rows; r++)
        {
            var row = new ReadOnlySpan<double>(_x, r * d, d);
            int label = _labels[r];
            for (int u = 0; u < _units; u++)
                _z[u] = TensorPrimitives.Dot(row, new ReadOnlySpan<double>(w, u * stride, d)) + w[u * stride + d];
            if (_units == 1)
            {
                double z = _z[0];
                loss += Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))) - label * z;
                double p = z >= 0 ? 1 / (1 + Math.Exp(-z)) : Math.Exp(z) / (1 + Math.Exp(z));
                _residual[0] = p - label;
                if ((p > 0.5 ? 1 : 0) == label)
                    correct++;
            }
            else
            {
                double max = TensorPrimitives.Max<double>(_z);
                double sum = 0;
                for (int u = 0; u < _units; u++)
                    sum += Math.Exp(_z[u] - max);
                double logSum = max + Math.Log(sum);
                loss += logSum - _z[label];
                for (int u = 0; u < _units; u++)
                    _residual[u] = Math.Exp(_z[u] - logSum) - (u == label ? 1 : 0);
                if (TensorPrimitives.IndexOfMax<double>(_z) == label)
                    correct++;
            }
            for (int u = 0; u < _units; u++)
            {
                var g = new Span<double>(gradient, u * stride, d);
                TensorPrimitives.MultiplyAdd(row, _residual[u], g, g);
                gradient[u * stride + d] += _residual[u];
            }
        }
        double scale = 1.0 / _rows, penalty = 0;
        TensorPrimitives.Multiply(gradient, scale, gradient);
        for (int u = 0; u < _units; u++)
        {
            var wu = new ReadOnlySpan<double>(w, u * stride, d);
            var g = new Span<double>(gradient, u * stride, d);
            TensorPrimitives.MultiplyAdd(wu, _l2, g, g);
            penalty += TensorPrimitives.Dot(wu, wu);
        }
        LastLoss = loss * scale;
        LastAccuracy = (double)correct / _rows;
        return LastLoss + 0.5 * _l2 * penalty;
    }
}
