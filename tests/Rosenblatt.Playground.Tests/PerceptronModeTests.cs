using Rosenblatt.Playground.Data;
using Rosenblatt.Playground.Training;

namespace Rosenblatt.Playground.Tests;

public sealed class PerceptronModeTests
{
    private static readonly PlaygroundLimits Limits = new();

    private static PerceptronSession Session(PlaygroundConfig config)
    {
        PlaygroundSetup.Validate(config, Limits);
        return new PerceptronSession(config, PlaygroundData.Create(config, new UploadStore(Limits), Limits));
    }

    [Fact]
    public void Xor_EndsNotSeparable_WithACertificateWhosePointsBothAverageToTheCommonPoint()
    {
        var session = Session(new PlaygroundConfig { Mode = "perceptron", Dataset = "xor", Points = 100, LearningRate = 0.1, PerceptronEpochs = 5 });
        var frame = session.Advance(int.MaxValue, running: false);
        Assert.Equal("NotSeparable", frame.Verdict);
        Assert.NotNull(frame.CommonPoint);
        foreach (var side in new[] { frame.PositivePoints!, frame.NegativePoints! })
        {
            Assert.Equal(1, side.Sum(p => p.Weight), 9);
            Assert.Equal(frame.CommonPoint![0], side.Sum(p => p.Weight * p.X), 4);
            Assert.Equal(frame.CommonPoint![1], side.Sum(p => p.Weight * p.Y), 4);
        }
        Assert.Equal(5, frame.MistakesPerEpoch.Count);
        Assert.All(frame.MistakesPerEpoch, m => Assert.True(m > 0));
    }

    [Fact]
    public void Gaussian_ConvergesWithinTheTheoremsBound()
    {
        var session = Session(new PlaygroundConfig { Mode = "perceptron", Dataset = "gaussian", Points = 200, LearningRate = 0.1 });
        var frame = session.Advance(int.MaxValue, running: false);
        Assert.Equal("Separable", frame.Verdict);
        Assert.Equal(0, frame.MistakesPerEpoch[^1]);
        Assert.True(frame.Updates <= frame.UpdateBound, $"{frame.Updates} updates, bound {frame.UpdateBound}");
    }

    [Fact]
    public void Advance_ShowsEachStepsUpdate_AsTheRuleComputesIt()
    {
        var session = Session(new PlaygroundConfig { Mode = "perceptron", Dataset = "xor", Points = 50, LearningRate = 0.5 });
        var frame = session.Advance(30, running: false);
        Assert.Equal(30, frame.Shown);
        foreach (var s in frame.Steps)
        {
            int error = s.Target - s.Prediction;
            for (int i = 0; i < 2; i++)
                Assert.Equal(s.WeightsBefore[i] + 0.5 * error * s.Input[i], s.WeightsAfter[i], 12);
            Assert.Equal(s.BiasBefore + 0.5 * error, s.BiasAfter, 12);
        }
        Assert.Null(frame.Verdict);
    }

    [Fact]
    public void ThreeClasses_AreRefused_BecauseOneLineSeparatesTwo()
    {
        var e = Assert.Throws<ArgumentException>(() => Session(new PlaygroundConfig { Mode = "perceptron", Dataset = "spiral3" }));
        Assert.Contains("two classes", e.Message);
    }
}
