using Rosenblatt.Diagnostics;

namespace Rosenblatt.Optimizers.Schedules;

/// <summary>Multiplies the rate by γ every epoch: <c>lr·γ^epoch</c>.</summary>
public sealed class ExponentialDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="gamma">The factor per epoch, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">γ out of range.</exception>
    public ExponentialDecaySchedule(double gamma = 0.95)
    {
        Guard.InRange(gamma, double.Epsilon, 1, nameof(gamma), "use a factor close to 1, such as 0.95.");
        Gamma = gamma;
    }

    /// <summary>The factor per epoch.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override string Name => "exponential";

    /// <inheritdoc />
    public override double RateFor(int epoch, double initialRate) => initialRate * Math.Pow(Gamma, epoch);
}
