using Rosenblatt.Data;
using Rosenblatt.Data.Retina;

namespace Rosenblatt.Tests.Data.Retina;

public class RetinaCropTests
{
    [Fact]
    public void Binarise_KeepsTheCentre20x20Of28x28_LitFrom128()
    {
        var pixels = new byte[2 * 784];
        // Image 0: a grey ramp by column; image 1: one bright point at (4, 4), the crop's corner, and one outside it at (3, 3).
        for (int r = 0; r < 28; r++)
            for (int c = 0; c < 28; c++)
                pixels[r * 28 + c] = (byte)(c * 9);
        pixels[784 + 4 * 28 + 4] = 255;
        pixels[784 + 3 * 28 + 3] = 255;
        var images = RetinaCrop.Binarise(new IdxImages(2, 28, 28, pixels));

        Assert.Equal(20, images.Width);
        for (int c = 0; c < 20; c++)
            Assert.Equal((c + 4) * 9 >= 128, images.IsLit(0, 10, c));
        Assert.True(images.IsLit(1, 0, 0));
        Assert.Equal(1, images.Image(1).ToArray().Sum(b => b));
    }

    [Fact]
    public void FromIdx_KeepsTheLabelsAndClassNames()
    {
        var set = RetinaCrop.FromIdx("tiny", new IdxImages(3, 28, 28, new byte[3 * 784]), [7, 0, 9], Mnist.ClassNames);
        Assert.Equal([7, 0, 9], set.Labels);
        Assert.Equal(["7", "0", "9"], set.LabelNames());
    }

    [Fact]
    public void Binarise_WithACropLargerThanTheImages_SaysTheImageSize()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => RetinaCrop.Binarise(new IdxImages(1, 8, 8, new byte[64])));
        Assert.Contains("the images are 8×8; crop at most their smaller side", ex.Message);
    }

    [Fact]
    public void RetinaImages_WithAByteOtherThan0Or1_SaysToBinariseFirst()
    {
        var ex = Assert.Throws<ArgumentException>(() => new RetinaImages(1, 2, 2, [0, 1, 200, 0]));
        Assert.Contains("pixels[2] is 200, but a retina point is 0 (dark) or 1 (lit)", ex.Message);
    }
}
