using System.Buffers.Binary;
using SkiaSharp;

namespace Rosenblatt.Cli.Tests.Plots;

/// <summary>Reads what the plot tests check in a PNG: the signature, the size in the IHDR chunk, and decoded pixels.</summary>
public static class Png
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height from the header, after checking the 8-byte signature and that IHDR comes first.</summary>
    public static (int Width, int Height) Size(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 33, $"{path} is only {bytes.Length} bytes");
        Assert.Equal(Signature, bytes[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(bytes, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Every pixel's colour, decoded by SkiaSharp (ScottPlot's renderer, present through the CLI).</summary>
    public static SKColor[] Pixels(string path)
    {
        using var bitmap = SKBitmap.Decode(path);
        Assert.NotNull(bitmap);
        return bitmap.Pixels;
    }

    /// <summary>How many pixels are within <paramref name="tolerance"/> per channel of <paramref name="color"/>.</summary>
    public static int Count(SKColor[] pixels, SKColor color, int tolerance = 8) =>
        pixels.Count(p => Math.Abs(p.Red - color.Red) <= tolerance && Math.Abs(p.Green - color.Green) <= tolerance && Math.Abs(p.Blue - color.Blue) <= tolerance);
}
