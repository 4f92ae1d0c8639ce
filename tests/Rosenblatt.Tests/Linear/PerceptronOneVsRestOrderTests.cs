using Rosenblatt.Linear;

namespace Rosenblatt.Tests.Linear;

/// <summary>One-vs-rest trains sample-major (each row once per epoch, every unit in turn) with the numbers of training unit after unit.</summary>
public class PerceptronOneVsRestOrderTests
{
    private static (double[][] X, int[] Y) FourClasses()
    {
        var random = new Random(3);
        var x = new double[120][];
        var y = new int[120];
        for (int i = 0; i < x.Length; i++)
        {
            y[i] = i % 4;
            x[i] = [y[i] + random.NextDouble() * 2.5, (y[i] % 2) * 2 + random.NextDouble() * 2.5, random.NextDouble()];
        }
        return (x, y);
    }

    [Theory]
    [InlineData(PerceptronVariant.Classic)]
    [InlineData(PerceptronVariant.Pocket)]
    [InlineData(PerceptronVariant.Averaged)]
    public void Fit_OneVsRest_GivesTheSameWeightsAsTheUnitByUnitLoggedRun(PerceptronVariant variant)
    {
        // RecordSteps keeps the unit-after-unit loop (the log is in that order); without it the loop is sample-major.
        var (x, y) = FourClasses();
        var options = new PerceptronOptions { LearningRate = 0.5, MaxEpochs = 7, Shuffle = true, Seed = 9, Variant = variant };
        var sampleMajor = new Perceptron<int>(options);
        sampleMajor.Fit(x, y);
        var unitMajor = new Perceptron<int>(options with { RecordSteps = true });
        unitMajor.Fit(x, y);

        Assert.Equal(unitMajor.Coefficients, sampleMajor.Coefficients);
        Assert.Equal(unitMajor.Intercepts, sampleMajor.Intercepts);
        Assert.Equal(unitMajor.MistakesPerEpoch, sampleMajor.MistakesPerEpoch);
        Assert.Equal(unitMajor.Updates, sampleMajor.Updates);
        Assert.True(sampleMajor.Updates > 0);
    }
}
