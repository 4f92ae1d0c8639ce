using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>Products with a shallow inner dimension (k ≤ 16, e.g. dL/dH = dZ·Wᵀ behind a 10-class output layer):
/// each row of C straight from k broadcasts of A and a packed copy of B.</summary>
/// <remarks>
/// <para>Why: with k = 10 the blocked path spends its time packing and on the loads and stores of its 12×16 tiles,
/// not on arithmetic; an MNIST step's dH ran at about 63 GFLOP/s there, no faster than OpenBLAS. Here B is packed
/// once (k × n floats) and each row of C is 64 columns of accumulators held in registers for all of k.</para>
/// <para>The bits are the blocked path's: k fits one depth block, so there each element is one chain of fused
/// multiply-adds over k in order, starting from zero, stored as is; here too. So it is used only when the FMA
/// kernels run (the portable kernel multiplies then adds), for beta = 0, on one thread.</para>
/// </remarks>
internal static unsafe class GemmShallow
{
    /// <summary>The deepest product taken here.</summary>
    public const int MaxDepth = 16;

    // Tests turn this path off to compare it with the blocked one.
    internal static bool s_disabled;

    [ThreadStatic] private static float[]? t_packB;

    /// <summary>Whether this path computes the product: shallow, overwriting C, and with the FMA kernels active.</summary>
    public static bool Handles(int k, float beta) => k <= MaxDepth && beta == 0f && GemmMicroKernel.UsesFma && !s_disabled;

    /// <summary>C = op(A)·op(B), then bias and epilogue as the blocked path applies them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(in GemmProblem p)
    {
        int m = p.M, n = p.N, k = p.K;
        int padded = (n + 7) & ~7;
        // Locals, so the loops below never reload a field through the problem's reference after a store to C.
        float* pa = p.A, pb = p.B, pc = p.C;
        long aRow = p.ARowStride, aStep = p.AColStride, bRow = p.BRowStride, bCol = p.BColStride;
        if (t_packB is null || t_packB.Length < k * padded)
            t_packB = GC.AllocateUninitializedArray<float>(Math.Max(k * padded, MaxDepth * 256), pinned: true);
        fixed (float* packed = t_packB)
        {
            // B as k rows of n values, whatever its stored layout; the padding columns are never stored to C.
            for (int q = 0; q < k; q++)
            {
                float* row = packed + q * padded;
                for (int j = 0; j < n; j++)
                    row[j] = pb[q * bRow + j * bCol];
                for (int j = n; j < padded; j++)
                    row[j] = 0f;
            }
            int i = 0;
            // Two rows at a time: eight independent chains of k fused multiply-adds hide the FMA latency, and each
            // packed B vector loaded serves both rows.
            for (; i + 2 <= m; i += 2)
            {
                float* a0 = pa + i * aRow, a1 = a0 + aRow;
                float* c0 = pc + (long)i * n, c1 = c0 + n;
                int j = 0;
                for (; j + 32 <= n; j += 32)
                {
                    Vector256<float> r00 = default, r01 = default, r02 = default, r03 = default;
                    Vector256<float> r10 = default, r11 = default, r12 = default, r13 = default;
                    float* b = packed + j;
                    for (int q = 0; q < k; q++, b += padded)
                    {
                        var b0 = Vector256.Load(b);
                        var b1 = Vector256.Load(b + 8);
                        var b2 = Vector256.Load(b + 16);
                        var b3 = Vector256.Load(b + 24);
                        var x0 = Vector256.Create(a0[q * aStep]);
                        var x1 = Vector256.Create(a1[q * aStep]);
                        r00 = Vector256.FusedMultiplyAdd(x0, b0, r00);
                        r01 = Vector256.FusedMultiplyAdd(x0, b1, r01);
                        r02 = Vector256.FusedMultiplyAdd(x0, b2, r02);
                        r03 = Vector256.FusedMultiplyAdd(x0, b3, r03);
                        r10 = Vector256.FusedMultiplyAdd(x1, b0, r10);
                        r11 = Vector256.FusedMultiplyAdd(x1, b1, r11);
                        r12 = Vector256.FusedMultiplyAdd(x1, b2, r12);
                        r13 = Vector256.FusedMultiplyAdd(x1, b3, r13);
                    }
                    r00.Store(c0 + j);
                    r01.Store(c0 + j + 8);
                    r02.Store(c0 + j + 16);
                    r03.Store(c0 + j + 24);
                    r10.Store(c1 + j);
                    r11.Store(c1 + j + 8);
                    r12.Store(c1 + j + 16);
                    r13.Store(c1 + j + 24);
                }
                Tail(a0, c0, packed, padded, k, n, j, aStep);
                Tail(a1, c1, packed, padded, k, n, j, aStep);
            }
            if (i < m)
                Tail(pa + i * aRow, pc + (long)i * n, packed, padded, k, n, 0, aStep);
        }
        GemmEpilogueKernel.Apply(p, 0, m, 0, n);
    }

    /// <summary>Columns from <paramref name="j"/> on of one row of C: eight at a time, then one at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tail(float* a, float* c, float* packed, int padded, int k, int n, int j, long aStep)
    {
        for (; j + 8 <= n; j += 8)
        {
            Vector256<float> r = default;
            float* b = packed + j;
            for (int q = 0; q < k; q++, b += padded)
                r = Vector256.FusedMultiplyAdd(Vector256.Create(a[q * aStep]), Vector256.Load(b), r);
            r.Store(c + j);
        }
        for (; j < n; j++)
        {
            float acc = 0f;
            for (int q = 0; q < k; q++)
                acc = MathF.FusedMultiplyAdd(a[q * aStep], packed[q * padded + j], acc);
            c[j] = acc;
        }
    }
}
