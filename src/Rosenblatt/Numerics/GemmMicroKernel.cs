using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Rosenblatt.Numerics;

/// <summary>The register-tiled inner kernels: a 6×16 block of C from packed panels of A and B.</summary>
/// <remarks>
/// Packed A holds 6 values per k step (one per row), packed B 16 per k step (one per column), both
/// zero-padded at the matrix edge, so the kernel always computes a full 6×16 tile and only the store
/// looks at the real tile size. Each element is one accumulator updated once per k step in k order,
/// which is what makes results independent of blocking over M and N (and so of the thread count).
/// Store modes: 0 = overwrite C, 1 = C = acc + beta·C, 2 = C = C + acc (later k blocks), 3 = C = acc·beta + C
/// (a plain SGD step fused into the weight gradient's product: C is the weights, beta is −lr; a non-finite
/// acc sets <see cref="t_nonFinite"/>).
/// </remarks>
internal static unsafe class GemmMicroKernel
{
    public const int MR = 6;
    public const int NR = 16;

    public const int Overwrite = 0;
    public const int ScaleAndAdd = 1;
    public const int Accumulate = 2;
    public const int Descend = 3;

    /// <summary>Set by a <see cref="Descend"/> store that met a NaN or ±∞ gradient on this thread; the caller clears and reads it.</summary>
    [ThreadStatic] internal static bool t_nonFinite;

    /// <summary>True when the AVX2+FMA kernel runs; the portable one is used otherwise.</summary>
    public static bool UsesFma => Fma.IsSupported && Avx.IsSupported && !s_forcePortable;

    // Tests flip this to exercise the fallback kernel on a machine that has FMA.
    internal static bool s_forcePortable;

    /// <summary>Tile from A whose six row values of one k step are contiguous, k steps <paramref name="aStep"/> apart:
    /// a packed panel (aStep = 6) or Aᵀ read in place (aStep = m; the six rows must all exist).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Run(int kc, float* a, long aStep, float* b, float* c, int ldc, int mr, int nr, int mode, float beta)
    {
        if (UsesFma)
            Fma6x16(kc, a, aStep, b, c, ldc, mr, nr, mode, beta);
        else
            Portable6x16(kc, a, aStep, 1, b, c, ldc, mr, nr, mode, beta);
    }

