using Rosenblatt.Data;

namespace Rosenblatt.Onnx.Tests;

/// <summary>Seeded data sets of at least 1,000 rows, all float32 values (the exported graphs take float32 input).</summary>
internal static class TestData
{
    /// <summary>The 1,797 UCI digits (8×8 images, 10 classes), shipped inside the library.</summary>
    internal static Dataset Digits() => BuiltInDatasets.Digits();

    /// <summary>1,200 points of two interleaved moons with noise: two classes, not linearly separable.</summary>
    internal static Dataset Moons() => SyntheticDatasets.TwoMoons(size: 1200, noise: 0.2, seed: 13);

    /// <summary>1,200 points of four Gaussian blobs: four classes.</summary>
    internal static Dataset Blobs() => SyntheticDatasets.Blobs(size: 1200, noise: 1.5, centers: 4, seed: 13);

    /// <summary>1,000 rows of three features in [-3, 3] (float32) with a smooth target <c>sin x₀ + x₁·x₂ / 3</c> and a second <c>x₀ − x₂</c>.</summary>
    internal static (double[][] X, double[][] Y) Regression()
    {
        var random = new Random(13);
        var x = new double[1000][];
        var y = new double[1000][];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = [(float)(random.NextDouble() * 6 - 3), (float)(random.NextDouble() * 6 - 3), (float)(random.NextDouble() * 6 - 3)];
            y[i] = [Math.Sin(x[i][0]) + x[i][1] * x[i][2] / 3, x[i][0] - x[i][2]];
        }
        return (x, y);
    }

    /// <summary><paramref name="count"/> rows of <paramref name="features"/> float32 values drawn uniformly from [-2, 2).</summary>
    internal static double[][] Uniform(int count, int features, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, features).Select(_ => (double)(float)(random.NextDouble() * 4 - 2)).ToArray()).ToArray();
    }
}
