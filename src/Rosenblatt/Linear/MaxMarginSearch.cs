namespace Rosenblatt.Linear;

/// <summary>Approximates the maximum-margin hyperplane of the bias-augmented problem and certifies margins in floating point.</summary>
/// <remarks>
/// <para>Hard-margin problem without a free bias: minimise ½‖v‖² subject to <c>y_i·v·x̃_i ≥ 1</c>, with
/// <c>x̃ = (x, 1)</c>. Its dual, maximise <c>Σα − ½‖Σ α_i y_i x̃_i‖²</c> over α ≥ 0, has no equality
/// constraint (the bias is a weight like any other), so exact coordinate ascent applies:
/// <c>α_i ← max(0, α_i + (1 − y_i v·x̃_i)/‖x̃_i‖²)</c>, keeping <c>v = Σ α_i y_i x̃_i</c> up to date.</para>
/// <para>Any v with all <c>y_i v·x̃_i &gt; 0</c> certifies <c>γ* ≥ min_i y_i v·x̃_i/‖v‖</c>; weak duality
/// gives <c>γ* ≤ ‖v‖/Σα</c>. Certified quantities are computed in doubles with the standard dot-product error
/// bound <c>|fl(Σ) − Σ| ≤ n·u·Σ|terms|</c> (u = 2⁻⁵³, with slack), rounded outward, so no rounding can
/// turn a non-separator into a "separator".</para>
/// </remarks>
internal static class MaxMarginSearch
{
    private const double Unit = 1.0 / (1L << 53);

    /// <summary>Runs coordinate ascent within a budget of multiply-adds; returns the best augmented v found and its certified margin (≤ 0 when none separates).</summary>
    internal static (double[] V, double Margin, double UpperEstimate) Run(IReadOnlyList<double[]> x, bool[] positive, long budget) =>
        Run(x, positive, budget, null, null);

    /// <summary>The ascent on features (x − mean)/scale, computed on the fly so large data is never copied; margins are of that scaled problem.</summary>
    private static (double[] V, double Margin, double UpperEstimate) Run(IReadOnlyList<double[]> x, bool[] positive, long budget, double[]? mean, double[]? scale)
    {
        int n = x.Count, d = x[0].Length;
        var v = new double[d + 1];
        var alpha = new double[n];
        var q = new double[n];
        var row = new double[d];
        for (int i = 0; i < n; i++)
        {
            var xi = Row(x, i, mean, scale, row);
            q[i] = Dot(xi, xi) + 1;
        }
        long perEpoch = (long)n * (d + 1) * 2;
        long epochs = Math.Clamp(budget / Math.Max(1, perEpoch), 1, 100_000);
        double[] best = (double[])v.Clone();
        double bestMargin = double.NegativeInfinity, upper = double.PositiveInfinity;
        for (long epoch = 0; epoch < epochs; epoch++)
        {
            for (int i = 0; i < n; i++)
            {
                var xi = Row(x, i, mean, scale, row);
                double y = positive[i] ? 1 : -1;
                double g = 1 - y * Score(v, xi);
                double next = Math.Max(0, alpha[i] + g / q[i]);
                double delta = next - alpha[i];
                if (delta == 0) continue;
                alpha[i] = next;
                double step = delta * y;
                for (int k = 0; k < d; k++) v[k] += step * xi[k];
                v[d] += step;
            }
            double margin = mean is null ? CertifiedMargin(x, positive, v) : ScaledMargin(x, positive, v, mean, scale!, row);
            if (margin > bestMargin)
            {
                bestMargin = margin;
                best = (double[])v.Clone();
            }
            double sumAlpha = alpha.Sum();
            if (sumAlpha > 0) upper = Math.Min(upper, Math.Sqrt(Dot(v, v)) / sumAlpha);
            if (bestMargin > 0 && bestMargin >= upper * (1 - 1e-6)) break;
        }
        return (best, bestMargin, upper);
    }

