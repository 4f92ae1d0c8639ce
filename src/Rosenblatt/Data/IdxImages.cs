using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Data;

/// <summary>A stack of greyscale images as read from an IDX file: one byte per pixel, image after image.</summary>
/// <remarks>
/// Kept as bytes because that is 4× smaller than float32: MNIST's 60,000 training images are 47 MB as
/// bytes and 188 MB as floats. Convert with <see cref="ToMatrix()"/> when training needs them, or convert
/// a slice at a time with <see cref="ToMatrix(int, int)"/>.
/// </remarks>
/// <example>
/// <code>
/// IdxImages images = IdxReader.ReadImages("train-images-idx3-ubyte.gz");
/// Matrix x = images.ToMatrix();            // 60000 × 784, values in [0, 1]
/// ReadOnlySpan&lt;byte&gt; first = images.Image(0); // 784 bytes, row-major
/// </code>
/// </example>
public sealed class IdxImages
{
    /// <summary>Wraps pixel data (not copied): <paramref name="count"/> images of <paramref name="rows"/> × <paramref name="columns"/> bytes.</summary>
    /// <param name="count">Number of images, &gt;= 0.</param>
    /// <param name="rows">Pixel rows per image, &gt;= 1.</param>
    /// <param name="columns">Pixel columns per image, &gt;= 1.</param>
    /// <param name="pixels">Exactly count · rows · columns bytes.</param>
    /// <exception cref="ArgumentException">A dimension is out of range or the pixel count does not match.</exception>
    public IdxImages(int count, int rows, int columns, byte[] pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        Guard.AtLeast(count, 0, nameof(count), "pass the number of images.");
        Guard.AtLeast(rows, 1, nameof(rows), "an image has at least one row of pixels.");
        Guard.AtLeast(columns, 1, nameof(columns), "an image has at least one column of pixels.");
        if ((long)count * rows * columns != pixels.Length)
            throw Guard.Error(nameof(pixels),
                $"pixels has {pixels.Length} bytes but {count} images of {rows}×{columns} need {(long)count * rows * columns}.",
                "pass count · rows · columns bytes, image after image.");
        Count = count;
        Rows = rows;
        Columns = columns;
        Pixels = pixels;
    }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>Pixel rows per image (28 for MNIST).</summary>
    public int Rows { get; }

    /// <summary>Pixel columns per image (28 for MNIST).</summary>
    public int Columns { get; }

    /// <summary>Pixels per image, <see cref="Rows"/> · <see cref="Columns"/>: the feature count once flattened.</summary>
    public int PixelsPerImage => Rows * Columns;

    /// <summary>All pixels (0 = background … 255 = ink), image after image, row-major within an image. Not a copy.</summary>
    public byte[] Pixels { get; }

    /// <summary>The pixels of image <paramref name="index"/>, row-major.</summary>
    /// <param name="index">0 to <see cref="Count"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the stack.</exception>
    public ReadOnlySpan<byte> Image(int index)
    {
        CheckRange(index, 1);
        return Pixels.AsSpan(index * PixelsPerImage, PixelsPerImage);
    }

    /// <summary>Every image flattened to one row of floats scaled to [0, 1] (pixel / 255).</summary>
    /// <remarks>Scaling keeps inputs in the range the initialisers assume; raw 0–255 inputs saturate
    /// sigmoids and make the first gradient steps huge.</remarks>
    public Matrix ToMatrix() => ToMatrix(0, Count);

    /// <summary>Images <paramref name="start"/> .. <paramref name="start"/> + <paramref name="count"/> − 1 as rows scaled to [0, 1].</summary>
    /// <param name="start">The first image.</param>
    /// <param name="count">How many images.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the stack.</exception>
    public Matrix ToMatrix(int start, int count)
    {
        CheckRange(start, count);
        var result = new Matrix(count, PixelsPerImage);
        PixelKernels.ScaleToUnit(Pixels.AsSpan(start * PixelsPerImage, count * PixelsPerImage), result.AsSpan());
        return result;
    }

    /// <summary>Copies the images named by <paramref name="indices"/>, in that order, into <paramref name="destination"/> as rows scaled to [0, 1].</summary>
    /// <remarks>A training batch straight from the bytes: the set stays 1 byte per pixel in memory and only the
    /// batch is ever float32. Each value is <c>pixel / 255</c> (a true division, so 255 gives exactly 1), the same
    /// bits <see cref="ToMatrix()"/> gives. Allocates nothing.</remarks>
    /// <param name="indices">Image indices, each in 0..<see cref="Count"/> − 1; repeats allowed.</param>
    /// <param name="destination">At least <c>indices.Length · PixelsPerImage</c> floats; row i receives image indices[i].</param>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An index is outside the stack.</exception>
    public void GatherRows(ReadOnlySpan<int> indices, Span<float> destination)
    {
        int width = PixelsPerImage;
        if (destination.Length < (long)indices.Length * width)
            throw Guard.Error(nameof(destination),
                $"destination holds {destination.Length} floats but {indices.Length} images of {width} pixels need {(long)indices.Length * width}.",
                "pass a buffer of indices.Length · PixelsPerImage floats.");
        const int lookahead = 8; // images prefetched ahead of the one being converted
        for (int i = 0; i < Math.Min(lookahead, indices.Length); i++)
        {
            if ((uint)indices[i] < (uint)Count)
                PixelKernels.Prefetch(Pixels.AsSpan(indices[i] * width, width));
        }
        for (int i = 0; i < indices.Length; i++)
        {
            if (i + lookahead < indices.Length && (uint)indices[i + lookahead] < (uint)Count)
                PixelKernels.Prefetch(Pixels.AsSpan(indices[i + lookahead] * width, width));
            int index = indices[i];
            if ((uint)index >= (uint)Count)
                CheckRange(index, 1);
            PixelKernels.ScaleToUnit(Pixels.AsSpan(index * width, width), destination.Slice(i * width, width));
        }
    }

    /// <summary>The shape, e.g. <c>IdxImages 60000 × 28×28</c>.</summary>
    public override string ToString() => $"IdxImages {Count} × {Rows}×{Columns}";

    private void CheckRange(int start, int count)
    {
        if (start < 0 || count < 0 || (long)start + count > Count)
            throw new ArgumentOutOfRangeException(nameof(start), start,
                $"images {start}..{(long)start + count - 1} are outside the stack of {Count} images. help: use indices 0..{Count - 1}.");
    }
}
