using Rosenblatt.Data;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Data;

public class DatasetTests
{
    private static Dataset Small() =>
        new("small", new Matrix(3, 2, [1, 2, 3, 4, 5, 6]), [1, 0, 1], ["no", "yes"], ["a", "b"]);

    [Fact]
    public void Classification_ExposesLabelsCountsAndOneHot()
    {
        var data = Small();
        Assert.True(data.HasLabels);
        Assert.False(data.HasTargets);
        Assert.Equal([1, 2], data.ClassCounts());
        Assert.Equal([0f, 1f, 1f, 0f, 0f, 1f], data.OneHot().AsSpan().ToArray());
        Assert.Equal([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], data.ToRows());
        Assert.Equal("small: 3 samples × 2 features, 2 classes", data.ToString());
    }

    [Fact]
    public void Subset_CopiesTheChosenRowsWithTheirLabels()
    {
        var data = Small();
        var subset = data.Subset([2, 0, 2]);
        Assert.Equal([5f, 6f, 1f, 2f, 5f, 6f], subset.Features.AsSpan().ToArray());
        Assert.Equal([1, 1, 1], subset.Labels);
        subset.Features[0, 0] = 99;
        Assert.Equal(5f, data.Features[2, 0]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => data.Subset([3]));
        Assert.Contains("rows[0] is 3 but data set 'small' has 3 rows", e.Message);
    }

    [Fact]
    public void MissingLabelsOrTargets_SayWhatKindOfSetItIs()
    {
        var regression = Dataset.ForRegression("r", new Matrix(1, 1), [2f]);
        Assert.Contains("it is a regression set with Targets", Assert.Throws<InvalidOperationException>(() => regression.Labels).Message);
        Assert.Contains("it is a classification set with Labels", Assert.Throws<InvalidOperationException>(() => Small().Targets).Message);
        var unlabelled = Dataset.Unlabelled("u", new Matrix(1, 2));
        Assert.Equal(["x1", "x2"], unlabelled.FeatureNames);
        Assert.Contains("read without a label column", Assert.Throws<InvalidOperationException>(() => unlabelled.Labels).Message);
    }

    [Fact]
    public void Constructor_RejectsMismatchedLengthsAndOutOfRangeLabels()
    {
        var x = new Matrix(2, 1);
        Assert.Contains("labels has 1 entries but features has 2 rows",
            Assert.Throws<ArgumentException>(() => new Dataset("d", x, [0], ["a"])).Message);
        Assert.Contains("labels[1] is 2 but there are 2 classes",
            Assert.Throws<ArgumentException>(() => new Dataset("d", x, [0, 2], ["a", "b"])).Message);
        Assert.Contains("featureNames has 2 names but features has 1 columns",
            Assert.Throws<ArgumentException>(() => new Dataset("d", x, [0, 0], ["a"], ["p", "q"])).Message);
    }
}
