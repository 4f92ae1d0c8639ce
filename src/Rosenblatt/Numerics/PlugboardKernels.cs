using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>The Mark I's two sums on binary input: A-unit sums through a sparse, fixed wiring, and R-unit responses over the active A-units.</summary>
/// <remarks>
/// <para><b>A-layer.</b> A retina of lit (1) and dark (0) points feeds each A-unit through a few wires, each +1
/// (excitatory) or −1 (inhibitory). Instead of a dense product (pixels × units, almost all zero), the wiring is held
/// pixel-major, as two compressed lists per pixel (the units it excites, the units it inhibits), and only lit
/// pixels are visited: cost ∝ lit pixels × fan-out, about 100 × 26 adds for an MNIST digit on 512 units, not
/// 400 × 512. The unit fires when its sum reaches the threshold, <c>Σ ≥ θ</c>.</para>
/// <para><b>R-layer.</b> A-unit outputs are 0 or 1, so an R-unit's response <c>b_r + Σ_a w_ar·a</c> is the bias plus
/// the sum of the weight rows of the active units: one vector add per active unit (8 R-units are one
/// <see cref="Vector256{T}"/> of floats). The error-correction rule adds ±1 to exactly the same rows.</para>
/// <para>Spans in, spans out; nothing here knows what a model is, and nothing allocates.</para>
/// </remarks>
internal static class PlugboardKernels
{
    /// <summary>Writes the index of every A-unit whose sum reaches <paramref name="threshold"/> into <paramref name="active"/>, in increasing order.</summary>
    /// <param name="retina">One byte per retina point, 0 (dark) or 1 (lit); any non-zero byte counts as lit.</param>
    /// <param name="excitatoryStart">Pixel-major offsets into <paramref name="excitatoryUnits"/>: pixel p excites units [start[p], start[p+1]).</param>
    /// <param name="excitatoryUnits">The excited unit of each excitatory wire, grouped by pixel.</param>
    /// <param name="inhibitoryStart">Offsets into <paramref name="inhibitoryUnits"/>, as for the excitatory wires.</param>
    /// <param name="inhibitoryUnits">The inhibited unit of each inhibitory wire, grouped by pixel.</param>
    /// <param name="threshold">θ: a unit fires when its sum is ≥ θ.</param>
    /// <param name="sums">Scratch of one int per A-unit; on return, each unit's sum.</param>
    /// <param name="active">At least one int per A-unit; receives the active units.</param>
    /// <returns>The number of active units written.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe int Activate(ReadOnlySpan<byte> retina, ReadOnlySpan<int> excitatoryStart, ReadOnlySpan<int> excitatoryUnits,
        ReadOnlySpan<int> inhibitoryStart, ReadOnlySpan<int> inhibitoryUnits, int threshold, Span<int> sums, Span<int> active)
    {
        if (excitatoryStart.Length <= retina.Length || inhibitoryStart.Length <= retina.Length)
            throw new ArgumentException("the fan-out offsets need one entry per retina point plus one.", nameof(excitatoryStart));
        sums.Clear();
        int pixels = retina.Length;
        // Pointer walks: the wire lists are checked once when the board is built (every unit index < sums.Length),
        // and this loop is the machine's hot path: about 1,300 scattered increments per MNIST digit.
        fixed (byte* image = retina)
        fixed (int* es = excitatoryStart, eu = excitatoryUnits, @is = inhibitoryStart, iu = inhibitoryUnits, s = sums)
        {
            int p = 0;
            for (; p <= pixels - Vector256<byte>.Count; p += Vector256<byte>.Count)
            {
                uint lit = ~Vector256.Equals(Vector256.Load(image + p), Vector256<byte>.Zero).ExtractMostSignificantBits();
                while (lit != 0)
                {
                    int q = p + BitOperations.TrailingZeroCount(lit);
                    for (int* u = eu + es[q], end = eu + es[q + 1]; u < end; u++) s[*u]++;
                    for (int* u = iu + @is[q], end = iu + @is[q + 1]; u < end; u++) s[*u]--;
                    lit &= lit - 1;
                }
            }
            for (; p < pixels; p++)
            {
                if (image[p] == 0) continue;
                for (int* u = eu + es[p], end = eu + es[p + 1]; u < end; u++) s[*u]++;
                for (int* u = iu + @is[p], end = iu + @is[p + 1]; u < end; u++) s[*u]--;
            }
        }
        return Threshold(sums, threshold, active);
    }

    /// <summary>Writes the indices i with <c>sums[i] ≥ threshold</c> into <paramref name="active"/>, in increasing order.</summary>
    /// <param name="sums">The A-unit sums.</param>
    /// <param name="threshold">θ.</param>
    /// <param name="active">At least <paramref name="sums"/>.Length ints.</param>
    /// <returns>How many were written.</returns>
    public static int Threshold(ReadOnlySpan<int> sums, int threshold, Span<int> active)
    {
        int n = 0, a = 0;
        var theta = Vector256.Create(threshold - 1);
        for (; a <= sums.Length - Vector256<int>.Count; a += Vector256<int>.Count)
        {
            uint fires = Vector256.GreaterThan(Vector256.Create(sums.Slice(a, Vector256<int>.Count)), theta).ExtractMostSignificantBits();
            while (fires != 0)
            {
                active[n++] = a + BitOperations.TrailingZeroCount(fires);
                fires &= fires - 1;
            }
        }
        for (; a < sums.Length; a++)
        {
            if (sums[a] >= threshold)
                active[n++] = a;
        }
        return n;
    }

    /// <summary>response = bias + Σ over active units a of row a of <paramref name="weights"/> (units × responses, row-major).</summary>
    /// <param name="active">The active A-units.</param>
    /// <param name="weights">One row of <paramref name="response"/>.Length weights per A-unit.</param>
    /// <param name="bias">One bias per R-unit.</param>
    /// <param name="response">Receives one response per R-unit.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Respond(ReadOnlySpan<int> active, ReadOnlySpan<float> weights, ReadOnlySpan<float> bias, Span<float> response)
    {
        int r = response.Length;
        if (r == Vector256<float>.Count)
        {
            var sum = Vector256.Create(bias);
            foreach (int a in active)
                sum += Vector256.Create(weights.Slice(a * r, r));
            sum.CopyTo(response);
            return;
        }
        bias.CopyTo(response);
        foreach (int a in active)
        {
            var row = weights.Slice(a * r, r);
            for (int k = 0; k < r; k++)
                response[k] += row[k];
        }
    }

    /// <summary>Adds <paramref name="delta"/> to the row of every active unit and to the bias: the α-system's reinforcement.</summary>
    /// <param name="active">The active A-units.</param>
    /// <param name="weights">Units × responses, row-major; updated in place.</param>
    /// <param name="bias">One bias per R-unit; updated in place.</param>
    /// <param name="delta">The change per R-unit (±increment for a corrected unit, 0 for the others).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Reinforce(ReadOnlySpan<int> active, Span<float> weights, Span<float> bias, ReadOnlySpan<float> delta)
    {
        int r = delta.Length;
        if (r == Vector256<float>.Count)
        {
            var d = Vector256.Create(delta);
            foreach (int a in active)
            {
                var row = weights.Slice(a * r, r);
                (Vector256.Create<float>(row) + d).CopyTo(row);
            }
        }
        else
        {
            foreach (int a in active)
            {
                var row = weights.Slice(a * r, r);
                for (int k = 0; k < r; k++)
                    row[k] += delta[k];
            }
        }
        for (int k = 0; k < r; k++)
            bias[k] += delta[k];
    }

    /// <summary>Subtracts <paramref name="delta"/> from every row: the γ-system's charge on all units before the active ones gain.</summary>
    /// <param name="weights">Units × responses, row-major; updated in place.</param>
    /// <param name="delta">The amount per R-unit.</param>
    public static void ChargeAll(Span<float> weights, ReadOnlySpan<float> delta)
    {
        int r = delta.Length;
        for (int a = 0; a < weights.Length; a += r)
        {
            var row = weights.Slice(a, r);
            for (int k = 0; k < r; k++)
                row[k] -= delta[k];
        }
    }
}
