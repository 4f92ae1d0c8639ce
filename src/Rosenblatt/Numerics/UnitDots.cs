using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>The scores of several linear units for one input row at once: destination[u] = weights[u, :] · x + bias[u].</summary>
/// <remarks>
/// <para>A one-vs-rest perceptron asks every unit about the same row. Computing the dot products one unit
/// after another reads x once per unit; this kernel reads each 8-float chunk of x once per group of four
/// units and keeps four accumulators in registers, so the row is streamed from memory once and the units'
/// weights (10 × 784 floats for MNIST, 31 KB) stay in the L1/L2 cache.</para>
/// <para>Summation order: each unit's lanes are summed in the fixed order of <see cref="Vector256.Sum{T}"/>
/// after the vector loop, then the tail elements in index order, then the bias. The order differs from a
/// left-to-right scalar sum, so results may differ from it in the last bits unless every partial sum is exact
/// (for example small integers), where they are equal.</para>
/// </remarks>
public static class UnitDots
{
    /// <summary>destination[u] = Σ_j weights[u·n + j]·x[j] + bias[u] for every unit u, with n = x.Length.</summary>
    /// <param name="x">The input row, n values.</param>
    /// <param name="weights">units × n weights, row-major (unit u's weights at u·n).</param>
    /// <param name="bias">One bias per unit.</param>
    /// <param name="destination">One score per unit; its length is the unit count.</param>
    /// <exception cref="ArgumentException">weights is not units × n, or bias is not one per unit.</exception>
    public static void Scores(ReadOnlySpan<float> x, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> destination)
    {
        int n = x.Length;
        int units = destination.Length;
        if (weights.Length != (long)units * n)
            throw Guard.Error(nameof(weights), $"weights holds {weights.Length} values but {units} units of {n} inputs need {(long)units * n}.",
                "pass units × x.Length weights, one row per unit.");
        if (bias.Length != units)
            throw Guard.Error(nameof(bias), $"bias holds {bias.Length} values but there are {units} units.", "pass one bias per unit.");
        int u = 0;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<float>.Count)
        {
            for (; u + 4 <= units; u += 4)
                Four(x, weights.Slice(u * n, 4 * n), bias.Slice(u, 4), destination.Slice(u, 4));
        }
        for (; u < units; u++)
            destination[u] = TensorPrimitives.Dot(x, weights.Slice(u * n, n)) + bias[u];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Four(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Span<float> destination)
    {
        int n = x.Length;
        ref float xr = ref MemoryMarshal.GetReference(x);
        ref float w0 = ref MemoryMarshal.GetReference(w);
        ref float w1 = ref Unsafe.Add(ref w0, n);
        ref float w2 = ref Unsafe.Add(ref w0, 2 * n);
        ref float w3 = ref Unsafe.Add(ref w0, 3 * n);
        var a0 = Vector256<float>.Zero;
        var a1 = Vector256<float>.Zero;
        var a2 = Vector256<float>.Zero;
        var a3 = Vector256<float>.Zero;
        int j = 0;
        int last = n - Vector256<float>.Count;
        for (; j <= last; j += Vector256<float>.Count)
        {
            var xv = Vector256.LoadUnsafe(ref xr, (nuint)j);
            a0 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w0, (nuint)j), a0);
            a1 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w1, (nuint)j), a1);
            a2 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w2, (nuint)j), a2);
            a3 = Vector256.FusedMultiplyAdd(xv, Vector256.LoadUnsafe(ref w3, (nuint)j), a3);
        }
        float s0 = Vector256.Sum(a0), s1 = Vector256.Sum(a1), s2 = Vector256.Sum(a2), s3 = Vector256.Sum(a3);
        for (; j < n; j++)
        {
            float xj = Unsafe.Add(ref xr, j);
            s0 = MathF.FusedMultiplyAdd(xj, Unsafe.Add(ref w0, j), s0);
            s1 = MathF.FusedMultiplyAdd(xj, Unsafe.Add(ref w1, j), s1);
            s2 = MathF.FusedMultiplyAdd(xj, Unsafe.Add(ref w2, j), s2);
            s3 = MathF.FusedMultiplyAdd(xj, Unsafe.Add(ref w3, j), s3);
        }
        destination[0] = s0 + bias[0];
        destination[1] = s1 + bias[1];
        destination[2] = s2 + bias[2];
        destination[3] = s3 + bias[3];
    }
}
