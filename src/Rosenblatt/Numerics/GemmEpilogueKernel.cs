using System.Numerics.Tensors;

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
}
