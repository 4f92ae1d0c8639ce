using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>Adam's element-wise update of a span of weights and their moments.</summary>
/// <remarks>
/// <c>m = β₁m + (1−β₁)g</c>, <c>v = β₂v + (1−β₂)g·g</c>, <c>w −= s·m / (√v / c + ε)</c> with <c>s = lr/(1−β₁ᵗ)</c> and
/// <c>c = √(1−β₂ᵗ)</c> computed once per step by the caller. The vector paths (16 or 8 lanes) perform the scalar loop's
/// operations in the same order, without fused multiply-adds; IEEE multiplication, addition, division and square root are
/// correctly rounded, so every lane holds the scalar loop's result, bit for bit, and any split of a span gives the same bits.
/// </remarks>
internal static class AdamKernel
{
    /// <summary>Updates <paramref name="w"/>, <paramref name="m"/> and <paramref name="v"/> in place from <paramref name="g"/>.</summary>
    /// <param name="w">The weights.</param>
    /// <param name="m">The first moments, as long as <paramref name="w"/>.</param>
    /// <param name="v">The second moments, as long as <paramref name="w"/>.</param>
    /// <param name="g">The gradient, as long as <paramref name="w"/>.</param>
    /// <param name="b1">β₁.</param>
    /// <param name="b2">β₂.</param>
    /// <param name="eps">ε.</param>
    /// <param name="stepSize">lr / (1 − β₁ᵗ).</param>
    /// <param name="sqrtCorrection2">√(1 − β₂ᵗ).</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Update(Span<float> w, Span<float> m, Span<float> v, ReadOnlySpan<float> g,
        float b1, float b2, float eps, float stepSize, float sqrtCorrection2)
    {
        int n = w.Length;
        if (m.Length != n || v.Length != n || g.Length != n)
            throw new ArgumentException($"w, m, v and g must be as long (received {n}, {m.Length}, {v.Length}, {g.Length}). help: pass one moment and one gradient per weight.");
        float a1 = 1f - b1, a2 = 1f - b2;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            var vb1 = Vector512.Create(b1); var va1 = Vector512.Create(a1);
            var vb2 = Vector512.Create(b2); var va2 = Vector512.Create(a2);
            var vs = Vector512.Create(stepSize); var vc = Vector512.Create(sqrtCorrection2); var ve = Vector512.Create(eps);
            for (; i <= n - 16; i += 16)
            {
                var gi = Vector512.Create(g.Slice(i, 16));
                var mi = vb1 * Vector512.Create((ReadOnlySpan<float>)m.Slice(i, 16)) + va1 * gi;
                var vi = vb2 * Vector512.Create((ReadOnlySpan<float>)v.Slice(i, 16)) + va2 * gi * gi;
                var wi = Vector512.Create((ReadOnlySpan<float>)w.Slice(i, 16)) - vs * mi / (Vector512.Sqrt(vi) / vc + ve);
                mi.CopyTo(m.Slice(i, 16));
                vi.CopyTo(v.Slice(i, 16));
                wi.CopyTo(w.Slice(i, 16));
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var vb1 = Vector256.Create(b1); var va1 = Vector256.Create(a1);
            var vb2 = Vector256.Create(b2); var va2 = Vector256.Create(a2);
            var vs = Vector256.Create(stepSize); var vc = Vector256.Create(sqrtCorrection2); var ve = Vector256.Create(eps);
            for (; i <= n - 8; i += 8)
            {
                var gi = Vector256.Create(g.Slice(i, 8));
                var mi = vb1 * Vector256.Create((ReadOnlySpan<float>)m.Slice(i, 8)) + va1 * gi;
                var vi = vb2 * Vector256.Create((ReadOnlySpan<float>)v.Slice(i, 8)) + va2 * gi * gi;
                var wi = Vector256.Create((ReadOnlySpan<float>)w.Slice(i, 8)) - vs * mi / (Vector256.Sqrt(vi) / vc + ve);
                mi.CopyTo(m.Slice(i, 8));
                vi.CopyTo(v.Slice(i, 8));
                wi.CopyTo(w.Slice(i, 8));
            }
        }
        for (; i < n; i++)
        {
            float gi = g[i];
            m[i] = b1 * m[i] + a1 * gi;
            v[i] = b2 * v[i] + a2 * gi * gi;
            w[i] -= stepSize * m[i] / (MathF.Sqrt(v[i]) / sqrtCorrection2 + eps);
        }
    }
}
