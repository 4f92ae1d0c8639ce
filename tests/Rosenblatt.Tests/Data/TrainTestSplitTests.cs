using Rosenblatt.Data;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Data;

public class TrainTestSplitTests
{
    [Fact]
    public void Split_Iris_KeepsClassProportionsInBothParts()
    {
        var (train, test) = TrainTestSplit.Split(BuiltInDatasets.Iris(), testFraction: 0.2, seed: 42);
        Assert.Equal(120, train.Count);
        Assert.Equal(30, test.Count);
        Assert.Equal([40, 40, 40], train.ClassCounts());
        Assert.Equal([10, 10, 10], test.ClassCounts());
        Assert.Equal(["setosa", "versicolor", "virginica"], test.ClassNames);
    }

    [Fact]
    public void Indices_AreDisjointCoverEveryRowAndAreReproducible()
    {
        var data = BuiltInDatasets.BreastCancer();
        var (train, test) = TrainTestSplit.Indices(data, 0.25, seed: 3);
        Assert.Equal(Enumerable.Range(0, data.Count), train.Concat(test).Order());
        var again = TrainTestSplit.Indices(data, 0.25, seed: 3);
        Assert.Equal(train, again.Train);
        Assert.Equal(test, again.Test);
        Assert.NotEqual(test, TrainTestSplit.Indices(data, 0.25, seed: 4).Test);
        // ⌈0.25 · 569⌉ = 143; malignant 212 → 53.3, benign 357 → 89.7: largest remainder gives 53 + 90.
        Assert.Equal(143, test.Length);
        Assert.Equal(53, test.Count(r => data.Labels[r] == 0));
    }

    [Fact]
    public void Split_RowsFollowTheirLabels()
    {
        var data = BuiltInDatasets.Iris();
        var (trainRows, testRows) = TrainTestSplit.Indices(data, 0.3, seed: 1);
        var (_, test) = TrainTestSplit.Split(data, 0.3, seed: 1);
        for (int i = 0; i < test.Count; i++)
        {
            Assert.Equal(data.Features.Row(testRows[i]).ToArray(), test.Features.Row(i).ToArray());
            Assert.Equal(data.Labels[testRows[i]], test.Labels[i]);
        }
        Assert.Equal(105, trainRows.Length);
    }

    [Fact]
    public void Split_NeverLeavesAClassOutOfTrain()
    {
        // Class "rare" has one row; class "pair" two. Even a large test share keeps one of each in train.
        var features = new Matrix(8, 1, [0, 1, 2, 3, 4, 5, 6, 7]);
        var data = new Dataset("tiny", features, [0, 0, 0, 0, 0, 1, 2, 2], ["common", "rare", "pair"]);
        for (int seed = 0; seed < 20; seed++)
        {
            var (train, test) = TrainTestSplit.Split(data, 0.6, seed);
            Assert.All(train.ClassCounts(), c => Assert.True(c >= 1));
            Assert.Equal(0, test.ClassCounts()[1]);
            Assert.Equal(8, train.Count + test.Count);
        }
    }

    [Fact]
    public void Split_OfARegressionSet_IsPlainAndKeepsTargets()
    {
        var features = new Matrix(10, 1, Enumerable.Range(0, 10).Select(i => (float)i).ToArray());
        var data = Dataset.ForRegression("line", features, Enumerable.Range(0, 10).Select(i => 2f * i).ToArray());
        var (train, test) = TrainTestSplit.Split(data, 0.3, seed: 2);
        Assert.Equal(7, train.Count);
        Assert.Equal(3, test.Count);
        for (int i = 0; i < test.Count; i++)
            Assert.Equal(2 * test.Features[i, 0], test.Targets[i]);
    }

    [Fact]
    public void SplitThreeWays_GivesTrainValidationAndTest()
    {
        var (train, validation, test) = TrainTestSplit.Split(BuiltInDatasets.Iris(), validationFraction: 0.1, testFraction: 0.2, seed: 5);
        Assert.Equal(30, test.Count);
        Assert.Equal(15, validation.Count);
        Assert.Equal(105, train.Count);
        Assert.Equal([5, 5, 5], validation.ClassCounts());
        Assert.Equal([35, 35, 35], train.ClassCounts());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.0)]
    [InlineData(-0.2)]
    [InlineData(double.NaN)]
    public void Split_RejectsAFractionOutsideZeroToOne(double fraction)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => TrainTestSplit.Split(BuiltInDatasets.Iris(), fraction));
        Assert.Contains("testFraction must be strictly between 0 and 1", e.Message);
        Assert.Contains("help:", e.Message);
    }

    [Fact]
    public void Split_RejectsFractionsThatLeaveNothingToTrainOn()
    {
        var e = Assert.Throws<ArgumentException>(() => TrainTestSplit.Split(BuiltInDatasets.Iris(), 0.5, 0.5));
        Assert.Contains("leaving nothing to train on", e.Message);
        var one = new Dataset("one", new Matrix(1, 1), [0], ["a"]);
        e = Assert.Throws<ArgumentException>(() => TrainTestSplit.Split(one, 0.5));
        Assert.Contains("has 1 row(s)", e.Message);
    }
}
