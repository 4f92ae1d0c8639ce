namespace Rosenblatt.Optimizers.Schedules;

/// <summary>Changes the learning rate between epochs: large steps early, small steps to settle.</summary>
/// <remarks>The trainer asks for the rate before each epoch and reports the epoch's monitored loss afterwards.</remarks>
public abstract class LearningRateSchedule
{
    /// <summary>The name used in CLI flags and model files.</summary>
    public abstract string Name { get; }

    /// <summary>The learning rate for <paramref name="epoch"/> (0-based), given the rate training started with.</summary>
    /// <param name="epoch">The epoch about to run, from 0.</param>
    /// <param name="initialRate">The optimizer's learning rate at the start of training.</param>
    public abstract double RateFor(int epoch, double initialRate);

    /// <summary>Reports the loss the schedule monitors after an epoch; only plateau schedules use it.</summary>
    /// <param name="loss">The validation loss, or the training loss when there is no validation data.</param>
    public virtual void Observe(double loss)
    {
    }
}
