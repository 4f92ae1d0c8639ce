using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>Isotropic Gaussian clusters ("blobs"), scikit-learn's <c>make_blobs</c> shape: one class per cluster.</summary>
/// <remarks>
/// The k centres are drawn uniformly from the box [−10, 10]²; each point is its centre plus Gaussian
/// noise of standard deviation <c>noise</c> per coordinate. The size is shared out evenly, the first
/// size mod k clusters getting one point more.
/// </remarks>
internal static class BlobsGenerator
{
    private const double Box = 10;

    internal static PointSet Generate(int size, double noise, int centers, SeededRandom random)
    {
        var points = new PointSet(size);
        var cx = new double[centers];
        var cy = new double[centers];
        for (int k = 0; k < centers; k++)
        {
            cx[k] = random.NextDouble(-Box, Box);
            cy[k] = random.NextDouble(-Box, Box);
        }
        for (int k = 0; k < centers; k++)
        {
            int count = size / centers + (k < size % centers ? 1 : 0);
            for (int i = 0; i < count; i++)
                points.Add(cx[k] + noise * random.NextGaussian(), cy[k] + noise * random.NextGaussian(), k);
        }
        return points;
    }
}
