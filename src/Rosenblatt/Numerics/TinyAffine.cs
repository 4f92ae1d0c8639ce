using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>The affine map <c>Z = X·W + b</c> of a tiny layer, forward and backward, each in one call without argument checks.</summary>
/// <remarks>
/// <para>For the shapes <see cref="GemmSmall"/> takes (rows · inputs · units ≤ 4096, such as XOR's 4×2·2×4) the
/// arithmetic is a few dozen multiply-adds, and the general path's cost is everything around it: five
/// products validated and dispatched one by one, a call for the bias sum and one per activation pass. Here
/// the forward pass is one call (product, bias and the activation: sigmoid, tanh, ReLU or identity), and so
/// is the backward pass: <c>dW = Xᵀ·dZ</c>, <c>db = Σ rows of dZ</c> and <c>dX = (dZ·Wᵀ) ⊙ f′</c>, the
/// derivative of the input's activation applied as each value of dX is written.</para>
/// <para>The results are the general path's bit for bit, which the tests check on random shapes: every
/// element is the same float operations in the same order. A sum starts at 0 and adds its products in
/// ascending index order (over inputs for Z, over rows for dW and db, over units for dX), then the bias;
/// a vector lane does exactly what the scalar loop does, multiply then add, never a fused multiply-add.</para>
/// <para>Internal because it trusts its caller: the spans must hold the shapes given (a layer passes its own
/// buffers), and no output may overlap an input.</para>
/// </remarks>
internal static unsafe class TinyAffine
{
    /// <summary>Whether a layer of this shape takes the tiny path: exactly when <see cref="GemmSmall"/> would run all three of its products.</summary>
    public static bool Handles(int rows, int inputs, int units) => GemmSmall.Handles(rows, units, inputs);

