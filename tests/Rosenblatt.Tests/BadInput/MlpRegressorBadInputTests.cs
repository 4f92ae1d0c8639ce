using Rosenblatt.Diagnostics;
using Rosenblatt.Networks;

namespace Rosenblatt.Tests.BadInput;

/// <summary>
/// The shared battery's checks, for the one model that is not a classifier: real-valued targets instead of labels,
/// so "one class only" and label checks become target-row checks.
/// </summary>
public class MlpRegressorBadInputTests
{
    private static readonly double[][] X = [[0, 0], [0, 1], [1, 0], [1, 1]];
    private static readonly double[][] Y = [[0], [1], [1], [2]];

    private static MlpRegressor Model() => new(new MlpOptions { Epochs = 5, HiddenLayers = [4] });

    private static void AssertTeaches(Exception ex, params string[] mentions)
    {
        Assert.Contains("help:", ex.Message);
        foreach (var m in mentions)
            Assert.Contains(m, ex.Message);
    }

    [Fact]
    public void Fit_WithEmptyData_SaysItIsEmpty() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => Model().Fit([], [])), "empty");

    [Fact]
    public void Fit_WithRaggedRows_NamesTheRaggedRow() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => Model().Fit([[0, 0], [1], [1, 1]], [[0], [1], [2]])), "row 1");

    [Fact]
    public void Fit_WithNaNFeature_NamesTheCell() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => Model().Fit([[0, 0], [0, double.NaN]], [[0], [1]])), "x[1][1]", "NaN");

    [Fact]
    public void Fit_WithInfiniteTarget_NamesTheCell() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => Model().Fit(X, [[0], [1], [double.PositiveInfinity], [2]])), "y[2][0]");

    [Fact]
    public void Fit_WithFewerTargetRowsThanSamples_GivesBothCounts() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => Model().Fit(X, [[0], [1], [1]])), "y has 3 rows but x has 4");

    [Fact]
    public void Predict_WithDifferentFeatureCount_NamesBothCounts()
    {
        var model = Model();
        model.Fit(X, Y);
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => model.Predict([[1, 0, 1]])), "3 features", "fitted on 2");
    }

    [Fact]
    public void Predict_BeforeTraining_SaysWhatToCall() =>
        AssertTeaches(Assert.Throws<NotFittedException>(() => Model().Predict(X)), "Fit");

    [Theory]
    [InlineData(0.0, "LearningRate must be a finite number > 0 (received 0)")]
    [InlineData(-0.1, "LearningRate must be a finite number > 0 (received -0.1)")]
    [InlineData(50.0, "LearningRate must be between 0 and 10 (received 50)")]
    public void Create_WithBadLearningRate_QuotesTheValue(double learningRate, string expected) =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => new MlpRegressor(new MlpOptions { LearningRate = learningRate })), expected);

    [Fact]
    public void Create_WithNegativeBatchSize_QuotesTheValue() =>
        AssertTeaches(Assert.ThrowsAny<ArgumentException>(() => new MlpRegressor(new MlpOptions { BatchSize = -4 })), "BatchSize", "received -4");

    [Fact]
    public void Create_WithStepHiddenActivation_ExplainsWhyAndSuggestsSigmoid() =>
        AssertTeaches(Assert.Throws<InvalidOperationException>(() => new MlpRegressor(new MlpOptions { Activation = "step" })),
            "no gradient", "sigmoid");
}
