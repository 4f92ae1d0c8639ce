using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary><see cref="PixelKernels.Lookup"/>: each pixel through its own 256-entry table, on every length.</summary>
public class PixelLookupTests
{
    [Fact]
    public void Lookup_OnEveryLength0To256_GivesTheScalarTableReadBitForBit()
    {
        var random = new Random(11);
        for (int n = 0; n <= 256; n++)
        {
            var pixels = new byte[n];
            random.NextBytes(pixels);
            var table = new float[n * 256];
            for (int i = 0; i < table.Length; i++)
                table[i] = (float)(random.NextDouble() * 4 - 2);
            var destination = new float[n + 3];
            destination[n] = 42f;
            PixelKernels.Lookup(pixels, table, destination);
            for (int p = 0; p < n; p++)
                Assert.Equal(table[p * 256 + pixels[p]], destination[p]);
            Assert.Equal(42f, destination[n]); // nothing written past the pixels
        }
    }

    [Fact]
    public void Lookup_WithATableTooShort_ThrowsNamingTheTable()
    {
        var e = Assert.Throws<ArgumentException>(() => PixelKernels.Lookup(new byte[4], new float[4 * 256 - 1], new float[4]));
        Assert.Equal("table", e.ParamName);
    }
}
