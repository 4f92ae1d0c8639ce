using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Numerics;

/// <summary>Kernels over the rows of a row-major matrix given as a span: bias add, column sums, softmax, argmax.</summary>
/// <remarks>
/// Every kernel takes the matrix as (x, rows, columns) with x.Length = rows · columns, the layout of
/// <see cref="Matrix"/>. They are what a dense layer needs around its <see cref="Gemm"/>: add the bias
/// row, sum the output gradient over the batch for the bias gradient, turn logits into probabilities,
/// and pick the predicted class.
/// </remarks>
public static class RowKernels
{
    /// <summary>Adds <paramref name="row"/> to every row of x: destination[r, c] = x[r, c] + row[c].</summary>
    /// <remarks>The bias step of a dense layer, broadcasting one value per output unit over the batch.</remarks>
    /// <param name="x">rows × columns values.</param>
    /// <param name="rows">Rows of x.</param>
    /// <param name="columns">Columns of x, and the length of <paramref name="row"/>.</param>
    /// <param name="row">The vector added to each row.</param>
    /// <param name="destination">rows × columns values; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">A length does not match the shape, or spans partly overlap.</exception>
    public static void AddRowVector(ReadOnlySpan<float> x, int rows, int columns, ReadOnlySpan<float> row, Span<float> destination)
    {
        CheckShape(x.Length, rows, columns, nameof(x));
        CheckShape(destination.Length, rows, columns, nameof(destination));
        ElementwiseDriver.SameLength(columns, row.Length, nameof(columns), nameof(row));
        ElementwiseDriver.NoPartialOverlap(x, destination, nameof(x));
        if (row.Overlaps(destination))
            throw Guard.Error(nameof(row), "row overlaps destination.", "keep the bias row in its own buffer.");
        for (int r = 0; r < rows; r++)
            TensorPrimitives.Add(x.Slice(r * columns, columns), row, destination.Slice(r * columns, columns));
    }

    /// <summary>Sums x over its rows into one row: destination[c] = Σ_r x[r, c], adding rows in order 0, 1, 2, ….</summary>
    /// <remarks>The bias gradient of a dense layer: ∂L/∂b = Σ over the batch of ∂L/∂z. The order is fixed so
    /// the result does not depend on threads or vector width. With <paramref name="accumulate"/> the rows are
    /// added onto the existing destination instead of onto zero (gradient accumulation).</remarks>
    /// <param name="x">rows × columns values.</param>
    /// <param name="rows">Rows of x (the batch size).</param>
    /// <param name="columns">Columns of x, and the length of <paramref name="destination"/>.</param>
    /// <param name="destination">columns values; must not overlap x.</param>
    /// <param name="accumulate">Add to destination instead of overwriting it.</param>
    /// <exception cref="ArgumentException">A length does not match the shape, or the spans overlap.</exception>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SumColumns(ReadOnlySpan<float> x, int rows, int columns, Span<float> destination, bool accumulate = false)
    {
        CheckShape(x.Length, rows, columns, nameof(x));
        ElementwiseDriver.SameLength(columns, destination.Length, nameof(columns), nameof(destination));
        if (x.Overlaps(destination))
            throw Guard.Error(nameof(destination), "destination overlaps x.", "sum into a separate buffer of `columns` values.");
        if (!accumulate)
            destination.Clear();
        SumColumnRange(x, rows, columns, 0, columns, destination);
    }

    /// <summary>Columns [<paramref name="first"/>, <paramref name="end"/>) of <see cref="SumColumns"/>, added to what
    /// <paramref name="destination"/> holds there: each column gets the same additions in the same row order as in the
    /// whole sum, so a split training step's threads reproduce its bits. Shapes are the caller's to check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void SumColumnRange(ReadOnlySpan<float> x, int rows, int columns, int first, int end, Span<float> destination)
    {
        // Column strips of 8 held in a register down all the rows: the same additions in the same row order as
        // adding row after row into destination, without a pass over destination per row.
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float pd = ref MemoryMarshal.GetReference(destination);
        int c = first;
        if (Vector256.IsHardwareAccelerated)
        {
            for (; c <= end - Vector256<float>.Count; c += Vector256<float>.Count)
            {
                var acc = Vector256.LoadUnsafe(ref pd, (nuint)c);
                for (int r = 0; r < rows; r++)
                    acc += Vector256.LoadUnsafe(ref px, (nuint)((long)r * columns + c));
                acc.StoreUnsafe(ref pd, (nuint)c);
            }
        }
        for (; c < end; c++)
        {
            float sum = destination[c];
            for (int r = 0; r < rows; r++)
                sum += x[r * columns + c];
            destination[c] = sum;
        }
    }

