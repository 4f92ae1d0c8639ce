using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;

namespace Rosenblatt.Tests.Preprocessing;

public class ScalerTests
{
    // Column 0: 1, 2, 3, 4 → mean 2.5, population variance (2.25 + 0.25 + 0.25 + 2.25) / 4 = 1.25.
    // Column 1: constant 5.   Column 2: 0, 10, 5, 5 → min 0, max 10.
    private static readonly double[][] Train = [[1, 5, 0], [2, 5, 10], [3, 5, 5], [4, 5, 5]];

    [Fact]
    public void StandardScaler_Fit_LearnsMeanAndPopulationStandardDeviation()
    {
        var scaler = new StandardScaler();
        scaler.Fit(Train);
        Assert.Equal([2.5, 5, 5], scaler.Mean);
        Assert.Equal(Math.Sqrt(1.25), scaler.StandardDeviation[0]);
        Assert.Equal(0, scaler.StandardDeviation[1]);
        Assert.Equal(Math.Sqrt(12.5), scaler.StandardDeviation[2]); // (25 + 25 + 0 + 0) / 4
        Assert.Equal(3, scaler.FeatureCount);
    }

    [Fact]
    public void StandardScaler_Transform_GivesHandComputedValues()
    {
        var scaler = new StandardScaler();
        double[][] scaled = scaler.FitTransform(Train);
        double s = Math.Sqrt(1.25);
        Assert.Equal([-1.5 / s, -0.5 / s, 0.5 / s, 1.5 / s], scaled.Select(r => r[0]));
        Assert.Equal([-5 / Math.Sqrt(12.5), 5 / Math.Sqrt(12.5), 0, 0], scaled.Select(r => r[2]));
        Assert.Equal(-1.3416407864998738, scaled[0][0], 15);
    }

