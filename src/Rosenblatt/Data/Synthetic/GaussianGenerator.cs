using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>The TensorFlow Playground's "Gaussian": two round clouds, class 1 around (2, 2), class 0 around (−2, −2).</summary>
/// <remarks>
/// Each coordinate is normal with variance 0.5 + 7·noise (the Playground maps its noise slider 0–0.5
/// linearly onto variance 0.5–4), so at noise 0 the clouds are linearly separable with a wide margin
/// and by noise 0.5 they overlap.
/// </remarks>
internal static class GaussianGenerator
{
    internal static PointSet Generate(int size, double noise, SeededRandom random)
    {
        var points = new PointSet(size);
        double sd = Math.Sqrt(0.5 + 7 * noise);
        int positives = size - size / 2;
        for (int i = 0; i < size; i++)
        {
            bool positive = i < positives;
            double centre = positive ? 2 : -2;
            double x = centre + sd * random.NextGaussian();
            double y = centre + sd * random.NextGaussian();
            points.Add(x, y, positive ? 1 : 0);
        }
        return points;
    }
}