    /// <summary>Softmax of each row: destination[r, c] = exp(x[r, c] − max_r) / Σ_j exp(x[r, j] − max_r).</summary>
    /// <remarks>Subtracting the row maximum first changes nothing mathematically but keeps exp from overflowing
    /// on large logits (exp(89) is already infinite in float32). Each output row sums to 1.</remarks>
    /// <param name="x">rows × columns logits.</param>
    /// <param name="rows">Rows of x (one distribution per row).</param>
    /// <param name="columns">Classes per row, &gt;= 1 when rows &gt; 0.</param>
    /// <param name="destination">rows × columns probabilities; may be <paramref name="x"/> itself.</param>
    /// <exception cref="ArgumentException">A length does not match the shape, columns is 0 with rows, or spans partly overlap.</exception>
    public static void SoftmaxRows(ReadOnlySpan<float> x, int rows, int columns, Span<float> destination)
    {
        CheckShape(x.Length, rows, columns, nameof(x));
        CheckShape(destination.Length, rows, columns, nameof(destination));
        ElementwiseDriver.NoPartialOverlap(x, destination, nameof(x));
        if (rows > 0 && columns == 0)
            throw Guard.Error(nameof(columns), "columns must be >= 1 for a softmax (received 0).", "a distribution needs at least one class.");
        // A batch has many short rows (MNIST's 10 classes), where each library call costs more than its arithmetic:
        // the max and the shift are plain loops, the same bits (MathF.Max treats NaN and ±0 as TensorPrimitives.Max,
        // and subtraction is exact IEEE arithmetic). Exp, sum and divide stay per-row vector calls: the vector exp's
        // bits depend on the vector width, which depends on the span's length.
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> src = x.Slice(r * columns, columns);
            Span<float> dst = destination.Slice(r * columns, columns);
            float max = src[0];
            for (int j = 1; j < src.Length; j++)
                max = MathF.Max(max, src[j]);
            for (int j = 0; j < src.Length; j++)
                dst[j] = src[j] - max;
            TensorPrimitives.Exp(dst, dst);
            TensorPrimitives.Divide(dst, TensorPrimitives.Sum(dst), dst);
        }
    }

    /// <summary>Index of the largest value in each row (the predicted class); the first one on ties.</summary>
    /// <remarks>A NaN counts as the largest value, so a diverged row reports where its first NaN is rather than a plausible class.</remarks>
    /// <param name="x">rows × columns scores.</param>
    /// <param name="rows">Rows of x.</param>
    /// <param name="columns">Scores per row, &gt;= 1 when rows &gt; 0.</param>
    /// <param name="destination">rows indices.</param>
    /// <exception cref="ArgumentException">A length does not match the shape, or columns is 0 with rows.</exception>
    public static void ArgmaxRows(ReadOnlySpan<float> x, int rows, int columns, Span<int> destination)
    {
        CheckShape(x.Length, rows, columns, nameof(x));
        ElementwiseDriver.SameLength(rows, destination.Length, nameof(rows), nameof(destination));
        if (rows > 0 && columns == 0)
            throw Guard.Error(nameof(columns), "columns must be >= 1 for an argmax (received 0).", "each row needs at least one score.");
        for (int r = 0; r < rows; r++)
            destination[r] = TensorPrimitives.IndexOfMax(x.Slice(r * columns, columns));
    }

    private static void CheckShape(int length, int rows, int columns, string name)
    {
        Guard.AtLeast(rows, 0, nameof(rows), "rows is the number of rows of the matrix.");
        Guard.AtLeast(columns, 0, nameof(columns), "columns is the number of columns of the matrix.");
        if (length != (long)rows * columns)
            throw Guard.Error(name, $"{name} must hold rows · columns = {rows} · {columns} = {(long)rows * columns} floats (received {length}).",
                $"check rows and columns, or slice {name} to exactly the matrix.");
    }
}
