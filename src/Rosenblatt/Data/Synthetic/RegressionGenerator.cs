using Rosenblatt.Numerics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>The TensorFlow Playground's two regression sets: a plane and six Gaussian-like bumps over [−6, 6]².</summary>
/// <remarks>Points are uniform in the square; noise moves the place where the target is read by U(−6, 6)·noise per
/// coordinate, so a noisy target still varies smoothly but no longer fits the points exactly.</remarks>
internal static class RegressionGenerator
{
    private const double Radius = 6;

    private static readonly (double X, double Y, double Sign)[] Bumps =
        [(-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1)];

    internal static Dataset Plane(int size, double noise, SeededRandom random) =>
        Build("plane", size, noise, random, (x, y) => (x + y) / 10);

    internal static Dataset Gaussians(int size, double noise, SeededRandom random) =>
        Build("multi-gaussian", size, noise, random, BumpHeight);

    private static double BumpHeight(double x, double y)
    {
        double best = 0;
        foreach (var (cx, cy, sign) in Bumps)
        {
            double distance = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
            double height = sign * Math.Clamp(1 - distance / 2, 0, 1);
            if (Math.Abs(height) > Math.Abs(best))
                best = height;
        }
        return best;
    }

    private static Dataset Build(string name, int size, double noise, SeededRandom random, Func<double, double, double> target)
    {
        var features = new Matrix(size, 2);
        var targets = new float[size];
        for (int i = 0; i < size; i++)
        {
            double x = random.NextDouble(-Radius, Radius);
            double y = random.NextDouble(-Radius, Radius);
            double dx = random.NextDouble(-Radius, Radius) * noise;
            double dy = random.NextDouble(-Radius, Radius) * noise;
            features[i, 0] = (float)x;
            features[i, 1] = (float)y;
            targets[i] = (float)target(x + dx, y + dy);
        }
        return Dataset.ForRegression(name, features, targets, ["x1", "x2"]);
    }
}
