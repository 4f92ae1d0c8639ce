using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>The affine map <c>Z = X·W + b</c> of a tiny layer, forward and backward, each in one call without argument checks.</summary>
/// <remarks>
/// <para>For the shapes <see cref="GemmSmall"/> takes (rows · inputs · units ≤ 4096, such as XOR's 4×2·2×4) the
/// arithmetic is a few dozen multiply-adds, and the general path's cost is everything around it: five
/// products validated and dispatched one by one, a call for the bias sum and one per activation pass. Here
/// the forward pass is one call (product, bias and ReLU), and the backward pass one sweep over the rows that
/// adds each sample's share to <c>dW = Xᵀ·dZ</c> and <c>db = Σ rows of dZ</c> and writes its row of
/// <c>dX = (dZ·Wᵀ) ⊙ f′</c>, the derivative of the input's activation applied as it is written.</para>
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

    /// <summary>Forward: <c>z[r, j] = Σ_q x[r, q]·w[q, j] + b[j]</c>, then <c>max(z, 0)</c> when <paramref name="relu"/>.</summary>
    /// <param name="x">rows × inputs, row-major.</param>
    /// <param name="w">inputs × units, row-major.</param>
    /// <param name="bias">units values.</param>
    /// <param name="z">rows × units, overwritten.</param>
    /// <param name="rows">The batch size.</param>
    /// <param name="inputs">Columns of x.</param>
    /// <param name="units">Columns of z.</param>
    /// <param name="relu">Apply ReLU after the bias (IEEE maximum with 0, as the GEMM epilogue).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> x, ReadOnlySpan<float> w, ReadOnlySpan<float> bias, Span<float> z,
        int rows, int inputs, int units, bool relu)
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
                        sum += Vector128.Load(pb + j);
                        if (relu)
                            sum = Vector128.Max(sum, Vector128<float>.Zero);
                        sum.Store(zr + j);
                    }
                }
                for (; j < units; j++)
                {
                    float sum = 0f;
                    float* wq = pw + j;
                    for (int q = 0; q < inputs; q++, wq += units)
                        sum += xr[q] * *wq;
                    sum += pb[j];
                    zr[j] = relu ? MathF.Max(sum, 0f) : sum;
                }
            }
        }
    }

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
            for (int p = 0; p < inputs; p++)
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
            float* g = dz + (nint)r * units, dxr = dx + (nint)r * inputs;
            float* wp = w;
            for (int p = 0; p < inputs; p++, wp += units)
            {
                float sum = 0f;
                for (int j = 0; j < units; j++)
                    sum += g[j] * wp[j];
                dxr[p] = sum;
            }
        }
        int n = rows * inputs;
        switch (activation)
        {
            case TinyActivation.Sigmoid:
                for (int i = 0; i < n; i++)
                    dx[i] *= a[i] * (1f - a[i]);
                break;
            case TinyActivation.Tanh:
                for (int i = 0; i < n; i++)
                    dx[i] *= 1f - a[i] * a[i];
                break;
            case TinyActivation.Relu:
                for (int i = 0; i < n; i++)
                {
                    if (!(a[i] > 0f))
                        dx[i] = 0f;
                }
                break;
        }
    }
}
