using Rosenblatt.Data;
using Rosenblatt.Diagnostics;
using Rosenblatt.Linear;
using Rosenblatt.Randomness;

namespace Rosenblatt.Tests.Linear;

public class PerceptronTests
{
    [Theory]
    [InlineData("and")]
    [InlineData("or")]
    [InlineData("nand")]
    [InlineData("nor")]
    [InlineData("and3")]
    [InlineData("or4")]
    public void Fit_OnSeparableGate_ConvergesAndPredictsTheTruthTable(string gate)
    {
        var g = LogicGate.FromName(gate);
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 100 });
        var report = p.Fit(g.X, g.Y);
        Assert.True(report.Converged);
        Assert.Equal(0, report.MistakesPerEpoch[^1]);
        Assert.Equal(g.Y, p.Predict(g.X));
        Assert.Equal(1.0, report.TrainingAccuracy);
    }

    [Fact]
    public void Fit_WithMinusOnePlusOneLabels_TreatsPlusOneAsPositive()
    {
        var y = LogicGate.And.Y.Select(v => v == 1 ? 1 : -1).ToArray();
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.And.X, y);
        Assert.Equal([-1, 1], p.Classes);
        Assert.Equal(y, p.Predict(LogicGate.And.X));
        Assert.Equal(0.2, p.Weights[0], 12); // same run as with 0/1 labels
    }

    [Fact]
    public void Fit_WithStringLabels_PredictsStrings()
    {
        var y = LogicGate.Or.Y.Select(v => v == 1 ? "on" : "off").ToArray();
        var p = new Perceptron<string>(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.Or.X, y);
        Assert.Equal(["off", "on"], p.Classes);
        Assert.Equal(y, p.Predict(LogicGate.Or.X));
        Assert.Equal("on", p.Predict([1.0, 0.0]));
    }

    [Fact]
    public void Fit_WithThreeClasses_TrainsOneVsRestAndPredictsEveryCluster()
    {
        var (x, y) = Clusters(seed: 3, perClass: 30, centers: [(0, 5), (5, -5), (-5, -5)]);
        var p = new Perceptron(new PerceptronOptions { LearningRate = 1, MaxEpochs = 200 });
        p.Fit(x, y);
        Assert.Equal(3, p.Coefficients.Count);
        Assert.Equal(3, p.Intercepts.Count);
        Assert.Equal(1.0, p.Score(x, y));
        Assert.Throws<InvalidOperationException>(() => p.Weights);
        Assert.Equal(3, p.DecisionScores(x)[0].Length);
    }

    [Fact]
    public void Fit_WithShuffle_IsReproducibleForTheSameSeedAndDiffersAcrossSeeds()
    {
        var g = LogicGate.AndOf(4);
        double[] Run(int seed)
        {
            var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 100, Shuffle = true, Seed = seed, RecordSteps = true });
            p.Fit(g.X, g.Y);
            return p.Steps.Select(s => (double)s.Sample).Take(16).Concat(p.Weights).ToArray();
        }
        Assert.Equal(Run(7), Run(7));
        Assert.NotEqual(Run(7), Run(8));
    }

    [Fact]
    public void Fit_WithSmallRandomInit_StartsFromSeededNonZeroWeights()
    {
        var options = new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 1, Initialization = WeightInitialization.SmallRandom, Seed = 5, RecordSteps = true };
        var p = new Perceptron(options);
        p.Fit(LogicGate.Or.X, LogicGate.Or.Y);
        var start = p.Steps[0].WeightsBefore;
        Assert.All(start, w => Assert.InRange(w, -0.01, 0.01));
        Assert.Contains(start, w => w != 0);
        var again = new Perceptron(options);
        again.Fit(LogicGate.Or.X, LogicGate.Or.Y);
        Assert.Equal(start, again.Steps[0].WeightsBefore);
    }

    [Fact]
    public void Fit_PocketOnNoisyData_KeepsWeightsAtLeastAsGoodAsTheLastOnes()
    {
        var (x, y, clean) = NoisyLine(seed: 11, n: 200, flip: 0.1);
        var classic = new Perceptron(new PerceptronOptions { LearningRate = 1, MaxEpochs = 50, Shuffle = true });
        var pocket = new Perceptron(new PerceptronOptions { LearningRate = 1, MaxEpochs = 50, Shuffle = true, Variant = PerceptronVariant.Pocket });
        classic.Fit(x, y);
        pocket.Fit(x, y);
        Assert.False(pocket.Converged);
        Assert.True(pocket.Score(x, y) >= classic.Score(x, y));
        // 10% of labels are flipped, so about 0.9 is the best any line can do on them.
        Assert.True(pocket.Score(x, clean) >= 0.9, $"pocket accuracy on clean labels {pocket.Score(x, clean)}");
    }

    [Fact]
    public void Fit_AveragedOnNoisyData_ReturnsTheMeanOfTheVisitedWeights()
    {
        var g = LogicGate.Xor;
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 3, Variant = PerceptronVariant.Averaged, RecordSteps = true });
        p.Fit(g.X, g.Y);
        var steps = p.Steps;
        for (int j = 0; j < 2; j++)
            Assert.Equal(steps.Average(s => s.WeightsAfter[j]), p.Weights[j], 12);
        Assert.Equal(steps.Average(s => s.BiasAfter), p.Bias, 12);
    }

    [Fact]
    public void Fit_AveragedOnNoisyLine_RecoversTheCleanBoundary()
    {
        var (x, y, clean) = NoisyLine(seed: 4, n: 300, flip: 0.05);
        var p = new Perceptron(new PerceptronOptions { LearningRate = 1, MaxEpochs = 30, Shuffle = true, Variant = PerceptronVariant.Averaged });
        p.Fit(x, y);
        Assert.True(p.Score(x, clean) >= 0.93, $"averaged accuracy on clean labels {p.Score(x, clean)}");
    }

    [Fact]
    public void Fit_CalledTwice_StartsAfresh()
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        Assert.Equal([2, 3, 3, 0], p.MistakesPerEpoch);
    }

    [Fact]
    public void Weights_BeforeFit_ThrowsNotFittedWithTheFix()
    {
        var p = new Perceptron();
        var ex = Assert.Throws<NotFittedException>(() => p.Weights);
        Assert.Contains("call Perceptron.Fit(X, y) first", ex.Message);
    }

    [Fact]
    public void DecisionFunction_IsTheRawWeightedSum()
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        var z = p.DecisionFunction(LogicGate.And.X);
        for (int i = 0; i < 4; i++)
            Assert.Equal(p.Bias + p.Weights[0] * LogicGate.And.X[i][0] + p.Weights[1] * LogicGate.And.X[i][1], z[i], 12);
    }

    internal static (double[][] X, int[] Y) Clusters(int seed, int perClass, (double, double)[] centers)
    {
        var rng = new SeededRandom(seed);
        var x = new List<double[]>();
        var y = new List<int>();
        for (int c = 0; c < centers.Length; c++)
        {
            for (int i = 0; i < perClass; i++)
            {
                x.Add([centers[c].Item1 + rng.NextGaussian() * 0.5, centers[c].Item2 + rng.NextGaussian() * 0.5]);
                y.Add(c);
            }
        }
        return (x.ToArray(), y.ToArray());
    }

    internal static (double[][] X, int[] Y, int[] Clean) NoisyLine(int seed, int n, double flip)
    {
        var rng = new SeededRandom(seed);
        var x = new double[n][];
        var y = new int[n];
        var clean = new int[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = [rng.NextDouble(-1, 1), rng.NextDouble(-1, 1)];
            clean[i] = x[i][0] + 0.5 * x[i][1] > 0.1 ? 1 : 0;
            y[i] = rng.NextDouble() < flip ? 1 - clean[i] : clean[i];
        }
        return (x, y, clean);
    }
}
