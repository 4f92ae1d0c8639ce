using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;

namespace Rosenblatt.Tests.Preprocessing;

/// <summary>Scalers on byte images: fitted and applied without a float copy, with the float path's bits.</summary>
public class ScalerOnImagesTests
{
    private static IdxImages Images(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new byte[count * 6 * 5];
        random.NextBytes(pixels);
        for (int i = 0; i < pixels.Length; i += 30)
            pixels[i] = 0;          // pixel 0 always 0: a constant column
        for (int i = 7; i < pixels.Length; i += 30)
            pixels[i] = (byte)(pixels[i] % 40 + 3); // pixel 7 spans 3..42 only
        return new IdxImages(count, 6, 5, pixels);
    }

    public static TheoryData<string> Kinds => ["minmax", "standard"];

    private static Scaler Make(string kind) => kind == "minmax" ? new MinMaxScaler() : new StandardScaler();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FitOnImages_ThenTransform_GivesTheBitsOfTheFloatPath(string kind)
    {
        var images = Images(37, seed: 4);   // 37 rows: more than one block of columns is not needed, 30 pixels < 16·2 tests a partial block
        var reference = Make(kind).FitTransform(images.ToMatrix());
        var scaler = Make(kind).Fit(images);
        var indices = Enumerable.Range(0, images.Count).Reverse().ToArray();
        var gathered = new float[images.Count * images.PixelsPerImage];
        scaler.Transform(images, indices, gathered);
        for (int i = 0; i < indices.Length; i++)
            Assert.Equal(reference.Row(indices[i]).ToArray(), gathered.AsSpan(i * 30, 30).ToArray());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void FitOnImages_LearnsTheStateOfFittingTheirDoubleRows(string kind)
    {
        var images = Images(50, seed: 9);
        var rows = Enumerable.Range(0, images.Count).Select(r => images.ToMatrix().Row(r).ToArray().Select(v => (double)v).ToArray()).ToArray();
        var fromRows = Make(kind).Fit(rows);
        var fromBytes = Make(kind).Fit(images);
        var probe = new[] { Enumerable.Range(0, 30).Select(j => j / 29.0).ToArray() };
        Assert.Equal(fromRows.Transform(probe)[0], fromBytes.Transform(probe)[0]);
    }

    [Fact]
    public void TransformImages_BeforeFit_ThrowsNotFitted()
    {
        Assert.Throws<NotFittedException>(() => new MinMaxScaler().Transform(Images(2, 1), [0], new float[30]));
    }

    [Fact]
    public void TransformImages_WithAnotherPixelCount_ThrowsNamingTheImages()
    {
        var scaler = new MinMaxScaler().Fit(Images(3, 1));
        var other = new IdxImages(1, 2, 2, new byte[4]);
        var e = Assert.Throws<ArgumentException>(() => scaler.Transform(other, [0], new float[4]));
        Assert.Equal("images", e.ParamName);
    }

    [Fact]
    public void Dataset_OfImages_KeepsTheBytesAndMakesTheFeaturesOnlyWhenAsked()
    {
        var images = Images(4, seed: 2);
        var set = new Dataset("tiny", images, [0, 1, 1, 0], ["a", "b"]);
        Assert.Same(images, set.Images);
        Assert.Equal(4, set.Count);
        Assert.Equal(30, set.FeatureCount);
        Assert.Equal(images.ToMatrix().AsSpan().ToArray(), set.Features.AsSpan().ToArray());
        var subset = set.Subset([3, 1]);
        Assert.NotNull(subset.Images);
        Assert.Equal(images.Image(3).ToArray(), subset.Images!.Image(0).ToArray());
        Assert.Equal([0, 1], subset.Labels);
    }
}
