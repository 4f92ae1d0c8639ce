using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Rosenblatt.Numerics;

/// <summary>Kernels over a block of columns [first, end) of a row-major matrix: the share of a weight matrix that one
/// thread of a split training step owns.</summary>
/// <remarks>A column block is a run of short strided segments, one per row; calling a span kernel per segment costs
/// more than the arithmetic (784 calls of 64 values per step for MNIST's first layer), so these loop over the rows
/// themselves. Each value gets the arithmetic the whole-matrix kernels give it.</remarks>
internal static class BlockKernels
{
    /// <summary>y[r, c] = x[r, c]·alpha + y[r, c] over the block, the bits of <c>TensorPrimitives.MultiplyAdd(x, alpha, y, y)</c> on
    /// the whole matrix (a plain SGD step); false, leaving the rows from the first non-finite one on unchanged, when x holds NaN or ±∞.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool MultiplyAddIfFinite(ReadOnlySpan<float> x, float alpha, Span<float> y, int columns, int first, int end)
    {
        int rows = x.Length / columns;
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        var a = Vector256.Create(alpha);
        for (int r = 0; r < rows; r++)
        {
            nuint start = (nuint)(r * columns + first);
            int width = end - first, c = 0;
            // x − x is 0 for a finite x and NaN for NaN or ±∞: the row is checked before any of it is written.
            var bad = Vector256<float>.Zero;
            for (; c <= width - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                var v = Vector256.LoadUnsafe(ref px, start + (nuint)c);
                bad |= ~Vector256.Equals(v - v, Vector256<float>.Zero);
            }
            if (bad != Vector256<float>.Zero)
                return false;
            for (; c < width; c++)
            {
                if (!float.IsFinite(Unsafe.Add(ref px, start + (nuint)c)))
                    return false;
            }
            c = 0;
            for (; c <= width - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                nuint at = start + (nuint)c;
                (Vector256.LoadUnsafe(ref px, at) * a + Vector256.LoadUnsafe(ref py, at)).StoreUnsafe(ref py, at);
            }
            for (; c < width; c++)
            {
                ref float yv = ref Unsafe.Add(ref py, start + (nuint)c);
                yv = Unsafe.Add(ref px, start + (nuint)c) * alpha + yv;
            }
        }
        return true;
    }

    /// <summary>Whether every value of the block is finite.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllFinite(ReadOnlySpan<float> x, int columns, int first, int end)
    {
        int rows = x.Length / columns;
        for (int r = 0; r < rows; r++)
        {
            foreach (float v in x.Slice(r * columns + first, end - first))
            {
                if (!float.IsFinite(v))
                    return false;
            }
        }
        return true;
    }
}