    [Fact]
    public void StandardScaler_ConstantColumn_UsesScaleOneAndBecomesZeros()
    {
        var scaler = new StandardScaler();
        double[][] scaled = scaler.FitTransform(Train);
        Assert.Equal(1, scaler.Scale[1]);
        Assert.All(scaled, row => Assert.Equal(0, row[1]));
        Assert.All(scaled.SelectMany(r => r), v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void StandardScaler_TransformsNewRowsWithTheTrainingStatistics()
    {
        var scaler = new StandardScaler().Fit(Train);
        double[][] test = scaler.Transform([[2.5, 7, 15]]);
        Assert.Equal([0, 2, 10 / Math.Sqrt(12.5)], test[0]);
    }

    [Fact]
    public void MinMaxScaler_MapsTrainingRangeOntoZeroOne_AndConstantColumnToZero()
    {
        var scaler = new MinMaxScaler();
        double[][] scaled = scaler.FitTransform(Train);
        Assert.Equal([1, 5, 0], scaler.DataMin);
        Assert.Equal([4, 5, 10], scaler.DataMax);
        Assert.Equal([0, 1 / 3.0, 2 / 3.0, 1], scaled.Select(r => r[0]));
        Assert.All(scaled, row => Assert.Equal(0, row[1]));
        Assert.Equal([0, 1, 0.5, 0.5], scaled.Select(r => r[2]));
    }

    [Fact]
    public void MinMaxScaler_CustomRange_AndValuesOutsideTrainingRangeAreNotClipped()
    {
        var scaler = new MinMaxScaler(-1, 1).Fit(Train);
        double[][] scaled = scaler.Transform([[1, 5, 10], [7, 5, -5]]);
        Assert.Equal([-1, -1, 1], scaled[0]);
        Assert.Equal([3, -1, -2], scaled[1]);
    }

    [Fact]
    public void Transform_OnMatrix_ReturnsNewMatrixAndInPlaceVariantOverwrites()
    {
        var x = Matrix.FromRows(Train);
        var scaler = new MinMaxScaler().Fit(x);
        var scaled = scaler.Transform(x);
        Assert.Equal(10f, x[1, 2]);
        Assert.Equal(1f, scaled[1, 2]);
        Assert.Equal((float)(1 / 3.0), scaled[1, 0]);
        scaler.TransformInPlace(x);
        Assert.Equal(scaled.AsSpan().ToArray(), x.AsSpan().ToArray());
    }

    [Fact]
    public void Fit_OnMatrixAndOnRows_LearnTheSameState()
    {
        var a = new StandardScaler().Fit(Matrix.FromRows(Train));
        var b = new StandardScaler().Fit(Train);
        Assert.Equal(((StandardScaler)a).Mean, ((StandardScaler)b).Mean);
        Assert.Equal(((StandardScaler)a).StandardDeviation, ((StandardScaler)b).StandardDeviation);
    }

    [Fact]
    public void LearnedState_BeforeFit_ThrowsNotFittedSayingWhatToCall()
    {
        var scaler = new StandardScaler();
        var ex = Assert.Throws<NotFittedException>(() => scaler.Mean);
        Assert.Contains("StandardScaler.Mean", ex.Message);
        Assert.Contains("help: call StandardScaler.Fit(trainingFeatures) first", ex.Message);
        Assert.Throws<NotFittedException>(() => new MinMaxScaler().Transform(Train));
        Assert.Throws<NotFittedException>(() => new MinMaxScaler().TransformInPlace(Matrix.FromRows(Train)));
        Assert.False(scaler.IsFitted);
    }

    [Fact]
    public void Fit_WithNaN_NamesTheCell()
    {
        double[][] rows = [[1, 2], [3, double.NaN]];
        var ex = Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(rows));
        Assert.Contains("x[1][1] is NaN", ex.Message);
        var m = Matrix.FromRows(rows);
        ex = Assert.Throws<ArgumentException>(() => new MinMaxScaler().Fit(m));
        Assert.Contains("x[1][1] is NaN", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Transform_WithAnotherFeatureCount_NamesBothCounts()
    {
        var scaler = new StandardScaler().Fit(Train);
        var ex = Assert.Throws<ArgumentException>(() => scaler.Transform([[1.0, 2.0]]));
        Assert.Contains("2 features but the standard scaler was fitted on 3", ex.Message);
        var m = new Matrix(2, 4);
        ex = Assert.Throws<ArgumentException>(() => scaler.TransformInPlace(m));
        Assert.Contains("4 features but the standard scaler was fitted on 3", ex.Message);
    }

    [Fact]
    public void TransformInPlace_WithNaN_LeavesTheMatrixUnchanged()
    {
        var scaler = new MinMaxScaler().Fit(Train);
        var m = Matrix.FromRows([[1.0, 5, 0], [2, 5, double.PositiveInfinity]]);
        Assert.Throws<ArgumentException>(() => scaler.TransformInPlace(m));
        Assert.Equal(1f, m[0, 0]);
    }

    [Fact]
    public void MinMaxScaler_BadRange_IsRejectedAtConstruction()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MinMaxScaler(1, 1));
        Assert.Contains("[1, 1]", ex.Message);
    }

    [Fact]
    public void Restore_GivesAScalerThatTransformsLikeTheFittedOne()
    {
        var fitted = new StandardScaler().Fit(Train);
        var restored = StandardScaler.Restore(((StandardScaler)fitted).Mean, ((StandardScaler)fitted).StandardDeviation);
        Assert.Equal(fitted.Transform(Train), restored.Transform(Train));
        var mm = (MinMaxScaler)new MinMaxScaler(-1, 1).Fit(Train);
        var mmRestored = MinMaxScaler.Restore(-1, 1, mm.DataMin, mm.DataMax);
        Assert.Equal(mm.Transform(Train), mmRestored.Transform(Train));
        Assert.Throws<ArgumentException>(() => StandardScaler.Restore([0.0], [-1.0]));
        Assert.Throws<ArgumentException>(() => MinMaxScaler.Restore(0, 1, [2.0], [1.0]));
        Assert.Throws<ArgumentException>(() => StandardScaler.Restore([0.0, 1], [1.0]));
    }

    [Fact]
    public void Fit_OnValuesWhoseStatisticsOverflow_SaysWhichColumn()
    {
        double[][] rows = [[1, 1e308], [2, -1e308], [3, 1e308]];
        var ex = Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(rows));
        Assert.Contains("column 1's", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => new MinMaxScaler().Fit(rows));
        Assert.Contains("column 1's range (max − min) overflows", ex.Message);
    }
}
