using Rosenblatt.Data;
using Rosenblatt.Linear;

namespace Rosenblatt.Tests.Linear;

public class PerceptronConvergenceTests
{
    [Fact]
    public void Fit_OnXor_ReportsNotLinearlySeparableWithTheCertificateAndAdvisesAHiddenLayer()
    {
        var report = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 }).Fit(LogicGate.Xor.X, LogicGate.Xor.Y);

        Assert.False(report.Converged);
        var check = Assert.Single(report.Separability);
        Assert.Equal(SeparabilityVerdict.NotSeparable, check.Verdict);
        Assert.Null(report.UpdateBound);
        Assert.Contains("No number of epochs will help: the data is not linearly separable.", report.Summary);
        Assert.Contains("(0.5, 0.5) is the average of (0, 0) and (1, 1) (labelled 0) and also of (0, 1) and (1, 0) (labelled 1), " +
                        "so no line can put the two classes on different sides", report.Summary);
        Assert.Contains("Add a hidden layer", report.Summary);
    }

    [Fact]
    public void Fit_StoppedBeforeConvergingOnSeparableData_SaysMoreEpochsWillDoAndGivesTheBound()
    {
        var report = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 2 }).Fit(LogicGate.And.X, LogicGate.And.Y);

        Assert.False(report.Converged);
        Assert.Equal(SeparabilityVerdict.Separable, report.Separability[0].Verdict);
        Assert.Equal(51, report.UpdateBound);
        Assert.Contains("The data is linearly separable, so more epochs will get there: raise MaxEpochs (now 2).", report.Summary);
        Assert.Contains("allows at most (R/γ)² = 51 updates", report.Summary);
    }

    [Fact]
    public void Fit_Converged_ReportsTheBoundBesideTheUpdatesMade()
    {
        var report = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 }).Fit(LogicGate.And.X, LogicGate.And.Y);

        Assert.True(report.Converged);
        Assert.Equal(51, report.UpdateBound);
        Assert.EndsWith("The perceptron convergence theorem allows at most (R/γ)² = 51 updates on this data; this run made 8.", report.Summary);
    }

    [Fact]
    public void Fit_FromRandomWeights_BoundAddsTheStartingTermAndStillHolds()
    {
        var options = new PerceptronOptions { LearningRate = 0.01, MaxEpochs = 1000, Initialization = WeightInitialization.SmallRandom, InitialScale = 0.5, Seed = 3 };
        var report = new Perceptron(options).Fit(LogicGate.Nand.X, LogicGate.Nand.Y);

        var bound = report.Separability[0].Bound!;
        Assert.True(bound.InitialWeightNorm > 0);
        Assert.Equal(0.01, bound.LearningRate);
        double zeroStart = bound.Radius * bound.Radius / (bound.Margin * bound.Margin);
        Assert.Equal(zeroStart + 2 * bound.InitialWeightNorm / (0.01 * bound.Margin), bound.Value, 6);
        Assert.True(report.Updates <= report.UpdateBound);
        Assert.Contains("at most (R/γ)² + 2‖v₀‖/(lr·γ) = ", report.Summary);
    }

    [Fact]
    public void Fit_OneVsRestWithAnInseparableClass_NamesThatClass()
    {
        // Class "b" sits between "a" and "c" on a line: "a" and "c" are separable from the rest, "b" is not.
        double[][] x = [[0.0], [1.0], [2.0], [3.0], [4.0], [5.0]];
        string[] y = ["a", "a", "b", "b", "c", "c"];

        var report = new Perceptron<string>(new PerceptronOptions { MaxEpochs = 50 }).Fit(x, y);

        Assert.False(report.Converged);
        Assert.Equal([SeparabilityVerdict.Separable, SeparabilityVerdict.NotSeparable, SeparabilityVerdict.Separable],
            report.Separability.Select(r => r.Verdict));
        Assert.Contains("the data (b vs rest) is not linearly separable", report.Summary);
        Assert.Contains("no threshold can put", report.Summary);
    }
}
