using CsCheck;
using Rosenblatt.Data;
using Rosenblatt.Linear;

namespace Rosenblatt.Tests.Linear;

public class LinearSeparabilityTests
{
    [Fact]
    public void Check_OnXor_ProvesNoLineExistsWithTheAverageOfEachClass()
    {
        var result = LinearSeparability.Check(LogicGate.Xor.X, LogicGate.Xor.Y);

        Assert.Equal(SeparabilityVerdict.NotSeparable, result.Verdict);
        Assert.True(result.Exact);
        Assert.Null(result.Hyperplane);
        var certificate = result.Certificate!;
        Assert.Equal([0.5, 0.5], certificate.CommonPoint);
        Assert.Equal(["1/2", "1/2"], certificate.ExactCommonPoint);
        Assert.Equal([0, 3], certificate.Negative.Select(p => p.Row));
        Assert.Equal([1, 2], certificate.Positive.Select(p => p.Row));
        Assert.All(certificate.Positive.Concat(certificate.Negative), p => Assert.Equal("1/2", p.ExactWeight));
        Assert.StartsWith(
            "(0.5, 0.5) is the average of (0, 0) and (1, 1) (labelled 0) and also of (0, 1) and (1, 0) (labelled 1), " +
            "so no line can put the two classes on different sides", result.Explanation);
    }

    [Theory]
    [InlineData("and")]
    [InlineData("or")]
    [InlineData("nand")]
    [InlineData("nor")]
    [InlineData("and3")]
    [InlineData("or4")]
    public void Check_OnSeparableGate_ReturnsAHyperplaneThatPutsEachClassOnItsSide(string name)
    {
        var gate = LogicGate.FromName(name);
        var result = LinearSeparability.Check(gate.X, gate.Y);

        Assert.Equal(SeparabilityVerdict.Separable, result.Verdict);
        Assert.True(result.Exact);
        var plane = result.Hyperplane!;
        for (int i = 0; i < gate.X.Length; i++)
        {
            double z = gate.X[i].Zip(plane.Weights, (x, w) => x * w).Sum() + plane.Bias;
            Assert.True(gate.Y[i] == 1 ? z > 0 : z < 0, $"row {i}: z = {z}");
        }
        Assert.True(plane.Margin > 0);
        Assert.Contains("Linearly separable", result.Explanation);
    }

    [Theory]
    [InlineData("xnor")]
    [InlineData("parity3")]
    [InlineData("parity4")]
    public void Check_OnParityGates_IsNotSeparableAndTheCertificateChecksOut(string name)
    {
        var gate = LogicGate.FromName(name);
        var result = LinearSeparability.Check(gate.X, gate.Y);

        Assert.Equal(SeparabilityVerdict.NotSeparable, result.Verdict);
        AssertCertificateHolds(gate.X, gate.Y.Select(v => v == 1).ToArray(), result.Certificate!);
    }

    [Fact]
    public void Check_OnOnePointWithTwoLabels_TheCertificateIsThatPoint()
    {
        double[][] x = [[1, 2], [1, 2], [5, 5]];
        var result = LinearSeparability.Check(x, ["a", "b", "b"]);

        Assert.Equal(SeparabilityVerdict.NotSeparable, result.Verdict);
        Assert.Equal([1.0, 2.0], result.Certificate!.CommonPoint);
        Assert.StartsWith("(1, 2) is the point (1, 2) itself (labelled a) and also the point (1, 2) itself (labelled b)", result.Explanation);
    }

    [Fact]
    public void Check_WithMinusOnePlusOneLabels_TreatsPlusOneAsPositive()
    {
        var y = LogicGate.Or.Y.Select(v => v == 1 ? 1 : -1).ToArray();
        var result = LinearSeparability.Check(LogicGate.Or.X, y);
        Assert.Equal("1", result.PositiveClass);
        Assert.Equal("-1", result.NegativeClass);
        Assert.True(result.Hyperplane!.Bias < 0, "(0, 0) is the only -1 sample, so it must score below zero");
    }

    [Fact]
    public void Check_WithOneDimensionalOverlap_SaysNoThreshold()
    {
        var result = LinearSeparability.Check([[0.0], [1.0], [2.0]], [0, 1, 0]);
        Assert.Equal(SeparabilityVerdict.NotSeparable, result.Verdict);
        Assert.Contains("no threshold can put", result.Explanation);
    }

