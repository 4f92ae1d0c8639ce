using Rosenblatt.Data;

namespace Rosenblatt.Tests.Data;

public class CsvWriterTests
{
    private static string Write(Dataset data)
    {
        var text = new StringWriter();
        using (var csv = new CsvWriter(text))
            csv.WriteDataset(data);
        return text.ToString();
    }

    [Fact]
    public void WriteDataset_RoundTripsThroughTheLoader()
    {
        var iris = BuiltInDatasets.Iris();
        string text = Write(iris);
        Assert.StartsWith("sepal length (cm),sepal width (cm),petal length (cm),petal width (cm),label\n5.1,3.5,1.4,0.2,setosa\n", text);
        var back = CsvLoader.Load(new StringReader(text), "iris.csv");
        Assert.Equal(iris.Features.AsSpan().ToArray(), back.Features.AsSpan().ToArray());
        Assert.Equal(iris.ClassNames, back.ClassNames);
        Assert.Equal(iris.Labels, back.Labels);
        Assert.Equal(iris.FeatureNames, back.FeatureNames);
    }

    [Fact]
    public void WriteDataset_KeepsSyntheticPointsBitForBit()
    {
        var spiral = SyntheticDatasets.Spiral(50, 0.2, seed: 3);
        var back = CsvLoader.Load(new StringReader(Write(spiral)), "spiral.csv");
        Assert.Equal(spiral.Features.AsSpan().ToArray(), back.Features.AsSpan().ToArray());
        Assert.Equal(spiral.Labels, back.Labels);
    }

    [Fact]
    public void WriteDataset_WritesRegressionTargetsAsNumbers()
    {
        var data = Dataset.ForRegression("r", new Rosenblatt.Numerics.Matrix(2, 1, [1f, 2f]), [0.5f, -3f]);
        Assert.Equal("x1,label\n1,0.5\n2,-3\n", Write(data));
    }
}
