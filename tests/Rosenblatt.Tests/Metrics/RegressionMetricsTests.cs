using Rosenblatt.Metrics;

namespace Rosenblatt.Tests.Metrics;

public class RegressionMetricsTests
{
    // scikit-learn's documented example: y = [3, −0.5, 2, 7], ŷ = [2.5, 0, 2, 8].
    // Errors 0.5, −0.5, 0, −1 → MSE (0.25 + 0.25 + 0 + 1)/4 = 0.375, MAE 2/4 = 0.5;
    // ȳ = 2.875, Σ(y − ȳ)² = 29.1875, R² = 1 − 1.5/29.1875 = 0.948608137…
    private static readonly double[] Truth = [3, -0.5, 2, 7];
    private static readonly double[] Predicted = [2.5, 0, 2, 8];

    [Fact]
    public void MeanSquaredError_AveragesSquaredErrors() =>
        Assert.Equal(0.375, RegressionMetrics.MeanSquaredError(Truth, Predicted), 15);

    [Fact]
    public void MeanSquaredError_DocExample_IsFourThirds() =>
        Assert.Equal(4.0 / 3, RegressionMetrics.MeanSquaredError([1.0, 2.0, 3.0], [1.0, 2.0, 5.0]), 15);

    [Fact]
    public void MeanAbsoluteError_AveragesAbsoluteErrors() =>
        Assert.Equal(0.5, RegressionMetrics.MeanAbsoluteError(Truth, Predicted), 15);

    [Fact]
    public void R2_IsTheShareOfVarianceExplained() =>
        Assert.Equal(0.9486081370449679, RegressionMetrics.R2(Truth, Predicted), 12);

    [Fact]
    public void FloatOverloads_AgreeWithDouble()
    {
        float[] t = [3f, -0.5f, 2f, 7f], p = [2.5f, 0f, 2f, 8f];
        Assert.Equal(0.375, RegressionMetrics.MeanSquaredError(t, p), 12);
        Assert.Equal(0.5, RegressionMetrics.MeanAbsoluteError(t, p), 12);
        Assert.Equal(0.9486081370449679, RegressionMetrics.R2(t, p), 12);
    }

    [Fact]
    public void R2_PredictingTheMeanScoresZero_AndWorseIsNegative()
    {
        Assert.Equal(0, RegressionMetrics.R2([1.0, 2, 3], [2.0, 2, 2]), 15);
        Assert.True(RegressionMetrics.R2([1.0, 2, 3], [3.0, 2, 1]) < 0);
    }

    [Fact]
    public void R2_OfConstantTargets_IsOneWhenExactAndZeroOtherwise()
    {
        Assert.Equal(1, RegressionMetrics.R2([4.0, 4, 4], [4.0, 4, 4]));
        Assert.Equal(0, RegressionMetrics.R2([4.0, 4, 4], [4.0, 5, 4]));
    }

    [Fact]
    public void Metrics_RejectNonFiniteOrMismatchedInput()
    {
        var e = Assert.Throws<ArgumentException>(() => RegressionMetrics.MeanSquaredError([1.0, 2.0], [1.0, double.NaN]));
        Assert.Contains("yPredicted[1] is NaN", e.Message);
        Assert.Contains("help:", e.Message);
        Assert.Throws<ArgumentException>(() => RegressionMetrics.R2([1.0, 2.0], [1.0]));
    }
}
