using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>Adds the bias row and applies the activation to a block of C right after its product.</summary>
internal static unsafe class GemmEpilogueKernel
{
    /// <remarks>Every step gives each element the same bits whatever range it is applied to (bias add and
    /// ReLU are exact; <see cref="ActivationKernels.Sigmoid"/> pads its tail into a vector), so any block split works.</remarks>
    public static void Apply(in GemmProblem p, int rowStart, int rowEnd, int colStart, int colEnd)
    {
        int width = colEnd - colStart;
        if (width <= 0 || !p.HasEpilogue)
            return;
        var bias = p.Bias == null ? default : new ReadOnlySpan<float>(p.Bias + colStart, width);
        if (p.Bias != null && p.Epilogue == GemmEpilogue.Relu)
        {
            // A dense ReLU layer's forward pass: one pass per row instead of two span calls, which on MNIST's short
            // rows (64 values per thread) cost more than the arithmetic.
            for (int r = rowStart; r < rowEnd; r++)
                BiasRelu(p.C + (long)r * p.N + colStart, p.Bias + colStart, width);
            return;
        }
        for (int r = rowStart; r < rowEnd; r++)
        {
            var row = new Span<float>(p.C + (long)r * p.N + colStart, width);
            if (p.Bias != null)
                TensorPrimitives.Add(row, bias, row);
            switch (p.Epilogue)
            {
                case GemmEpilogue.Relu:
                    TensorPrimitives.Max(row, 0f, row);
                    break;
                case GemmEpilogue.Sigmoid:
                    ActivationKernels.Sigmoid(row, row);
                    break;
            }
        }
    }

    /// <summary>row = max(row + bias, 0): the bits of <c>TensorPrimitives.Add</c> then <c>TensorPrimitives.Max(row, 0f)</c>
    /// (IEEE 754 maximum: NaN stays NaN, −0 becomes +0), which the tests check on edge values.</summary>
    internal static void BiasRelu(Span<float> row, ReadOnlySpan<float> bias)
    {
        fixed (float* pr = row, pb = bias)
            BiasRelu(pr, pb, Math.Min(row.Length, bias.Length));
    }

    /// <inheritdoc cref="BiasRelu(Span{float}, ReadOnlySpan{float})"/>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static void BiasRelu(float* row, float* bias, int width)
    {
        int c = 0;
        for (; c + Vector256<float>.Count <= width; c += Vector256<float>.Count)
        {
            var v = Vector256.Load(row + c) + Vector256.Load(bias + c);
            Vector256.Max(v, Vector256<float>.Zero).Store(row + c);
        }
        for (; c < width; c++)
            row[c] = MathF.Max(row[c] + bias[c], 0f);
    }
}
