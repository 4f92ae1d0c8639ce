using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Preprocessing;
using Rosenblatt.Training;

namespace Rosenblatt.Tests.Linear;

/// <summary>The default solver: L-BFGS stops at the optimum, proved by a gradient computed here from the stored coefficients.</summary>
public class LogisticRegressionLbfgsTests
{
    /// <summary>The gradient of mean cross-entropy + (λ/2)·‖W‖², computed independently of the library from the fitted
    /// model's coefficients (softmax over units, or one sigmoid unit for two classes); the largest absolute component.</summary>
    private static double GradientMaxAbs(LogisticRegression model, double[][] x, int[] y, double l2)
    {
        var w = model.Coefficients;
        var b = model.Intercepts;
        int units = w.Count, d = x[0].Length, n = x.Length;
        var gw = new double[units, d];
        var gb = new double[units];
        for (int r = 0; r < n; r++)
        {
            var z = new double[units];
            for (int u = 0; u < units; u++)
            {
                z[u] = b[u];
                for (int i = 0; i < d; i++)
                    z[u] += w[u][i] * x[r][i];
            }
            var residual = new double[units];
            if (units == 1)
            {
                residual[0] = 1 / (1 + Math.Exp(-z[0])) - y[r];
            }
            else
            {
                double max = z.Max();
                double sum = z.Sum(v => Math.Exp(v - max));
                for (int u = 0; u < units; u++)
                    residual[u] = Math.Exp(z[u] - max) / sum - (u == y[r] ? 1 : 0);
            }
            for (int u = 0; u < units; u++)
            {
                gb[u] += residual[u] / n;
                for (int i = 0; i < d; i++)
                    gw[u, i] += residual[u] * x[r][i] / n;
            }
        }
        double largest = 0;
        for (int u = 0; u < units; u++)
        {
            largest = Math.Max(largest, Math.Abs(gb[u]));
            for (int i = 0; i < d; i++)
                largest = Math.Max(largest, Math.Abs(gw[u, i] + l2 * w[u][i]));
        }
        return largest;
    }

    private static (double[][] X, int[] Y) ScaledDigits()
    {
        var digits = BuiltInDatasets.Digits();
        return (new StandardScaler().FitTransform(digits.ToRows()), digits.Labels);
    }

    [Fact]
    public void Fit_OnDigits_StopsWhereTheGradientIsBelowTheTolerance()
    {
        var (x, y) = ScaledDigits();
        double l2 = 1.0 / x.Length;   // scikit-learn's C = 1
        var options = new LogisticRegressionOptions { L2 = l2, GradientTolerance = 1e-6 };
        var model = new LogisticRegression(options);
        model.Fit(x, y);
        Assert.True(model.Converged, $"stopped after {model.EpochsRun} iterations");
        Assert.True(model.EpochsRun < options.MaxEpochs);
        double gradient = GradientMaxAbs(model, x, y, l2);
        Assert.True(gradient <= options.GradientTolerance, $"max |gradient| {gradient:G3} at the stored weights");
        Assert.Equal(gradient, model.GradientNorm, 1e-9);
    }

    [Fact]
    public void Fit_WithDefaults_OnNoisyData_StopsWhereTheGradientIsBelowTheDefaultTolerance()
    {
        var (x, y, _) = PerceptronTests.NoisyLine(seed: 5, n: 300, flip: 0.1);
        var model = new LogisticRegression(new LogisticRegressionOptions { L2 = 0.01 });
        model.Fit(x, y);
        Assert.True(model.Converged);
        double gradient = GradientMaxAbs(model, x, y, 0.01);
        Assert.True(gradient <= 1e-8 * 1.5, $"max |gradient| {gradient:G3} (tolerance 1e-8, up to float32 rounding of the weights)");
    }

    [Fact]
    public void Fit_TighterTolerance_LandsCloserToTheOptimumThanTheLooserOne()
    {
        // The optimum is unique (strictly convex with L2 > 0); the tight run stands for it.
        var (x, y) = ScaledDigits();
        double l2 = 1.0 / x.Length;
        double[] Fitted(double tolerance)
        {
            var m = new LogisticRegression(new LogisticRegressionOptions { L2 = l2, GradientTolerance = tolerance });
            m.Fit(x, y);
            return m.Coefficients.SelectMany(r => r).Concat(m.Intercepts).ToArray();
        }
        var best = Fitted(1e-8);
        double Distance(double[] a) => Math.Sqrt(a.Zip(best, (p, q) => (p - q) * (p - q)).Sum()) / Math.Sqrt(best.Sum(q => q * q));
        double loose = Distance(Fitted(1e-3)), medium = Distance(Fitted(1e-5));
        Assert.True(medium < loose, $"relative distance at 1e-5 {medium:G3} vs at 1e-3 {loose:G3}");
        Assert.True(medium < 1e-2, $"relative distance at 1e-5 {medium:G3}");
    }

