using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rosenblatt.Numerics;

/// <summary>The AVX-512 kernel: a 12×16 block of C, two 6-row tiles of <see cref="GemmMicroKernel"/> at once.</summary>
/// <remarks>
/// <para>One 512-bit register holds a whole 16-column row of a B panel, so 12 rows give 12 independent
/// accumulators: enough to keep both FMA pipes busy, and twice the work per instruction of the AVX2 kernel.</para>
/// <para>Same arithmetic, element by element, as two calls of the 6×16 kernel: each C element is one
/// accumulator that starts at 0 and takes one fused multiply-add per k step, in k order, and the store
/// modes add exactly as <see cref="GemmMicroKernel"/>'s. So results are bit-identical whichever kernel
/// runs, and the thread partition stays invisible.</para>
/// </remarks>
internal static unsafe class GemmWideKernel
{
    /// <summary>Rows of C per call.</summary>
    public const int Rows = 2 * GemmMicroKernel.MR;

    private const int NR = GemmMicroKernel.NR;

    /// <summary>True when this kernel runs (AVX-512 hardware, accelerated 512-bit vectors, not forced off).</summary>
    public static bool IsActive => Avx512F.IsSupported && Vector512.IsHardwareAccelerated && !GemmMicroKernel.s_forcePortable && !s_disabled;

    // Tests flip this to compare against the 6×16 kernel on a machine that has AVX-512.
    internal static bool s_disabled;

    /// <summary>12 rows whose 6-value groups of one k step are contiguous: rows 0–5 at <paramref name="top"/>, rows 6–11 at
    /// <paramref name="bottom"/>, both advancing <paramref name="aStep"/> per k step (two packed panels, or Aᵀ read in place).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, float* top, float* bottom, long aStep, float* b, float* c, int ldc, int nr, int mode, float beta)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector512<float> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> bv = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(top[0]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(top[1]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(top[2]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(top[3]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(top[4]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(top[5]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(bottom[0]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(bottom[1]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(bottom[2]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(bottom[3]), bv, c9);
            c10 = Avx512F.FusedMultiplyAdd(Vector512.Create(bottom[4]), bv, c10);
            c11 = Avx512F.FusedMultiplyAdd(Vector512.Create(bottom[5]), bv, c11);
            top += aStep;
            bottom += aStep;
            b += NR;
        }
        Store(c, ldc, nr, mode, beta, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11);
    }

    /// <summary>12 rows of A read in place, row-major: row r at <paramref name="a"/> + r·<paramref name="lda"/>, contiguous in k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunRows(int kc, float* a, long lda, float* b, float* c, int ldc, int nr, int mode, float beta)
    {
        float* a0 = a, a1 = a0 + lda, a2 = a1 + lda, a3 = a2 + lda, a4 = a3 + lda, a5 = a4 + lda;
        float* a6 = a5 + lda, a7 = a6 + lda, a8 = a7 + lda, a9 = a8 + lda, a10 = a9 + lda, a11 = a10 + lda;
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector512<float> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> bv = Vector512.Load(b);
            c0 = Avx512F.FusedMultiplyAdd(Vector512.Create(a0[p]), bv, c0);
            c1 = Avx512F.FusedMultiplyAdd(Vector512.Create(a1[p]), bv, c1);
            c2 = Avx512F.FusedMultiplyAdd(Vector512.Create(a2[p]), bv, c2);
            c3 = Avx512F.FusedMultiplyAdd(Vector512.Create(a3[p]), bv, c3);
            c4 = Avx512F.FusedMultiplyAdd(Vector512.Create(a4[p]), bv, c4);
            c5 = Avx512F.FusedMultiplyAdd(Vector512.Create(a5[p]), bv, c5);
            c6 = Avx512F.FusedMultiplyAdd(Vector512.Create(a6[p]), bv, c6);
            c7 = Avx512F.FusedMultiplyAdd(Vector512.Create(a7[p]), bv, c7);
            c8 = Avx512F.FusedMultiplyAdd(Vector512.Create(a8[p]), bv, c8);
            c9 = Avx512F.FusedMultiplyAdd(Vector512.Create(a9[p]), bv, c9);
            c10 = Avx512F.FusedMultiplyAdd(Vector512.Create(a10[p]), bv, c10);
            c11 = Avx512F.FusedMultiplyAdd(Vector512.Create(a11[p]), bv, c11);
            b += NR;
        }
        Store(c, ldc, nr, mode, beta, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, int ldc, int nr, int mode, float beta,
        Vector512<float> c0, Vector512<float> c1, Vector512<float> c2, Vector512<float> c3,
        Vector512<float> c4, Vector512<float> c5, Vector512<float> c6, Vector512<float> c7,
        Vector512<float> c8, Vector512<float> c9, Vector512<float> c10, Vector512<float> c11)
    {
        if (nr == NR)
        {
            var vb = Vector512.Create(beta);
            StoreRow(c, c0, mode, vb);
            StoreRow(c + ldc, c1, mode, vb);
            StoreRow(c + 2 * ldc, c2, mode, vb);
            StoreRow(c + 3 * ldc, c3, mode, vb);
            StoreRow(c + 4 * ldc, c4, mode, vb);
            StoreRow(c + 5 * ldc, c5, mode, vb);
            StoreRow(c + 6 * ldc, c6, mode, vb);
            StoreRow(c + 7 * ldc, c7, mode, vb);
            StoreRow(c + 8 * ldc, c8, mode, vb);
            StoreRow(c + 9 * ldc, c9, mode, vb);
            StoreRow(c + 10 * ldc, c10, mode, vb);
            StoreRow(c + 11 * ldc, c11, mode, vb);
            return;
        }

        float* tile = stackalloc float[Rows * NR];
        c0.Store(tile); c1.Store(tile + 16); c2.Store(tile + 32); c3.Store(tile + 48);
        c4.Store(tile + 64); c5.Store(tile + 80); c6.Store(tile + 96); c7.Store(tile + 112);
        c8.Store(tile + 128); c9.Store(tile + 144); c10.Store(tile + 160); c11.Store(tile + 176);
        GemmMicroKernel.StoreEdge(tile, c, ldc, Rows, nr, mode, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector512<float> acc, int mode, Vector512<float> beta)
    {
        if (mode == GemmMicroKernel.Accumulate)
            acc = Vector512.Load(c) + acc;
        else if (mode == GemmMicroKernel.ScaleAndAdd)
            acc += beta * Vector512.Load(c); // multiply then add, as the 6×16 kernel and the scalar edge store
        else if (mode == GemmMicroKernel.Descend)
        {
            if (!Vector512.EqualsAll(acc - acc, Vector512<float>.Zero))
                GemmMicroKernel.t_nonFinite = true;
            acc = acc * beta + Vector512.Load(c);
        }
        acc.Store(c);
    }
}
