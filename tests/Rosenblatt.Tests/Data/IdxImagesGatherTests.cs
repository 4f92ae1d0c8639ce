using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

/// <summary><see cref="IdxImages.GatherRows"/>: batches straight from the bytes, the same values as the float matrix.</summary>
public class IdxImagesGatherTests
{
    private static IdxImages Images()
    {
        var pixels = new byte[5 * 4 * 4];
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(i * 37 % 256);
        pixels[3] = 255;
        return new IdxImages(5, 4, 4, pixels);
    }

    [Fact]
    public void GatherRows_InAnyOrderWithRepeats_EqualsTheMatrixRows()
    {
        var images = Images();
        var matrix = images.ToMatrix();
        int[] order = [4, 0, 2, 2, 1];
        var batch = new float[order.Length * 16];
        images.GatherRows(order, batch);
        for (int i = 0; i < order.Length; i++)
            Assert.Equal(matrix.Row(order[i]).ToArray(), batch.AsSpan(i * 16, 16).ToArray());
        Assert.Equal(1f, batch[16 + 3]); // pixel 255 of image 0 is exactly 1
    }

    [Fact]
    public void GatherRows_IndexOutsideTheStack_ThrowsWithTheRange()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Images().GatherRows([1, 5], new float[32]));
        Assert.Contains("0..4", ex.Message);
    }

    [Fact]
    public void GatherRows_DestinationTooShort_ThrowsWithTheNeededLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => Images().GatherRows([0, 1], new float[20]));
        Assert.Contains("need 32", ex.Message);
        Assert.Contains("help:", ex.Message);
    }
}
