using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

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

    /// <summary>C = op(A)·op(B) (+ beta·C) + bias, then the epilogue, by the direct loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(float* a, float* b, float* c, float* bias, int m, int n, int k,
        bool transposeA, bool transposeB, float beta, GemmEpilogue epilogue)
    {
        // Element (i, q) of op(A) is a[i·ars + q·acs]; element (q, j) of op(B) is b[q·brs + j·bcs].
        nint ars = transposeA ? 1 : k, acs = transposeA ? m : 1;
        nint brs = transposeB ? 1 : n, bcs = transposeB ? k : 1;
        for (int i = 0; i < m; i++)
        {
            float* ai = a + i * ars;
            float* ci = c + (nint)i * n;
            int j = 0;
            if (!transposeB && Vector128.IsHardwareAccelerated)
            {
                // Four columns of C at once when op(B)'s rows are contiguous: each lane adds the same products
                // in the same order as the scalar loop (multiply, then add: no fused multiply-add), so the
                // result is bit for bit the scalar one.
                for (; j <= n - 4; j += 4)
                {
                    float* pa = ai, pb = b + j;
                    var sum = Vector128<float>.Zero;
                    for (int q = 0; q < k; q++, pa += acs, pb += brs)
                        sum += Vector128.Create(*pa) * Vector128.Load(pb);
                    if (beta != 0f)
                        sum += Vector128.Create(beta) * Vector128.Load(ci + j);
                    if (bias != null)
                        sum += Vector128.Load(bias + j);
                    sum.Store(ci + j);
                }
            }
            for (; j < n; j++)
            {
                float* pa = ai, pb = b + j * bcs;
                float sum = 0f;
                for (int q = 0; q < k; q++, pa += acs, pb += brs)
                    sum += *pa * *pb;
                if (beta != 0f)
                    sum += beta * ci[j];
                // The bias is added to the finished sum, as the epilogue would: the same rounding, one pass less.
                ci[j] = bias == null ? sum : sum + bias[j];
            }
        }
        if (epilogue != GemmEpilogue.None)
            GemmEpilogueKernel.Apply(new GemmProblem(a, b, c, null, m, n, k, transposeA, transposeB, beta, epilogue), 0, m, 0, n);
    }
}
