using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>The TensorFlow Playground's "circle": a disc of class 1 inside a ring of class 0.</summary>
/// <remarks>
/// Radius R = 5. Class-1 points have r ~ U(0, R/2), class-0 points r ~ U(0.7R, R), angle ~ U(0, 2π),
/// (x, y) = (r sin a, r cos a). Noise does not move the point: the label is decided at a jittered
/// position (x + R·noise·U(−1, 1), y + …) by "inside R/2 → 1", so noise shows up as mislabelled points
/// near the gap, exactly as in the Playground.
/// </remarks>
internal static class CircleGenerator
{
    private const double Radius = 5;

    internal static PointSet Generate(int size, double noise, SeededRandom random)
    {
        var points = new PointSet(size);
        int inside = size - size / 2;
        for (int i = 0; i < size; i++)
        {
            bool positive = i < inside;
            double r = positive ? random.NextDouble(0, Radius * 0.5) : random.NextDouble(Radius * 0.7, Radius);
            double angle = random.NextDouble(0, 2 * Math.PI);
            double x = r * Math.Sin(angle);
            double y = r * Math.Cos(angle);
            double nx = random.NextDouble(-Radius, Radius) * noise;
            double ny = random.NextDouble(-Radius, Radius) * noise;
            bool labelInside = Math.Sqrt((x + nx) * (x + nx) + (y + ny) * (y + ny)) < Radius * 0.5;
            points.Add(x, y, labelInside ? 1 : 0);
        }
        return points;
    }
}
