using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public class BuiltInDatasetsTests
{
    [Fact]
    public void Digits_Has1797ImagesOf64PixelsInTenClasses()
    {
        var digits = BuiltInDatasets.Digits();
        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.FeatureCount);
        Assert.Equal([178, 182, 177, 183, 181, 182, 181, 179, 174, 180], digits.ClassCounts());
        Assert.Equal("pixel_0_2", digits.FeatureNames[2]);
        // First row of the file: 0,0,5,13,9,1,0,0,... label 0.
        Assert.Equal([0f, 0f, 5f, 13f, 9f, 1f, 0f, 0f], digits.Features.Row(0)[..8].ToArray());
        Assert.Equal(0, digits.Labels[0]);
        Assert.Equal(16f, digits.Features.AsSpan().ToArray().Max());
    }

    [Fact]
    public void Iris_Has150FlowersWithFourMeasurementsAndNamedSpecies()
    {
        var iris = BuiltInDatasets.Iris();
        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.FeatureCount);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames);
        Assert.Equal([50, 50, 50], iris.ClassCounts());
        Assert.Equal("petal width (cm)", iris.FeatureNames[3]);
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], iris.Features.Row(0).ToArray());
        // Fisher's values, not UCI's typo: sample 38 is 4.9, 3.6, 1.4, 0.1.
        Assert.Equal([4.9f, 3.6f, 1.4f, 0.1f], iris.Features.Row(37).ToArray());
        Assert.Equal("iris: 150 samples × 4 features, 3 classes", iris.ToString());
    }

    [Fact]
    public void BreastCancer_Has569SamplesOf30FeaturesMalignantOrBenign()
    {
        var bc = BuiltInDatasets.BreastCancer();
        Assert.Equal(569, bc.Count);
        Assert.Equal(30, bc.FeatureCount);
        Assert.Equal(["malignant", "benign"], bc.ClassNames);
        Assert.Equal([212, 357], bc.ClassCounts());
        Assert.Equal(["mean radius", "radius error", "worst radius", "worst fractal dimension"],
            [bc.FeatureNames[0], bc.FeatureNames[10], bc.FeatureNames[20], bc.FeatureNames[29]]);
        Assert.Equal(17.99f, bc.Features[0, 0]);
        Assert.Equal(1001f, bc.Features[0, 3]);
    }

    [Fact]
    public void Wine_Has178SamplesOf13Features()
    {
        var wine = BuiltInDatasets.Wine();
        Assert.Equal(178, wine.Count);
        Assert.Equal(13, wine.FeatureCount);
        Assert.Equal([59, 71, 48], wine.ClassCounts());
        Assert.Equal(1065f, wine.Features[0, 12]);
    }

    [Fact]
    public void Catalog_MatchesWhatEachSetLoads()
    {
        Assert.Equal(["digits", "iris", "breast-cancer", "wine"], BuiltInDatasets.Names);
        foreach (var info in BuiltInDatasets.Catalog)
        {
            var data = BuiltInDatasets.Load(info.Name);
            Assert.Equal(info.Name, data.Name);
            Assert.Equal(info.Samples, data.Count);
            Assert.Equal(info.Features, data.FeatureCount);
            Assert.Equal(info.Classes, data.ClassCount);
            Assert.Contains("UCI", info.Source);
        }
    }

    [Theory]
    [InlineData("IRIS", "iris")]
    [InlineData("breast_cancer", "breast-cancer")]
    [InlineData(" wine ", "wine")]
    public void TryLoad_AcceptsNamesCaseInsensitively(string name, string expected)
    {
        Assert.True(BuiltInDatasets.TryLoad(name, out var data));
        Assert.Equal(expected, data.Name);
        Assert.True(BuiltInDatasets.Contains(name));
    }

    [Fact]
    public void TryLoad_ReturnsFalseForAFileName_LoadListsTheNames()
    {
        Assert.False(BuiltInDatasets.TryLoad("my.csv", out var data));
        Assert.Null(data);
        Assert.False(BuiltInDatasets.Contains("my.csv"));
        var e = Assert.Throws<ArgumentException>(() => BuiltInDatasets.Load("mnist"));
        Assert.Contains("'mnist'", e.Message);
        Assert.Contains("digits, iris, breast-cancer, wine", e.Message);
    }

    [Fact]
    public void EachCall_ReturnsAnIndependentCopy()
    {
        var a = BuiltInDatasets.Iris();
        a.Features[0, 0] = 99f;
        Assert.Equal(5.1f, BuiltInDatasets.Iris().Features[0, 0]);
    }
}