    [Fact]
    public void Fit_LbfgsAndLongGradientDescent_ReachTheSameOptimum()
    {
        var (x, y, _) = PerceptronTests.NoisyLine(seed: 8, n: 200, flip: 0.05);
        var lbfgs = new LogisticRegression(new LogisticRegressionOptions { L2 = 0.05 });
        var descent = new LogisticRegression(new LogisticRegressionOptions
        {
            L2 = 0.05, Solver = LogisticRegressionSolver.GradientDescent, LearningRate = 1, MaxEpochs = 20_000, Tolerance = 0, Patience = 20_000,
        });
        lbfgs.Fit(x, y);
        descent.Fit(x, y);
        Assert.Equal(LogisticRegressionSolver.GradientDescent, descent.Options.Solver);
        Assert.Equal(20_000, descent.EpochsRun);
        Assert.True(lbfgs.EpochsRun < 200, $"L-BFGS took {lbfgs.EpochsRun} iterations");
        for (int i = 0; i < 2; i++)
            Assert.Equal(lbfgs.Weights[i], descent.Weights[i], 3);
        Assert.Equal(lbfgs.Bias, descent.Bias, 3);
    }

    [Fact]
    public void Fit_ReportsEveryIteration_AsAnEpoch()
    {
        var (x, y, _) = PerceptronTests.NoisyLine(seed: 1, n: 100, flip: 0.1);
        var seen = new List<EpochRecord>();
        var model = new LogisticRegression(new LogisticRegressionOptions { L2 = 0.01 });
        var history = model.Fit(x, y, new SynchronousProgress<EpochRecord>(seen.Add));
        Assert.Equal(history.Epochs.Count, seen.Count);
        Assert.Equal(Enumerable.Range(1, seen.Count), seen.Select(e => e.Epoch));
        Assert.All(seen, e => Assert.NotNull(e.Accuracy));
        Assert.True(seen[^1].Loss < seen[0].Loss);
    }

    [Fact]
    public void Fit_Cancelled_StopsAfterTheFirstIteration_AndSaysSo()
    {
        var (x, y, _) = PerceptronTests.NoisyLine(seed: 1, n: 100, flip: 0.1);
        var model = new LogisticRegression();
        var history = model.Fit(x, y, null, new CancellationToken(canceled: true));
        Assert.True(history.Cancelled);
        Assert.False(model.Converged);
        Assert.Equal(1, model.EpochsRun);
    }

    [Fact]
    public void Create_LbfgsWithMiniBatches_IsRefusedWithTheFix()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new LogisticRegression(new LogisticRegressionOptions { Solver = LogisticRegressionSolver.Lbfgs, BatchSize = 32 }));
        Assert.Contains("BatchSize 32", ex.Message);
        Assert.Contains("help:", ex.Message);
        Assert.Contains("GradientDescent", ex.Message);
    }

    [Fact]
    public void Create_LbfgsWithAnotherOptimizer_IsRefusedWithTheFix()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new LogisticRegression(new LogisticRegressionOptions { Solver = LogisticRegressionSolver.Lbfgs, Optimizer = "adam" }));
        Assert.Contains("'adam'", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Theory]
    [InlineData(-1e-3)]
    [InlineData(2)]
    public void Create_WithGradientToleranceOutOfRange_QuotesTheValue(double tolerance)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new LogisticRegression(new LogisticRegressionOptions { GradientTolerance = tolerance }));
        Assert.Contains("GradientTolerance", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Auto_PicksLbfgsForFullBatchSgd_AndGradientDescentOtherwise()
    {
        Assert.Equal(LogisticRegressionSolver.Lbfgs, new LogisticRegressionOptions().EffectiveSolver);
        Assert.Equal(LogisticRegressionSolver.GradientDescent, new LogisticRegressionOptions { BatchSize = 16 }.EffectiveSolver);
        Assert.Equal(LogisticRegressionSolver.GradientDescent, new LogisticRegressionOptions { Optimizer = "adam" }.EffectiveSolver);
        Assert.Equal(LogisticRegressionSolver.GradientDescent, new LogisticRegressionOptions { Solver = LogisticRegressionSolver.GradientDescent }.EffectiveSolver);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
