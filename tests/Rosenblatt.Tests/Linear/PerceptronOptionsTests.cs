using Rosenblatt.Linear;

namespace Rosenblatt.Tests.Linear;

public class PerceptronOptionsTests
{
    [Fact]
    public void Defaults_AreTheSeedsRun_ZeroWeightsNoShuffling()
    {
        var options = new PerceptronOptions();
        Assert.Equal(0.01, options.LearningRate);
        Assert.Equal(1000, options.MaxEpochs);
        Assert.Equal(WeightInitialization.Zeros, options.Initialization);
        Assert.False(options.Shuffle);
        Assert.Equal(PerceptronVariant.Classic, options.Variant);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    public void Create_WithBadInitialScaleForRandomWeights_QuotesTheValueAndTheFix(double scale)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() =>
            new Perceptron(new PerceptronOptions { Initialization = WeightInitialization.SmallRandom, InitialScale = scale }));
        Assert.Contains("InitialScale must be a finite number > 0", ex.Message);
        Assert.Contains("help: use a small value such as 0.01.", ex.Message);
    }

    [Fact]
    public void Create_WithHugeLearningRate_SaysItInvitesOverflow()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Perceptron(new PerceptronOptions { LearningRate = 1e7 }));
        Assert.Contains("(received 10000000)", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Create_WithTooManyEpochs_SaysMoreEpochsNeverHelpInseparableData()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new Perceptron(new PerceptronOptions { MaxEpochs = 200_000_000 }));
        Assert.Contains("MaxEpochs must be <= 100000000 (received 200000000)", ex.Message);
    }

    [Fact]
    public void Create_WithUndefinedVariantOrInitialization_NamesTheValidChoices()
    {
        var variant = Assert.ThrowsAny<ArgumentException>(() => new Perceptron(new PerceptronOptions { Variant = (PerceptronVariant)7 }));
        Assert.Contains("help: use Classic, Pocket or Averaged.", variant.Message);
        var init = Assert.ThrowsAny<ArgumentException>(() => new Perceptron(new PerceptronOptions { Initialization = (WeightInitialization)9 }));
        Assert.Contains("help: use Zeros or SmallRandom.", init.Message);
    }
}
