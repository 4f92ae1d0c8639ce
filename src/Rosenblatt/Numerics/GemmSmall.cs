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
        float* a = p.A, b = p.B, c = p.C;
        int ars = p.ARowStride, acs = p.AColStride, brs = p.BRowStride, bcs = p.BColStride;
        for (int i = 0; i < p.M; i++)
        {
            float* ai = a + (long)i * ars;
            float* ci = c + (long)i * p.N;
            for (int j = 0; j < p.N; j++)
            {
                float* bj = b + (long)j * bcs;
                float sum = 0f;
                for (int q = 0; q < p.K; q++)
                    sum += ai[(long)q * acs] * bj[(long)q * brs];
                ci[j] = p.Beta == 0f ? sum : sum + p.Beta * ci[j];
            }
        }
        GemmEpilogueKernel.Apply(p, 0, p.M, 0, p.N);
    }
}
