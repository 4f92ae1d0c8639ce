using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>The TensorFlow Playground's "spiral": two interleaved arms, class 1 and class 0, half a turn apart.</summary>
/// <remarks>
/// With n = size/2, point i of an arm has radius r = 5i/n and angle t = 1.75 · 2π · i/n + δ (δ = 0 for
/// class 1, π for class 0), so each arm winds 1.75 turns outwards from the centre;
/// (x, y) = (r sin t, r cos t) + noise·U(−1, 1) per coordinate. The hardest of the four Playground sets:
/// no single hidden layer of a few units separates it.
/// </remarks>
internal static class SpiralGenerator
{
    internal static PointSet Generate(int size, double noise, SeededRandom random)
    {
        var points = new PointSet(size);
        double n = size / 2.0;
        int positives = size - size / 2;
        Arm(points, positives, n, 0, 1, noise, random);
        Arm(points, size - positives, n, Math.PI, 0, noise, random);
        return points;
    }

    /// <summary>A spiral of <paramref name="arms"/> arms, arm k labelled k and turned 2πk/arms from arm 0; with two arms the
    /// Playground's spiral up to labels (its class 1 is arm 0).</summary>
    internal static PointSet GenerateArms(int size, double noise, int arms, SeededRandom random)
    {
        var points = new PointSet(size);
        double n = (double)size / arms;
        for (int k = 0; k < arms; k++)
        {
            int count = size / arms + (k < size % arms ? 1 : 0);
            Arm(points, count, n, 2 * Math.PI * k / arms, k, noise, random);
        }
        return points;
    }

    private static void Arm(PointSet points, int count, double n, double delta, int label, double noise, SeededRandom random)
    {
        for (int i = 0; i < count; i++)
        {
            double r = i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + delta;
            double x = r * Math.Sin(t) + random.NextDouble(-1, 1) * noise;
            double y = r * Math.Cos(t) + random.NextDouble(-1, 1) * noise;
            points.Add(x, y, label);
        }
    }
}
