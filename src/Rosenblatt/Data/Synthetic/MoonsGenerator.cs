using Rosenblatt.Randomness;

namespace Rosenblatt.Data.Synthetic;

/// <summary>Two interleaving half circles ("two moons"), scikit-learn's <c>make_moons</c> shape.</summary>
/// <remarks>
/// Class 0 is the upper arc (cos t, sin t) and class 1 the lower arc (1 − cos t, 0.5 − sin t), with t
/// spaced evenly over [0, π] on each arc; then Gaussian noise of standard deviation <c>noise</c> is added
/// to both coordinates. Class 0 gets ⌊size/2⌋ points. Not linearly separable, but one small hidden layer is enough.
/// </remarks>
internal static class MoonsGenerator
{
    internal static PointSet Generate(int size, double noise, SeededRandom random)
    {
        var points = new PointSet(size);
        int outer = size / 2;
        int inner = size - outer;
        for (int i = 0; i < outer; i++)
        {
            double t = Spaced(i, outer);
            points.Add(Math.Cos(t) + noise * random.NextGaussian(), Math.Sin(t) + noise * random.NextGaussian(), 0);
        }
        for (int i = 0; i < inner; i++)
        {
            double t = Spaced(i, inner);
            points.Add(1 - Math.Cos(t) + noise * random.NextGaussian(), 0.5 - Math.Sin(t) + noise * random.NextGaussian(), 1);
        }
        return points;
    }

    // NumPy's linspace(0, π, count): both ends included; a single point sits at 0.
    private static double Spaced(int i, int count) => count == 1 ? 0 : Math.PI * i / (count - 1);
}