    private static double[] Row(IReadOnlyList<double[]> x, int i, double[]? mean, double[]? scale, double[] buffer)
    {
        if (mean is null) return x[i];
        for (int k = 0; k < buffer.Length; k++) buffer[k] = (x[i][k] - mean[k]) / scale![k];
        return buffer;
    }

    /// <summary>The plain (uncertified) margin of the scaled problem, used only to pick the best iterate; the caller certifies in original units.</summary>
    private static double ScaledMargin(IReadOnlyList<double[]> x, bool[] positive, double[] v, double[] mean, double[] scale, double[] row)
    {
        double worst = double.PositiveInfinity;
        for (int i = 0; i < x.Count; i++)
        {
            double s = Score(v, Row(x, i, mean, scale, row));
            worst = Math.Min(worst, positive[i] ? s : -s);
        }
        return worst / Math.Sqrt(Dot(v, v));
    }

    /// <summary>Runs the search on standardized features (mean 0, standard deviation 1) and maps the hyperplane back: the same
    /// data is separable in both scales, but badly scaled features (wine's proline in the thousands) slow the ascent down.</summary>
    /// <returns>An augmented v = (w, b) for the original features that certifiably separates them, or null.</returns>
    internal static double[]? RunStandardized(IReadOnlyList<double[]> x, bool[] positive, long budget)
    {
        int n = x.Count, d = x[0].Length;
        var mean = new double[d];
        var scale = new double[d];
        for (int k = 0; k < d; k++)
        {
            double m = 0;
            for (int i = 0; i < n; i++) m += x[i][k];
            m /= n;
            double v = 0;
            for (int i = 0; i < n; i++) v += (x[i][k] - m) * (x[i][k] - m);
            mean[k] = m;
            scale[k] = v > 0 ? Math.Sqrt(v / n) : 1;
        }
        var found = Run(x, positive, budget, mean, scale);
        if (!(found.Margin > 0)) return null;
        // w·(x − m)/s + b = Σ (w_k/s_k)·x_k + (b − Σ w_k·m_k/s_k)
        var original = new double[d + 1];
        original[d] = found.V[d];
        for (int k = 0; k < d; k++)
        {
            original[k] = found.V[k] / scale[k];
            original[d] -= original[k] * mean[k];
        }
        return CertifiedMargin(x, positive, original) > 0 ? original : null;
    }

    /// <summary>A certified lower bound on <c>min_i y_i v·x̃_i / ‖v‖</c> for augmented v = (w, b); ≤ 0 when v does not provably separate.</summary>
    internal static double CertifiedMargin(IReadOnlyList<double[]> x, bool[] positive, double[] v)
    {
        int d = v.Length - 1;
        double slack = 2.0 * (d + 2) * Unit;
        double worst = double.PositiveInfinity;
        for (int i = 0; i < x.Count; i++)
        {
            double s = v[d], abs = Math.Abs(v[d]);
            for (int k = 0; k < d; k++)
            {
                double t = v[k] * x[i][k];
                s += t;
                abs += Math.Abs(t);
            }
            double lower = (positive[i] ? s : -s) - slack * abs;
            worst = Math.Min(worst, lower);
        }
        if (!(worst > 0)) return worst;
        double norm = Math.Sqrt(Dot(v, v)) * (1 + slack);
        return worst / norm * (1 - 4 * Unit);
    }

    /// <summary>R = max_i ‖(x_i, 1)‖, rounded up.</summary>
    internal static double CertifiedRadius(IReadOnlyList<double[]> x)
    {
        double max = 0;
        foreach (var row in x) max = Math.Max(max, Dot(row, row) + 1);
        return Math.Sqrt(max) * (1 + 2.0 * (x[0].Length + 3) * Unit);
    }

    private static double Score(double[] v, double[] row)
    {
        double s = v[^1];
        for (int k = 0; k < row.Length; k++) s += v[k] * row[k];
        return s;
    }

    /// <summary>Σ a[k]·b[k] over a's length, summed left to right (the order the error bounds here assume).</summary>
    internal static double Dot(double[] a, double[] b)
    {
        double s = 0;
        for (int k = 0; k < a.Length; k++) s += a[k] * b[k];
        return s;
    }
}