    /// <summary>Forward: <c>z[r, j] = Σ_q x[r, q]·w[q, j] + b[j]</c>, then <c>a = f(z)</c> for the elementwise activations it knows.</summary>
    /// <param name="x">rows × inputs, row-major.</param>
    /// <param name="w">inputs × units, row-major.</param>
    /// <param name="bias">units values.</param>
    /// <param name="z">rows × units, overwritten with the weighted sums (for ReLU, pass <paramref name="a"/>: only <c>max(z, 0)</c> is kept).</param>
    /// <param name="a">rows × units, overwritten with the activations.</param>
    /// <param name="rows">The batch size.</param>
    /// <param name="inputs">Columns of x.</param>
    /// <param name="units">Columns of z.</param>
    /// <param name="activation">f; for <see cref="TinyActivation.Other"/> only z is written.</param>
    /// <returns>Whether <paramref name="a"/> was written; false for <see cref="TinyActivation.Other"/>, whose kernel the caller runs.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Span<float> z, Span<float> a,
        int rows, int inputs, int units, TinyActivation activation)
    {
        fixed (float* px = x, pw = w, pb = bias, pz = z)
        {
            for (int r = 0; r < rows; r++)
            {
                float* xr = px + (nint)r * inputs, zr = pz + (nint)r * units;
                int j = 0;
                if (Vector128.IsHardwareAccelerated)
                {
                    for (; j <= units - 4; j += 4)
                    {
                        var sum = Vector128<float>.Zero;
                        float* wq = pw + j;
                        for (int q = 0; q < inputs; q++, wq += units)
                            sum += Vector128.Create(xr[q]) * Vector128.Load(wq);
                        (sum + Vector128.Load(pb + j)).Store(zr + j);
                    }
                }
                for (; j < units; j++)
                {
                    float sum = 0f;
                    float* wq = pw + j;
                    for (int q = 0; q < inputs; q++, wq += units)
                        sum += xr[q] * *wq;
                    zr[j] = sum + pb[j];
                }
            }
        }
        int n = rows * units;
        switch (activation)
        {
            case TinyActivation.Sigmoid:
                Sigmoid(z[..n], a[..n]);
                return true;
            case TinyActivation.Relu:
                // The GEMM epilogue's max(z, 0), IEEE maximum as TensorPrimitives.Max: NaN stays NaN.
                for (int i = 0; i < n; i++)
                    a[i] = MathF.Max(z[i], 0f);
                return true;
            case TinyActivation.Tanh:
                TensorPrimitives.Tanh(z[..n], a[..n]); // what Tanh's own kernel calls
                return true;
            case TinyActivation.Identity:
                z[..n].CopyTo(a);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The logistic sigmoid <c>1 / (1 + e^(−z))</c> with the bits of <see cref="TensorPrimitives.Sigmoid{T}(ReadOnlySpan{T}, Span{T})"/>,
    /// which the <c>Sigmoid</c> activation uses, at a fraction of its cost on a few values just written.</summary>
    /// <remarks>
    /// <para>TensorPrimitives computes a span of at least one Vector128 entirely with the vector exp (its last,
    /// partial vector overlapping the one before), and a shorter span with the scalar <see cref="MathF.Exp"/>; the
    /// vector exp gives each lane the same bits at any width. So does this, which tests check on every length.</para>
    /// <para>Each group of four is read as four scalars: z was written a moment ago by narrower stores, and a
    /// wide load spanning several of them cannot be forwarded from the store buffer; it waits for the stores to
    /// reach the cache, which took longer than the exp itself (about 25 ns per call on the 2-4-1 network).</para>
    /// </remarks>
    private static void Sigmoid(ReadOnlySpan<float> z, Span<float> a)
    {
        int n = z.Length;
        if (!Vector128.IsHardwareAccelerated || n < Vector128<float>.Count)
        {
            for (int i = 0; i < n; i++)
                a[i] = 1f / (1f + MathF.Exp(-z[i]));
            return;
        }
        ref float pz = ref MemoryMarshal.GetReference(z);
        ref float pa = ref MemoryMarshal.GetReference(a);
        int k = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; k <= n - Vector512<float>.Count; k += Vector512<float>.Count)
            {
                var v = Vector512.Create(
                    Vector256.Create(Four(ref Unsafe.Add(ref pz, k)), Four(ref Unsafe.Add(ref pz, k + 4))),
                    Vector256.Create(Four(ref Unsafe.Add(ref pz, k + 8)), Four(ref Unsafe.Add(ref pz, k + 12))));
                (Vector512<float>.One / (Vector512<float>.One + Vector512.Exp(-v))).StoreUnsafe(ref pa, (nuint)k);
            }
        }
        if (Vector256.IsHardwareAccelerated)
        {
            for (; k <= n - Vector256<float>.Count; k += Vector256<float>.Count)
            {
                var v = Vector256.Create(Four(ref Unsafe.Add(ref pz, k)), Four(ref Unsafe.Add(ref pz, k + 4)));
                (Vector256<float>.One / (Vector256<float>.One + Vector256.Exp(-v))).StoreUnsafe(ref pa, (nuint)k);
            }
        }
        for (; k < n; k += Vector128<float>.Count)
        {
            k = Math.Min(k, n - Vector128<float>.Count); // the last group overlaps the one before
            (Vector128<float>.One / (Vector128<float>.One + Vector128.Exp(-Four(ref Unsafe.Add(ref pz, k))))).StoreUnsafe(ref pa, (nuint)k);
        }
    }

    /// <summary>Four consecutive values read one by one (see <see cref="Sigmoid"/> for why).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Four(ref float p) =>
        Vector128.Create(p, Unsafe.Add(ref p, 1), Unsafe.Add(ref p, 2), Unsafe.Add(ref p, 3));

    /// <summary>Backward: <c>dW = Xᵀ·dZ</c> and <c>db = Σ_r dZ[r]</c> (both overwritten) and, when <paramref name="dx"/> is not empty,
    /// <c>dX = (dZ·Wᵀ) ⊙ f′</c> with f the activation that produced <paramref name="x"/>.</summary>
    /// <param name="x">The forward pass's input, rows × inputs: the activations <c>a</c> of the layer below.</param>
    /// <param name="w">inputs × units.</param>
    /// <param name="dz">dL/dZ, rows × units.</param>
    /// <param name="dw">inputs × units, overwritten.</param>
    /// <param name="db">units values, overwritten.</param>
    /// <param name="dx">rows × inputs, overwritten with dL/dZ of the layer below; empty to skip (the first layer).</param>
    /// <param name="inputActivation">The activation that produced <paramref name="x"/>; not <see cref="TinyActivation.Other"/> when <paramref name="dx"/> is used.</param>
    /// <param name="rows">The batch size.</param>
    /// <param name="inputs">Columns of x.</param>
    /// <param name="units">Columns of dZ.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> dz, Span<float> dw, Span<float> db,
        Span<float> dx, TinyActivation inputActivation, int rows, int inputs, int units)
    {
        fixed (float* px = x, pw = w, pdz = dz, pdw = dw, pdb = db, pdx = dx)
        {
            ParameterGradients(px, pdz, pdw, pdb, rows, inputs, units);
            if (!dx.IsEmpty)
                InputGradient(pdz, pw, px, pdx, rows, inputs, units, inputActivation);
        }
    }

    /// <summary>db[j] = Σ_r dz[r, j] and dW[p, j] = Σ_r x[r, p]·dz[r, j], each a sum from 0 over the rows in order.</summary>
    private static void ParameterGradients(float* x, float* dz, float* dw, float* db, int rows, int inputs, int units)
    {
        int j = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // Four units at a time: a row of dW is contiguous.
            for (; j <= units - 4; j += 4)
            {
                var bias = Vector128<float>.Zero;
                for (int r = 0; r < rows; r++)
                    bias += Vector128.Load(dz + (nint)r * units + j);
                bias.Store(db + j);
                for (int p = 0; p < inputs; p++)
                {
                    var sum = Vector128<float>.Zero;
                    for (int r = 0; r < rows; r++)
                        sum += Vector128.Create(x[(nint)r * inputs + p]) * Vector128.Load(dz + (nint)r * units + j);
                    sum.Store(dw + (nint)p * units + j);
                }
            }
        }
        for (; j < units; j++)
        {
            float bias = 0f;
            for (int r = 0; r < rows; r++)
                bias += dz[(nint)r * units + j];
            db[j] = bias;
            int p = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                // The remaining units one at a time, four inputs at once: a row of x is contiguous.
                for (; p <= inputs - 4; p += 4)
                {
                    var sum = Vector128<float>.Zero;
                    for (int r = 0; r < rows; r++)
                        sum += Vector128.Load(x + (nint)r * inputs + p) * Vector128.Create(dz[(nint)r * units + j]);
                    Store(sum, dw + (nint)p * units + j, units);
                }
            }
            for (; p < inputs; p++)
            {
                float sum = 0f;
                for (int r = 0; r < rows; r++)
                    sum += x[(nint)r * inputs + p] * dz[(nint)r * units + j];
                dw[(nint)p * units + j] = sum;
            }
        }
    }

    /// <summary>dx[r, p] = f′(a[r, p]) · Σ_j dz[r, j]·w[p, j], the sum from 0 over the units in order, f′ from the activation's output a.</summary>
    private static void InputGradient(float* dz, float* w, float* a, float* dx, int rows, int inputs, int units, TinyActivation activation)
    {
        for (int r = 0; r < rows; r++)
        {
            float* g = dz + (nint)r * units, ar = a + (nint)r * inputs, dxr = dx + (nint)r * inputs;
            int p = 0;
            if (Vector128.IsHardwareAccelerated)
            {
                // Four inputs at once; their weights for unit j are column j of W, every units-th value.
                for (; p <= inputs - 4; p += 4)
                {
                    var sum = Vector128<float>.Zero;
                    float* wj = w + (nint)p * units;
                    for (int j = 0; j < units; j++, wj++)
                        sum += Vector128.Create(g[j]) * Load(wj, units);
                    var ap = Vector128.Load(ar + p);
                    (activation switch
                    {
                        TinyActivation.Sigmoid => sum * (ap * (Vector128<float>.One - ap)),
                        TinyActivation.Tanh => sum * (Vector128<float>.One - ap * ap),
                        TinyActivation.Relu => Vector128.ConditionalSelect(Vector128.GreaterThan(ap, Vector128<float>.Zero), sum, Vector128<float>.Zero),
                        _ => sum,
                    }).Store(dxr + p);
                }
            }
            for (; p < inputs; p++)
            {
                float sum = 0f;
                float* wp = w + (nint)p * units;
                for (int j = 0; j < units; j++)
                    sum += g[j] * wp[j];
                float av = ar[p];
                dxr[p] = activation switch
                {
                    TinyActivation.Sigmoid => sum * (av * (1f - av)),
                    TinyActivation.Tanh => sum * (1f - av * av),
                    TinyActivation.Relu => av > 0f ? sum : 0f,
                    _ => sum,
                };
            }
        }
    }

    /// <summary>Four values <paramref name="stride"/> apart, from <paramref name="p"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> Load(float* p, int stride) =>
        stride == 1 ? Vector128.Load(p) : Vector128.Create(p[0], p[stride], p[2 * stride], p[3 * stride]);

    /// <summary>Stores four values <paramref name="stride"/> apart, from <paramref name="p"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector128<float> v, float* p, int stride)
    {
        if (stride == 1)
        {
            v.Store(p);
            return;
        }
        p[0] = v.GetElement(0);
        p[stride] = v.GetElement(1);
        p[2 * stride] = v.GetElement(2);
        p[3 * stride] = v.GetElement(3);
    }
}
