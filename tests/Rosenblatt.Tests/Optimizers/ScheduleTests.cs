using Rosenblatt.Optimizers.Schedules;

namespace Rosenblatt.Tests.Optimizers;

public class ScheduleTests
{
    [Fact]
    public void Constant_KeepsTheInitialRate() =>
        Assert.All(Enumerable.Range(0, 50), e => Assert.Equal(0.3, new ConstantSchedule().RateFor(e, 0.3)));

    [Fact]
    public void StepDecay_DropsByGammaEveryStepSizeEpochs() =>
        Assert.Equal([1.0, 1.0, 1.0, 0.1, 0.1, 0.1, 0.01], Enumerable.Range(0, 7).Select(e => Math.Round(new StepDecaySchedule(3, 0.1).RateFor(e, 1.0), 12)));

    [Fact]
    public void Exponential_MultipliesByGammaEachEpoch()
    {
        var schedule = new ExponentialDecaySchedule(0.5);
        Assert.Equal([0.8, 0.4, 0.2, 0.1], Enumerable.Range(0, 4).Select(e => schedule.RateFor(e, 0.8)));
    }

    [Fact]
    public void ReduceOnPlateau_CutsAfterPatienceEpochsWithoutImprovement_AndNeverBelowTheFloor()
    {
        var schedule = new ReduceOnPlateauSchedule(factor: 0.5, patience: 2, minRate: 0.2);
        var rates = new List<double>();
        foreach (double loss in new[] { 1.0, 0.9, 0.9, 0.95, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8 })
        {
            schedule.Observe(loss);
            rates.Add(schedule.RateFor(0, 1.0));
        }
        // Improvements at 1.0, 0.9 and 0.8; two bad epochs cut the rate: after 0.95, after the 2nd and 4th repeat of 0.8, ...
        Assert.Equal([1.0, 1.0, 1.0, 0.5, 0.5, 0.5, 0.25, 0.25, 0.2, 0.2, 0.2], rates);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Exponential_GammaOutOfRange_NamesGamma(double gamma)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new ExponentialDecaySchedule(gamma));
        Assert.Contains("gamma must be between", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void StepDecay_StepSizeZero_NamesStepSize() =>
        Assert.Contains("stepSize must be >= 1 (received 0)", Assert.ThrowsAny<ArgumentException>(() => new StepDecaySchedule(0)).Message);
}
