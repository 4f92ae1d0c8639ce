using System.Text;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Data.Retina;

/// <summary>A stack of binary retina images: one byte per point, 1 lit and 0 dark, image after image, row-major.</summary>
/// <remarks>
/// The Mark I's photocells were on or off, so its input is binary; one byte per point keeps MNIST's 60,000
/// cropped digits at 24 MB and lets the plugboard's sparse sum visit only the lit points.
/// </remarks>
public sealed class RetinaImages
{
    /// <summary>Wraps binary pixel data (not copied).</summary>
    /// <param name="count">Number of images, ≥ 0.</param>
    /// <param name="width">Points per row, ≥ 1.</param>
    /// <param name="height">Rows, ≥ 1.</param>
    /// <param name="pixels">count · width · height bytes, each 0 or 1.</param>
    /// <exception cref="ArgumentException">A size is out of range, the byte count does not match, or a byte is not 0 or 1.</exception>
    public RetinaImages(int count, int width, int height, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        Guard.AtLeast(count, 0, nameof(count), "pass the number of images.");
        Guard.AtLeast(width, 1, nameof(width), "a retina is at least one point wide.");
        Guard.AtLeast(height, 1, nameof(height), "a retina is at least one point high.");
        if ((long)count * width * height != pixels.Length)
            throw Guard.Error(nameof(pixels), $"pixels has {pixels.Length} bytes but {count} images of {width}×{height} need {(long)count * width * height}.",
                "pass count · width · height bytes, image after image.");
        int bad = pixels.AsSpan().IndexOfAnyExcept((byte)0, (byte)1);
        if (bad >= 0)
            throw Guard.Error(nameof(pixels), $"pixels[{bad}] is {pixels[bad]}, but a retina point is 0 (dark) or 1 (lit).",
                "binarise first, e.g. RetinaCrop.Binarise for greyscale images.");
        Count = count;
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>Points per row.</summary>
    public int Width { get; }

    /// <summary>Rows.</summary>
    public int Height { get; }

    /// <summary>Points per image, width × height.</summary>
    public int Points => Width * Height;

    /// <summary>All points (0 or 1), image after image, row-major. Not a copy.</summary>
    public byte[] Pixels { get; }

    /// <summary>The points of image <paramref name="index"/>, row-major.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">No such image.</exception>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return Pixels.AsSpan(index * Points, Points);
    }

    /// <summary>Whether point (<paramref name="row"/>, <paramref name="column"/>) of image <paramref name="index"/> is lit.</summary>
    /// <param name="index">The image.</param>
    /// <param name="row">0 to <see cref="Height"/> − 1.</param>
    /// <param name="column">0 to <see cref="Width"/> − 1.</param>
    public bool IsLit(int index, int row, int column) => Image(index)[row * Width + column] != 0;

    /// <summary>Every image as a row of 0.0/1.0 values (the <c>double[]</c> rows every classifier takes).</summary>
    public double[][] ToRows()
    {
        var rows = new double[Count][];
        for (int i = 0; i < Count; i++)
            rows[i] = Array.ConvertAll(Image(i).ToArray(), b => (double)b);
        return rows;
    }

    /// <summary>The images named by <paramref name="indices"/>, copied in that order.</summary>
    /// <param name="indices">Image indices; repeats allowed.</param>
    public RetinaImages Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var pixels = new byte[indices.Count * Points];
        for (int i = 0; i < indices.Count; i++)
            Image(indices[i]).CopyTo(pixels.AsSpan(i * Points, Points));
        return new RetinaImages(indices.Count, Width, Height, pixels);
    }

    /// <summary>Builds images from rows of numbers: a value ≥ 0.5 is lit, below it dark.</summary>
    /// <param name="rows">One row of width · height finite values per image.</param>
    /// <param name="width">Points per row.</param>
    /// <param name="height">Rows.</param>
    /// <exception cref="ArgumentException">Empty, ragged or non-finite rows, or rows of the wrong length.</exception>
    public static RetinaImages FromRows(IReadOnlyList<double[]> rows, int width, int height)
    {
        Guard.Features(rows, nameof(rows), width * height);
        var pixels = new byte[rows.Count * width * height];
        for (int i = 0; i < rows.Count; i++)
            for (int p = 0; p < width * height; p++)
                pixels[i * width * height + p] = rows[i][p] >= 0.5 ? (byte)1 : (byte)0;
        return new RetinaImages(rows.Count, width, height, pixels);
    }

    /// <summary>Image <paramref name="index"/> as text: <c>#</c> for a lit point, <c>.</c> for a dark one, one line per row.</summary>
    /// <param name="index">The image.</param>
    public string ToText(int index)
    {
        var image = Image(index);
        var text = new StringBuilder(Points + Height);
        for (int r = 0; r < Height; r++)
        {
            for (int c = 0; c < Width; c++) text.Append(image[r * Width + c] != 0 ? '#' : '.');
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>The shape, e.g. <c>RetinaImages 1000 × 20×20</c>.</summary>
    public override string ToString() => $"RetinaImages {Count} × {Width}×{Height}";
}