    [Fact]
    public void Check_WithThreeClasses_ThrowsAndPointsToOneVsRest()
    {
        var ex = Assert.Throws<ArgumentException>(() => LinearSeparability.Check([[0.0], [1.0], [2.0]], [0, 1, 2]));
        Assert.Contains("help: call LinearSeparability.CheckOneVsRest", ex.Message);
    }

    [Fact]
    public void Check_WithNaN_NamesTheCell()
    {
        var ex = Assert.Throws<ArgumentException>(() => LinearSeparability.Check([[0.0], [double.NaN]], [0, 1]));
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void CheckOneVsRest_OnIris_SetosaIsSeparableAndVersicolorIsProvablyNot()
    {
        var (x, y) = Iris();
        var results = LinearSeparability.CheckOneVsRest(x, y);

        Assert.Equal(3, results.Count);
        Assert.Equal(SeparabilityVerdict.Separable, results[0].Verdict);
        Assert.True(results[0].Exact);
        Assert.Equal(SeparabilityVerdict.NotSeparable, results[1].Verdict);
        AssertCertificateHolds(x, y.Select(c => c == 1).ToArray(), results[1].Certificate!);
        Assert.Contains("no hyperplane can put", results[1].Explanation);
    }

    [Fact]
    public void Check_OnLargeNoisyData_IsUndecidedNotAGuess()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 2500).Select(_ => new[] { random.NextDouble(), random.NextDouble() }).ToArray();
        var y = x.Select(_ => random.Next(2)).ToArray();

        var result = LinearSeparability.Check(x, y);

