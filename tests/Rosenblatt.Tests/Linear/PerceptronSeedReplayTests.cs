using Rosenblatt.Data;
using Rosenblatt.Linear;

namespace Rosenblatt.Tests.Linear;

/// <summary>The seeds' perceptron (zero init, lr 0.1, truth-table order), number for number.</summary>
public class PerceptronSeedReplayTests
{
    private static Perceptron SeedPerceptron() => new(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10 });

    [Fact]
    public void Fit_OnAnd_EndsWithTheSeedsWeightsAfterFourEpochs()
    {
        var p = SeedPerceptron();
        var report = p.Fit(LogicGate.And.X, LogicGate.And.Y);

        Assert.Equal(0.2, p.Weights[0], 12);
        Assert.Equal(0.1, p.Weights[1], 12);
        Assert.Equal(-0.2, p.Bias, 12);
        Assert.Equal([2, 3, 3, 0], report.MistakesPerEpoch);
        Assert.True(report.Converged);
        Assert.Equal(4, report.EpochsRun);
        Assert.Equal(8, report.Updates);
        Assert.Equal([0, 0, 0, 1], p.Predict(LogicGate.And.X));
    }

    [Fact]
    public void Fit_OnOr_EndsWithTheSeedsWeights()
    {
        var p = SeedPerceptron();
        p.Fit(LogicGate.Or.X, LogicGate.Or.Y);

        Assert.Equal(0.1, p.Weights[0], 12);
        Assert.Equal(0.1, p.Weights[1], 12);
        Assert.Equal(-0.1, p.Bias, 12);
        Assert.True(p.Converged);
        Assert.Equal([0, 1, 1, 1], p.Predict(LogicGate.Or.X));
    }

    [Fact]
    public void Fit_OnXor_NeverConvergesInTenEpochs()
    {
        var p = SeedPerceptron();
        var report = p.Fit(LogicGate.Xor.X, LogicGate.Xor.Y);

        Assert.False(report.Converged);
        Assert.Equal([3, 3, 4, 4, 4, 4, 4, 4, 4, 4], report.MistakesPerEpoch);
        Assert.Equal(-0.1, p.Weights[0], 12);
        Assert.Equal(0.0, p.Weights[1], 12);
        Assert.Equal(0.0, p.Bias, 12);
        Assert.Equal([1, 1, 0, 0], p.Predict(LogicGate.Xor.X));
        Assert.Contains("Did not converge in 10 epochs", report.Summary);
    }

    [Fact]
    public void Fit_WithRecordSteps_LogsEveryVisitWithWeightsBeforeAndAfter()
    {
        var p = new Perceptron(new PerceptronOptions { LearningRate = 0.1, MaxEpochs = 10, RecordSteps = true });
        p.Fit(LogicGate.And.X, LogicGate.And.Y);

        Assert.Equal(16, p.Steps.Count); // 4 epochs × 4 samples
        var first = p.Steps[0];
        Assert.Equal((1, 0, 0, 1, -1), (first.Epoch, first.Sample, first.Target, first.Prediction, first.Error));
        Assert.Equal([0.0, 0.0], first.WeightsBefore);
        Assert.Equal(0.0, first.BiasBefore);
        Assert.Equal(-0.1, first.BiasAfter, 15);
        foreach (var step in p.Steps)
        {
            for (int j = 0; j < 2; j++)
                Assert.Equal(step.WeightsBefore[j] + 0.1 * step.Error * step.Input[j], step.WeightsAfter[j], 15);
            Assert.Equal(step.BiasBefore + 0.1 * step.Error, step.BiasAfter, 15);
        }
        Assert.Equal(p.Updates, p.Steps.Count(s => s.Error != 0));
        Assert.Equal(p.Weights, p.Steps[^1].WeightsAfter);
    }

    [Fact]
    public void Steps_WhenNotRecorded_SaysHowToTurnThemOn()
    {
        var p = SeedPerceptron();
        p.Fit(LogicGate.And.X, LogicGate.And.Y);
        var ex = Assert.Throws<InvalidOperationException>(() => p.Steps);
        Assert.Contains("RecordSteps = true", ex.Message);
    }
}
