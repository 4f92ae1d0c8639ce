namespace Rosenblatt.Onnx.Tests;

/// <summary>Comparisons between the library's numbers and another engine's, with the worst difference in the failure message.</summary>
internal static class Agreement
{
    /// <summary>The tolerance for float32 outputs computed by two engines (different summation orders and exp/tanh kernels).</summary>
    internal const double Tolerance = 1e-5;

    internal static void Labels(IReadOnlyList<long> expected, IReadOnlyList<long> actual)
    {
        Assert.True(expected.Count >= 1000, $"the comparison needs at least 1,000 rows; it has {expected.Count}.");
        Assert.Equal(expected.Count, actual.Count);
        var differing = Enumerable.Range(0, expected.Count).Where(i => expected[i] != actual[i]).ToArray();
        Assert.True(differing.Length == 0,
            $"{differing.Length} of {expected.Count} labels differ, first at row {differing.FirstOrDefault()}: library {expected[differing.FirstOrDefault()]}, ONNX Runtime {actual[differing.FirstOrDefault()]}.");
    }

    internal static void Values(double[][] expected, double[] actualRowMajor, double tolerance = Tolerance)
    {
        Assert.True(expected.Length >= 1000, $"the comparison needs at least 1,000 rows; it has {expected.Length}.");
        int columns = expected[0].Length;
        Assert.Equal(expected.Length * columns, actualRowMajor.Length);
        double worst = 0;
        int worstAt = 0;
        for (int i = 0; i < actualRowMajor.Length; i++)
        {
            double difference = Math.Abs(expected[i / columns][i % columns] - actualRowMajor[i]);
            if (difference > worst || double.IsNaN(difference))
            {
                worst = difference;
                worstAt = i;
            }
        }
        Assert.True(worst <= tolerance,
            $"row {worstAt / columns}, column {worstAt % columns}: library {expected[worstAt / columns][worstAt % columns]}, other engine {actualRowMajor[worstAt]} (difference {worst}, allowed {tolerance}).");
    }

    internal static double[] RowMajor(double[][] rows) => rows.SelectMany(r => r).ToArray();
}
