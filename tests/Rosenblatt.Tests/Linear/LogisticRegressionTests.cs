using Rosenblatt.Data;
using Rosenblatt.Linear;

namespace Rosenblatt.Tests.Linear;

public class LogisticRegressionTests
{
    [Fact]
    public void Fit_OnAnd_ClassifiesEveryRowWithConfidentProbabilities()
    {
        var model = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 1, MaxEpochs = 3000 });
        model.Fit(LogicGate.And.X, LogicGate.And.Y);
        Assert.Equal(LogicGate.And.Y, model.Predict(LogicGate.And.X));
        var p = model.PredictProbabilities(LogicGate.And.X);
        Assert.All(p, row => Assert.Equal(1.0, row.Sum(), 6));
        Assert.True(p[3][1] > 0.8, $"P(1 | [1,1]) = {p[3][1]}");
        Assert.True(p[0][1] < 0.05, $"P(1 | [0,0]) = {p[0][1]}");
    }

    [Fact]
    public void Fit_OnXor_ConvergesWhereThePerceptronCannot_ButStaysAtChance()
    {
        var model = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 0.5, MaxEpochs = 5000 });
        model.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);
        Assert.True(model.Converged, "gradient descent on a convex loss settles");
        // The best a line can do with a smooth loss on XOR is the all-0.5 answer: w = 0, b = 0.
        Assert.All(model.PredictProbabilities(LogicGate.Xor.X), row => Assert.Equal(0.5, row[1], 3));
        Assert.Equal(0.69314718, model.History.Last.Loss, 5); // log 2
    }

    [Fact]
    public void Fit_OnNoisyData_ConvergesWhereThePerceptronNeverSettles()
    {
        // 10% of the labels flipped: no line separates the data, so Rosenblatt's rule keeps making mistakes.
        var (x, y, clean) = PerceptronTests.NoisyLine(seed: 3, n: 200, flip: 0.1);
        var perceptron = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 200 });
        var report = perceptron.Fit(x, y);
        Assert.False(report.Converged);
        Assert.All(report.MistakesPerEpoch.TakeLast(20), m => Assert.True(m > 0));

        var logistic = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 0.5, MaxEpochs = 5000 });
        logistic.Fit(x, y);
        Assert.True(logistic.Converged, $"stopped after {logistic.History.Epochs.Count} epochs");
        Assert.True(logistic.Score(x, clean) > 0.95, $"accuracy against the clean labels {logistic.Score(x, clean)}");
    }

    [Fact]
    public void Fit_WithThreeClasses_UsesSoftmaxAndSeparatesTheClusters()
    {
        var (x, y) = PerceptronTests.Clusters(seed: 9, perClass: 40, centers: [(0, 4), (4, -4), (-4, -4)]);
        var model = new LogisticRegression(new LogisticRegressionOptions { LearningRate = 0.5, MaxEpochs = 500 });
        model.Fit(x, y);
        Assert.Equal(3, model.Coefficients.Count);
        Assert.Equal(1.0, model.Score(x, y));
        Assert.All(model.PredictProbabilities(x), row => Assert.Equal(1.0, row.Sum(), 5));
        Assert.Throws<InvalidOperationException>(() => model.Weights);
    }

    [Fact]
    public void Fit_WithL2_ShrinksTheWeights()
    {
        var (x, y, _) = PerceptronTests.NoisyLine(seed: 2, n: 200, flip: 0.05);
        var plain = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 2000 });
        var ridge = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 2000, L2 = 0.05 });
        plain.Fit(x, y);
        ridge.Fit(x, y);
        double Norm(LogisticRegression m) => Math.Sqrt(m.Weights.Sum(w => w * w));
        Assert.True(Norm(ridge) < Norm(plain), $"|w| with L2 {Norm(ridge)} vs without {Norm(plain)}");
    }

    [Fact]
    public void DecisionFunction_IsTheLogOddsOfThePositiveClass()
    {
        var model = new LogisticRegression(new LogisticRegressionOptions { MaxEpochs = 500 });
        model.Fit(LogicGate.Or.X, LogicGate.Or.Y);
        var z = model.DecisionFunction(LogicGate.Or.X);
        var p = model.PredictProbabilities(LogicGate.Or.X);
        for (int i = 0; i < 4; i++)
            Assert.Equal(1 / (1 + Math.Exp(-z[i])), p[i][1], 6);
    }

    [Fact]
    public void Fit_WithStringLabels_PredictsStrings()
    {
        var y = LogicGate.Or.Y.Select(v => v == 1 ? "yes" : "no").ToArray();
        var model = new LogisticRegression<string>(new LogisticRegressionOptions { MaxEpochs = 2000, LearningRate = 1 });
        model.Fit(LogicGate.Or.X, y);
        Assert.Equal(y, model.Predict(LogicGate.Or.X));
    }
}
