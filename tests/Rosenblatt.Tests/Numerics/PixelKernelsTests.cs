using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class PixelKernelsTests
{
    [Fact]
    public void ScaleToUnit_AtEveryLengthUpTo256_MatchesScalarDivisionBitForBit()
    {
        var rng = new Random(7);
        for (int n = 0; n <= 256; n++)
        {
            var pixels = new byte[n];
            rng.NextBytes(pixels);
            var destination = new float[n + 3];
            destination.AsSpan().Fill(-1f);
            PixelKernels.ScaleToUnit(pixels, destination);
            for (int i = 0; i < n; i++)
                Assert.Equal(BitConverter.SingleToInt32Bits(pixels[i] / 255f), BitConverter.SingleToInt32Bits(destination[i]));
            Assert.All(destination[n..], v => Assert.Equal(-1f, v));
        }
    }

    [Fact]
    public void ScaleToUnit_EveryByteValue_GivesPixelOver255WithFullInkExactlyOne()
    {
        var pixels = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        var destination = new float[256];
        PixelKernels.ScaleToUnit(pixels, destination);
        for (int b = 0; b < 256; b++)
            Assert.Equal(BitConverter.SingleToInt32Bits(b / 255f), BitConverter.SingleToInt32Bits(destination[b]));
        Assert.Equal(1f, destination[255]);
        Assert.Equal(0f, destination[0]);
    }

    [Fact]
    public void ScaleToUnit_DestinationTooShort_ThrowsNamingDestination()
    {
        var e = Assert.Throws<ArgumentException>(() => PixelKernels.ScaleToUnit(new byte[5], new float[4]));
        Assert.Equal("destination", e.ParamName);
        Assert.Contains("help:", e.Message, StringComparison.Ordinal);
    }
}
