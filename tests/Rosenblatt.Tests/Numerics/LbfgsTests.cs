using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class LbfgsTests
{
    /// <summary>Rosenbrock's function, (1 − a)² + 100·(b − a²)², whose only minimum is at (1, 1).</summary>
    private static double Rosenbrock(double[] v, double[] g)
    {
        double a = v[0], b = v[1];
        g[0] = -2 * (1 - a) - 400 * a * (b - a * a);
        g[1] = 200 * (b - a * a);
        return (1 - a) * (1 - a) + 100 * (b - a * a) * (b - a * a);
    }

    [Fact]
    public void Minimize_Rosenbrock_ReachesTheMinimumAtOneOne()
    {
        var x = new[] { -1.2, 1.0 };
        var (outcome, iterations) = Lbfgs.Minimize(Rosenbrock, x, 1000, 1e-10, 10, (_, _, _, _) => true);
        Assert.Equal(LbfgsOutcome.Converged, outcome);
        Assert.InRange(iterations, 1, 999);
        Assert.Equal(1.0, x[0], 6);
        Assert.Equal(1.0, x[1], 6);
    }

    [Fact]
    public void Minimize_Quadratic_DecreasesEveryIteration_AndEndsBelowTheTolerance()
    {
        // f = Σ cᵢ·(xᵢ − i)²/2 with curvatures 1..100: minimum at xᵢ = i.
        int n = 20;
        double F(double[] v, double[] g)
        {
            double f = 0;
            for (int i = 0; i < n; i++)
            {
                double c = 1 + 99.0 * i / (n - 1), e = v[i] - i;
                g[i] = c * e;
                f += c * e * e / 2;
            }
            return f;
        }
        var x = new double[n];
        var values = new List<double>();
        var (outcome, _) = Lbfgs.Minimize(F, x, 500, 1e-9, 5, (_, f, _, _) => { values.Add(f); return true; });
        Assert.Equal(LbfgsOutcome.Converged, outcome);
        for (int k = 1; k < values.Count; k++)
            Assert.True(values[k] <= values[k - 1], $"iteration {k + 1} raised f from {values[k - 1]} to {values[k]}");
        var g = new double[n];
        F(x, g);
        Assert.True(Lbfgs.MaxAbs(g) <= 1e-9);
        for (int i = 0; i < n; i++)
            Assert.Equal(i, x[i], 6);
    }

    [Fact]
    public void Minimize_WhenTheCallerSaysStop_StopsThere()
    {
        var x = new[] { -1.2, 1.0 };
        var (outcome, iterations) = Lbfgs.Minimize(Rosenbrock, x, 1000, 1e-10, 10, (k, _, _, _) => k < 3);
        Assert.Equal(LbfgsOutcome.Stopped, outcome);
        Assert.Equal(3, iterations);
    }

    [Fact]
    public void Minimize_AtTheMinimumAlready_TakesNoStep()
    {
        var x = new[] { 1.0, 1.0 };
        var (outcome, iterations) = Lbfgs.Minimize(Rosenbrock, x, 10, 1e-10, 10, (_, _, _, _) => true);
        Assert.Equal(LbfgsOutcome.Converged, outcome);
        Assert.Equal(0, iterations);
        Assert.Equal([1.0, 1.0], x);
    }
}
