namespace Rosenblatt.Optimizers.Schedules;

/// <summary>The same learning rate every epoch (the default).</summary>
public sealed class ConstantSchedule : LearningRateSchedule
{
    /// <inheritdoc />
    public override string Name => "constant";

    /// <inheritdoc />
    public override double RateFor(int epoch, double initialRate) => initialRate;
}