        Assert.Equal(SeparabilityVerdict.Undecided, result.Verdict);
        Assert.False(result.Exact);
        Assert.Null(result.Certificate);
        Assert.Contains("does not prove", result.Explanation);
    }

    [Fact]
    public void Check_OnLargeSeparableData_ProvesSeparabilityByAHyperplaneCheckedExactly()
    {
        var random = new Random(8);
        var x = Enumerable.Range(0, 2500).Select(_ => new[] { random.NextDouble(), random.NextDouble() })
            .Where(p => Math.Abs(p[0] + p[1] - 1) > 0.05).ToArray();
        var y = x.Select(p => p[0] + p[1] > 1 ? 1 : 0).ToArray();

        var result = LinearSeparability.Check(x, y);

        Assert.Equal(SeparabilityVerdict.Separable, result.Verdict);
        Assert.True(result.Exact, "too large for the exact LP, but the hyperplane found is re-checked in rationals");
        Assert.DoesNotContain("not exactly", result.Explanation);
        var plane = result.Hyperplane!;
        Assert.All(Enumerable.Range(0, x.Length), i =>
            Assert.True((y[i] == 1 ? 1 : -1) * (plane.Weights[0] * x[i][0] + plane.Weights[1] * x[i][1] + plane.Bias) > 0));
    }

    [Fact]
    public void Bound_OnAnd_HoldsForTheSeedsRunAndItsMarginIsBracketed()
    {
        var bound = LinearSeparability.Check(LogicGate.And.X, LogicGate.And.Y).Bound!;

        Assert.Equal(Math.Sqrt(3), bound.Radius, 12);
        Assert.True(bound.Margin <= bound.MarginUpperEstimate);
        // The best augmented margin for AND is 1/√17 (v = (2, 2, −3)/√17 meets (0,1), (1,0) and (1,1) at distance 1/√17).
        Assert.InRange(bound.Margin, 1 / Math.Sqrt(17) * (1 - 1e-4), 1 / Math.Sqrt(17));
        Assert.Equal(51, bound.MaxUpdates);
        var report = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 }).Fit(LogicGate.And.X, LogicGate.And.Y);
        Assert.Equal(8, report.Updates);
        Assert.True(report.Updates <= bound.MaxUpdates);
    }

    [Fact]
    public void Property_OnRandomSeparableData_PerceptronUpdatesNeverExceedTheBound()
    {
        var gen =
            from features in Gen.Int[1, 4]
            from rows in Gen.Int[2, 24]
            from normal in Gen.Int[-4, 4].Array[features + 1]
            from points in Gen.Int[-6, 6].Array[features].Array[rows]
            from lr in Gen.Double[0.001, 3]
            from shuffle in Gen.Bool
            from seed in Gen.Int[0, 1000]
            from randomStart in Gen.Bool
            select (features, normal, points, lr, shuffle, seed, randomStart);
        int checkedSets = 0;
        gen.Sample(sample =>
        {
            var (features, normal, points, lr, shuffle, seed, randomStart) = sample;
            var x = points.Select(p => p.Select(v => v / 2.0).ToArray())
                .Where(p => Score(normal, p) != 0).ToArray();
            var y = x.Select(p => Score(normal, p) > 0 ? 1 : 0).ToArray();
            if (y.Distinct().Count() < 2) return;
            checkedSets++;

            var check = LinearSeparability.Check(x, y);
            Assert.Equal(SeparabilityVerdict.Separable, check.Verdict);
            var bound = check.Bound!;
            var options = new PerceptronOptions
            {
                LearningRate = lr, MaxEpochs = 100_000, Shuffle = shuffle, Seed = seed,
                Initialization = randomStart ? WeightInitialization.SmallRandom : WeightInitialization.Zeros, InitialScale = 0.5,
            };
            var report = new Perceptron(options).Fit(x, y);

            Assert.True(report.Converged);
            if (randomStart)
            {
                // From v₀ ≠ 0 the theorem's bound grows by 2‖v₀‖/(lr·γ); the report computes it for the run's own start.
                Assert.True(report.Updates <= report.UpdateBound, $"{report.Updates} updates > bound {report.UpdateBound}");
            }
            else
            {
                Assert.True(report.Updates <= bound.MaxUpdates, $"{report.Updates} updates > bound {bound.MaxUpdates} (R {bound.Radius}, γ {bound.Margin})");
                Assert.True(report.Updates <= report.UpdateBound, $"{report.Updates} updates > the report's bound {report.UpdateBound}");
            }
        }, iter: 300, seed: "0N0XIzNsQ0O2");
        Assert.True(checkedSets > 100);
    }

    [Fact]
    public void Property_OnRandomLabels_EveryVerdictCarriesEvidenceThatChecksOut()
    {
        var gen =
            from features in Gen.Int[1, 3]
            from rows in Gen.Int[2, 16]
            from points in Gen.Int[-3, 3].Array[features].Array[rows]
            from labels in Gen.Bool.Array[rows]
            select (points, labels);
        gen.Sample(sample =>
        {
            var (points, labels) = sample;
            if (labels.Distinct().Count() < 2) return;
            var x = points.Select(p => p.Select(v => (double)v).ToArray()).ToArray();
            var result = LinearSeparability.Check(x, labels);
            Assert.NotEqual(SeparabilityVerdict.Undecided, result.Verdict);
            if (result.Verdict == SeparabilityVerdict.NotSeparable)
            {
                AssertCertificateHolds(x, labels, result.Certificate!);
            }
            else
            {
                var plane = result.Hyperplane!;
                for (int i = 0; i < x.Length; i++)
                {
                    double z = x[i].Zip(plane.Weights, (a, w) => a * w).Sum() + plane.Bias;
                    Assert.True(labels[i] ? z > 0 : z < 0);
                }
            }
        }, iter: 300, seed: "0N0XIzNsQ0O2");
    }

    private static double Score(int[] normal, double[] p) => p.Select((v, k) => v * normal[k]).Sum() + normal[^1] / 3.0;

    private static void AssertCertificateHolds(IReadOnlyList<double[]> x, bool[] positive, OverlapCertificate certificate)
    {
        Assert.All(certificate.Positive, p => Assert.True(positive[p.Row] && p.Weight > 0));
        Assert.All(certificate.Negative, p => Assert.True(!positive[p.Row] && p.Weight > 0));
        Assert.Equal(1, certificate.Positive.Sum(p => p.Weight), 12);
        Assert.Equal(1, certificate.Negative.Sum(p => p.Weight), 12);
        for (int k = 0; k < x[0].Length; k++)
        {
            Assert.Equal(certificate.CommonPoint[k], certificate.Positive.Sum(p => p.Weight * x[p.Row][k]), 9);
            Assert.Equal(certificate.CommonPoint[k], certificate.Negative.Sum(p => p.Weight * x[p.Row][k]), 9);
        }
    }

    private static (double[][] X, int[] Y) Iris()
    {
        using var stream = typeof(Perceptron).Assembly.GetManifestResourceStream("Rosenblatt.Data.Resources.iris.csv")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        var cells = lines.Select(l => l.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray()).ToArray();
        return (cells.Select(c => c[..4]).ToArray(), cells.Select(c => (int)c[4]).ToArray());
    }
}
