using Rosenblatt.Data;
using static Rosenblatt.Tests.Data.IdxFiles;

namespace Rosenblatt.Tests.Data;

/// <summary>The loaders against small cuts of the real files (Fixtures/data: the first 300 images of each); bench/check-full-data.sh checks the full sets.</summary>
public class MnistTests
{
    [Fact]
    public void Mnist_TestFixture_LoadsDigitsOf784PixelsScaledToZeroOne()
    {
        var test = Mnist.Load(FixtureData.Folder, train: false);
        Assert.Equal("mnist-test", test.Name);
        Assert.Equal(FixtureData.Images, test.Count);
        Assert.Equal(784, test.FeatureCount);
        Assert.Equal(7, test.Labels[0]); // the first MNIST test image is a 7
        Assert.Equal(10, test.ClassCount);
        Assert.All(test.ClassCounts(), c => Assert.InRange(c, 1, FixtureData.Images));
        var pixels = test.Features.AsSpan();
        float min = float.MaxValue, max = float.MinValue;
        foreach (float p in pixels)
        {
            min = Math.Min(min, p);
            max = Math.Max(max, p);
        }
        Assert.Equal((0f, 1f), (min, max));
        Assert.Equal("pixel_27_27", test.FeatureNames[783]);
    }

    [Fact]
    public void Mnist_TrainFixture_HoldsImagesOf28By28AndTheirLabels()
    {
        string folder = FixtureData.File("mnist");
        byte[] labels = IdxReader.ReadLabels(Path.Combine(folder, "train-labels-idx1-ubyte.gz"));
        Assert.Equal(FixtureData.Images, labels.Length);
        Assert.Equal(5, labels[0]); // the first MNIST training image is a 5
        Assert.All(labels, l => Assert.InRange(l, 0, 9));
        var images = IdxReader.ReadImages(Path.Combine(folder, "train-images-idx3-ubyte.gz"));
        Assert.Equal((FixtureData.Images, 28, 28), (images.Count, images.Rows, images.Columns));
    }

    [Fact]
    public void FashionMnist_TestFixture_HasTenClothingClasses()
    {
        var test = FashionMnist.Load(FixtureData.Folder, train: false);
        Assert.Equal(FixtureData.Images, test.Count);
        Assert.Equal(784, test.FeatureCount);
        Assert.Equal(10, test.ClassCounts().Count(c => c > 0));
        Assert.Equal("Ankle boot", test.ClassNames[9]);
        Assert.Equal(9, test.Labels[0]); // the first Fashion-MNIST test image is an ankle boot
    }

    [Fact]
    public void Load_FromAnEmptyFolder_ListsWhereItLookedAndHowToFetch()
    {
        string dir = Directory.CreateTempSubdirectory("rosenblatt-mnist").FullName;
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => Mnist.Load(dir));
            Assert.Contains("train-images-idx3-ubyte.gz", e.Message);
            Assert.Contains(dir, e.Message);
            Assert.Contains("rosenblatt data fetch mnist", e.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Load_ImagesAndLabelsOfDifferentLength_IsAnError()
    {
        string dir = Directory.CreateTempSubdirectory("rosenblatt-mnist").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "t10k-images-idx3-ubyte"), Idx(0x803, [3, 2, 2], new byte[12]));
            File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte"), Idx(0x801, [2], [1, 2]));
            var e = Assert.Throws<InvalidDataException>(() => Mnist.Load(dir, train: false));
            Assert.Contains("holds 3 images but", e.Message);
            Assert.Contains("holds 2 labels", e.Message);

            File.WriteAllBytes(Path.Combine(dir, "t10k-labels-idx1-ubyte"), Idx(0x801, [3], [1, 2, 12]));
            var label = Assert.Throws<InvalidDataException>(() => Mnist.Load(dir, train: false));
            Assert.Contains("label 2", label.Message);
            Assert.Contains("is 12 but the set has 10 classes", label.Message);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
