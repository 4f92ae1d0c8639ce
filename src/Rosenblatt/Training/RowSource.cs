using Rosenblatt.Data;
using Rosenblatt.Numerics;

namespace Rosenblatt.Training;

/// <summary>Where the <see cref="Trainer"/> reads training rows from: it copies only the rows of one batch, never the set.</summary>
/// <remarks>Implemented by small structs so the loop is specialized per source and nothing is boxed or allocated per batch.</remarks>
internal interface IRowSource
{
    /// <summary>The number of rows (samples).</summary>
    int Rows { get; }

    /// <summary>The values per row (features).</summary>
    int Columns { get; }

    /// <summary>Copies rows <paramref name="indices"/>, in order, into <paramref name="destination"/> as float32 rows.</summary>
    void Gather(ReadOnlySpan<int> indices, Span<float> destination);
}

/// <summary>Rows of a float32 <see cref="Matrix"/>.</summary>
internal readonly struct MatrixRows(Matrix matrix) : IRowSource
{
    public int Rows => matrix.Rows;

    public int Columns => matrix.Columns;

    public Matrix Matrix => matrix;

    public void Gather(ReadOnlySpan<int> indices, Span<float> destination)
    {
        int width = matrix.Columns;
        var data = matrix.AsSpan();
        for (int i = 0; i < indices.Length; i++)
            data.Slice(indices[i] * width, width).CopyTo(destination.Slice(i * width, width));
    }
}

/// <summary>Images kept as bytes (4× smaller than float32), scaled as each batch is gathered: to [0, 1] (pixel / 255), or by a
/// fitted scaler's per-pixel table (<see cref="Preprocessing.Scaler.Transform(IdxImages, ReadOnlySpan{int}, Span{float})"/>).</summary>
internal readonly struct ImageRows(IdxImages images, Preprocessing.Scaler? scaler = null) : IRowSource
{
    private readonly float[]? _table = scaler?.PixelTable(images.PixelsPerImage);

    public int Rows => images.Count;

    public int Columns => images.PixelsPerImage;

    public void Gather(ReadOnlySpan<int> indices, Span<float> destination)
    {
        if (_table is null)
        {
            images.GatherRows(indices, destination);
            return;
        }
        int width = images.PixelsPerImage;
        for (int i = 0; i < indices.Length; i++)
            PixelKernels.Lookup(images.Image(indices[i]), _table, destination.Slice(i * width, width));
    }
}
