using System.Numerics.Tensors;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>UnitDots.Scores gives every unit's w·x + b for one row, equal to one dot product per unit.</summary>
public class UnitDotsTests
{
    [Theory]
    [InlineData(1, 3)]
    [InlineData(4, 8)]
    [InlineData(10, 19)]
    [InlineData(7, 784)]
    public void Scores_OnIntegerData_EqualOneDotProductPerUnit(int units, int n)
    {
        var random = new Random(units * 1000 + n);
        float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)random.Next(-3, 4))];
        float[] w = [.. Enumerable.Range(0, units * n).Select(_ => (float)random.Next(-5, 6))];
        float[] b = [.. Enumerable.Range(0, units).Select(_ => (float)random.Next(-9, 10))];
        var scores = new float[units];

        UnitDots.Scores(x, w, b, scores);

        for (int u = 0; u < units; u++)
            Assert.Equal(TensorPrimitives.Dot(x, w.AsSpan(u * n, n)) + b[u], scores[u]);
    }

    [Fact]
    public void Scores_OnRealData_AgreeWithDoublePrecisionSums()
    {
        var random = new Random(1);
        int units = 10, n = 784;
        float[] x = [.. Enumerable.Range(0, n).Select(_ => (float)random.NextDouble())];
        float[] w = [.. Enumerable.Range(0, units * n).Select(_ => (float)(random.NextDouble() - 0.5))];
        var scores = new float[units];

        UnitDots.Scores(x, w, new float[units], scores);

        for (int u = 0; u < units; u++)
        {
            double exact = 0;
            for (int j = 0; j < n; j++) exact += (double)x[j] * w[u * n + j];
            Assert.Equal(exact, scores[u], 1e-4);
        }
    }

    [Fact]
    public void Scores_WithTooFewWeights_NamesWeightsAndTheCountNeeded()
    {
        var error = Assert.Throws<ArgumentException>(() => UnitDots.Scores(new float[5], new float[9], new float[2], new float[2]));

        Assert.Equal("weights", error.ParamName);
        Assert.Contains("need 10", error.Message, StringComparison.Ordinal);
        Assert.Contains("help:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scores_WithTooFewBiases_NamesBias()
    {
        var error = Assert.Throws<ArgumentException>(() => UnitDots.Scores(new float[5], new float[10], new float[1], new float[2]));

        Assert.Equal("bias", error.ParamName);
    }
}
