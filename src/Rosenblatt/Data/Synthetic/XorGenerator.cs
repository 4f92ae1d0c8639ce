using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>The TensorFlow Playground's "exclusive or": four quadrants, class 1 where x·y ≥ 0.</summary>
/// <remarks>
/// x, y ~ U(−5, 5), each pushed 0.3 away from its axis so the quadrants have a visible gap. The label is
/// decided at a jittered position (x + 5·noise·U(−1, 1), …) by x·y ≥ 0 → 1, so noise mislabels points
/// near the axes; the point itself is not moved (the Playground's definition).
/// </remarks>
internal static class XorGenerator
{
    private const double Extent = 5;
    private const double Padding = 0.3;

    internal static PointSet Generate(int size, double noise, SeededRandom random)
    {
        var points = new PointSet(size);
        for (int i = 0; i < size; i++)
        {
            double x = random.NextDouble(-Extent, Extent);
            x += x > 0 ? Padding : -Padding;
            double y = random.NextDouble(-Extent, Extent);
            y += y > 0 ? Padding : -Padding;
            double nx = random.NextDouble(-Extent, Extent) * noise;
            double ny = random.NextDouble(-Extent, Extent) * noise;
            points.Add(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
        }
        return points;
    }
}
