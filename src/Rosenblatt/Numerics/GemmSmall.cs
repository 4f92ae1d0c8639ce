namespace Rosenblatt.Numerics;

/// <summary>Direct triple loop for tiny products, where packing and threads would cost more than the arithmetic.</summary>
/// <remarks>
/// Used for shapes like XOR's 4×2·2×4. The choice between this and the blocked path depends only on
/// (m, n, k), so a given shape always gets the same arithmetic.
/// </remarks>
internal static unsafe class GemmSmall
{
    /// <summary>Products with at most this many multiply-adds take the direct path.</summary>
    public const long MaxWork = 4096;

    public static bool Handles(int m, int n, int k) => (long)m * n * k <= MaxWork;

    public static void Run(in GemmProblem p)
    {
        float* a = p.A, b = p.B, c = p.C, bias = p.Bias;
        int m = p.M, n = p.N, k = p.K;
        int ars = p.ARowStride, acs = p.AColStride, brs = p.BRowStride, bcs = p.BColStride;
        float beta = p.Beta;
        for (int i = 0; i < m; i++)
        {
            float* ai = a + (long)i * ars;
            float* ci = c + (long)i * n;
            for (int j = 0; j < n; j++)
            {
                float* bj = b + (long)j * bcs;
                float sum = 0f;
                for (int q = 0; q < k; q++)
                    sum += ai[(long)q * acs] * bj[(long)q * brs];
                if (beta != 0f)
                    sum += beta * ci[j];
                // The bias is added to the finished sum, as the epilogue would: the same rounding, one pass less.
                ci[j] = bias == null ? sum : sum + bias[j];
            }
        }
        if (p.Epilogue != GemmEpilogue.None)
            GemmEpilogueKernel.Apply(new GemmProblem(a, b, c, null, m, n, k, false, false, beta, p.Epilogue), 0, m, 0, n);
    }
}
