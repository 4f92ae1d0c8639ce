namespace Rosenblatt.Tests.Numerics;

/// <summary>The oracle: a naive triple loop in double, plus the forward error bound a float GEMM must meet.</summary>
internal static class GemmReference
{
    /// <summary>Returns op(A)·op(B) + beta·C in double, and for each element the scale Σ|a·b| + |beta·c|.</summary>
    public static (double[] Values, double[] Scale) Multiply(float[] a, float[] b, float[] c, int m, int n, int k,
        bool transposeA, bool transposeB, float beta)
    {
        var values = new double[m * n];
        var scale = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0, abs = 0;
                for (int p = 0; p < k; p++)
                {
                    double x = transposeA ? a[p * m + i] : a[i * k + p];
                    double y = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += x * y;
                    abs += Math.Abs(x * y);
                }
                double old = beta == 0f ? 0 : (double)beta * c[i * n + j];
                values[i * n + j] = sum + old;
                scale[i * n + j] = abs + Math.Abs(old);
            }
        }
        return (values, scale);
    }

    /// <summary>
    /// Allowed |float result − exact| for an inner dimension k: γ_(k+2) · Σ|a·b| with γ_n = n·u/(1 − n·u), u = 2⁻²⁴.
    /// </summary>
    /// <remarks>
    /// This is the classic worst-case bound for a dot product summed in any order in floating point
    /// (Higham, Accuracy and Stability of Numerical Algorithms, §3.1): k roundings of the running sum and
    /// products (FMA only removes some), plus two for combining with beta·C. It holds for every input, so
    /// the test can never be flaky, and it scales with Σ|a·b| rather than |c|, which is the only honest scale
    /// when terms cancel. Real errors are near √k·u; any indexing or packing bug gives errors of order 1.
    /// </remarks>
    public static double Tolerance(int k)
    {
        const double u = 1.0 / (1 << 24);
        double nu = (k + 2) * u;
        return nu / (1 - nu);
    }

    public static float[] Random(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }
}