    /// <summary>Tile from A read in place, row-major: row r at <paramref name="a"/> + r·<paramref name="lda"/>, contiguous in k.</summary>
    /// <remarks>For few column panels, packing A costs as much as the arithmetic; rows past <paramref name="mr"/> re-read row 0.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void RunRows(int kc, float* a, long lda, float* b, float* c, int ldc, int mr, int nr, int mode, float beta)
    {
        if (UsesFma)
            Fma6x16Rows(kc, a, lda, b, c, ldc, mr, nr, mode, beta);
        else
            Portable6x16(kc, a, 1, lda, b, c, ldc, mr, nr, mode, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fma6x16(int kc, float* a, long aStep, float* b, float* c, int ldc, int mr, int nr, int mode, float beta)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> x = Avx.BroadcastScalarToVector256(a);
            c00 = Fma.MultiplyAdd(x, b0, c00);
            c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Avx.BroadcastScalarToVector256(a + 1);
            c10 = Fma.MultiplyAdd(x, b0, c10);
            c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Avx.BroadcastScalarToVector256(a + 2);
            c20 = Fma.MultiplyAdd(x, b0, c20);
            c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Avx.BroadcastScalarToVector256(a + 3);
            c30 = Fma.MultiplyAdd(x, b0, c30);
            c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Avx.BroadcastScalarToVector256(a + 4);
            c40 = Fma.MultiplyAdd(x, b0, c40);
            c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Avx.BroadcastScalarToVector256(a + 5);
            c50 = Fma.MultiplyAdd(x, b0, c50);
            c51 = Fma.MultiplyAdd(x, b1, c51);
            a += aStep;
            b += NR;
        }
        Store(c, ldc, mr, nr, mode, beta, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fma6x16Rows(int kc, float* a, long lda, float* b, float* c, int ldc, int mr, int nr, int mode, float beta)
    {
        float* a0 = a;
        float* a1 = mr > 1 ? a0 + lda : a0;
        float* a2 = mr > 2 ? a1 + lda : a0;
        float* a3 = mr > 3 ? a2 + lda : a0;
        float* a4 = mr > 4 ? a3 + lda : a0;
        float* a5 = mr > 5 ? a4 + lda : a0;
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Avx.LoadVector256(b);
            Vector256<float> b1 = Avx.LoadVector256(b + 8);
            Vector256<float> x = Avx.BroadcastScalarToVector256(a0 + p);
            c00 = Fma.MultiplyAdd(x, b0, c00);
            c01 = Fma.MultiplyAdd(x, b1, c01);
            x = Avx.BroadcastScalarToVector256(a1 + p);
            c10 = Fma.MultiplyAdd(x, b0, c10);
            c11 = Fma.MultiplyAdd(x, b1, c11);
            x = Avx.BroadcastScalarToVector256(a2 + p);
            c20 = Fma.MultiplyAdd(x, b0, c20);
            c21 = Fma.MultiplyAdd(x, b1, c21);
            x = Avx.BroadcastScalarToVector256(a3 + p);
            c30 = Fma.MultiplyAdd(x, b0, c30);
            c31 = Fma.MultiplyAdd(x, b1, c31);
            x = Avx.BroadcastScalarToVector256(a4 + p);
            c40 = Fma.MultiplyAdd(x, b0, c40);
            c41 = Fma.MultiplyAdd(x, b1, c41);
            x = Avx.BroadcastScalarToVector256(a5 + p);
            c50 = Fma.MultiplyAdd(x, b0, c50);
            c51 = Fma.MultiplyAdd(x, b1, c51);
            b += NR;
        }
        Store(c, ldc, mr, nr, mode, beta, c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(float* c, int ldc, int mr, int nr, int mode, float beta,
        Vector256<float> c00, Vector256<float> c01, Vector256<float> c10, Vector256<float> c11,
        Vector256<float> c20, Vector256<float> c21, Vector256<float> c30, Vector256<float> c31,
        Vector256<float> c40, Vector256<float> c41, Vector256<float> c50, Vector256<float> c51)
    {
        if (mr == MR && nr == NR)
        {
            var vb = Vector256.Create(beta);
            StoreRow(c, c00, c01, mode, vb);
            StoreRow(c + ldc, c10, c11, mode, vb);
            StoreRow(c + 2 * ldc, c20, c21, mode, vb);
            StoreRow(c + 3 * ldc, c30, c31, mode, vb);
            StoreRow(c + 4 * ldc, c40, c41, mode, vb);
            StoreRow(c + 5 * ldc, c50, c51, mode, vb);
            return;
        }

        float* tile = stackalloc float[MR * NR];
        Avx.Store(tile, c00); Avx.Store(tile + 8, c01);
        Avx.Store(tile + 16, c10); Avx.Store(tile + 24, c11);
        Avx.Store(tile + 32, c20); Avx.Store(tile + 40, c21);
        Avx.Store(tile + 48, c30); Avx.Store(tile + 56, c31);
        Avx.Store(tile + 64, c40); Avx.Store(tile + 72, c41);
        Avx.Store(tile + 80, c50); Avx.Store(tile + 88, c51);
        StoreEdge(tile, c, ldc, mr, nr, mode, beta);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow(float* c, Vector256<float> lo, Vector256<float> hi, int mode, Vector256<float> beta)
    {
        if (mode == Accumulate)
        {
            lo = Avx.LoadVector256(c) + lo;
            hi = Avx.LoadVector256(c + 8) + hi;
        }
        else if (mode == ScaleAndAdd)
        {
            // Separate multiply and add (no FMA) so the scalar edge store rounds identically.
            lo += beta * Avx.LoadVector256(c);
            hi += beta * Avx.LoadVector256(c + 8);
        }
        else if (mode == Descend)
        {
            // x − x is 0 for finite x and NaN otherwise. Multiply then add: TensorPrimitives.MultiplyAdd's bits.
            if (!Vector256.EqualsAll((lo - lo) + (hi - hi), Vector256<float>.Zero))
                t_nonFinite = true;
            lo = lo * beta + Avx.LoadVector256(c);
            hi = hi * beta + Avx.LoadVector256(c + 8);
        }
        Avx.Store(c, lo);
        Avx.Store(c + 8, hi);
    }

    /// <summary>Stores the valid mr×nr corner of a computed tile with the same arithmetic as the full-tile store.</summary>
    public static void StoreEdge(float* tile, float* c, int ldc, int mr, int nr, int mode, float beta)
    {
        for (int r = 0; r < mr; r++)
        {
            float* src = tile + r * NR;
            float* dst = c + r * ldc;
            for (int j = 0; j < nr; j++)
            {
                if (mode == Descend && !float.IsFinite(src[j]))
                    t_nonFinite = true;
                dst[j] = mode switch
                {
                    Accumulate => dst[j] + src[j],
                    ScaleAndAdd => src[j] + beta * dst[j],
                    Descend => src[j] * beta + dst[j],
                    _ => src[j],
                };
            }
        }
    }

    /// <summary>Fallback for CPUs without AVX2/FMA: same packing and tile, Vector128 multiply then add.</summary>
    /// <remarks>A value of row r at k step q is a[q·aStep + r·rowStride]; rowStride 0 re-reads row 0 for padding rows.</remarks>
    private static void Portable6x16(int kc, float* a, long aStep, long rowStride, float* b, float* c, int ldc, int mr, int nr, int mode, float beta)
    {
        float* tile = stackalloc float[MR * NR];
        for (int r = 0; r < MR; r++)
        {
            Vector128<float> s0 = default, s1 = default, s2 = default, s3 = default;
            float* pa = a + (r < mr ? r * rowStride : 0);
            float* pb = b;
            for (int p = 0; p < kc; p++)
            {
                var x = Vector128.Create(*pa);
                s0 += x * Vector128.Load(pb);
                s1 += x * Vector128.Load(pb + 4);
                s2 += x * Vector128.Load(pb + 8);
                s3 += x * Vector128.Load(pb + 12);
                pa += aStep;
                pb += NR;
            }
            float* t = tile + r * NR;
            s0.Store(t);
            s1.Store(t + 4);
            s2.Store(t + 8);
            s3.Store(t + 12);
        }
        StoreEdge(tile, c, ldc, mr, nr, mode, beta);
    }
}
