using Rosenblatt.Diagnostics;

namespace Rosenblatt.Optimizers.Schedules;

/// <summary>Multiplies the rate by γ every <c>stepSize</c> epochs: <c>lr·γ^⌊epoch/stepSize⌋</c>.</summary>
public sealed class StepDecaySchedule : LearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="stepSize">Epochs between drops, ≥ 1.</param>
    /// <param name="gamma">The factor per drop, in (0, 1].</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public StepDecaySchedule(int stepSize, double gamma = 0.1)
    {
        Guard.AtLeast(stepSize, 1, nameof(stepSize), "drop the rate every few epochs, e.g. 10.");
        Guard.InRange(gamma, double.Epsilon, 1, nameof(gamma), "use a factor such as 0.1 or 0.5.");
        StepSize = stepSize;
        Gamma = gamma;
    }

    /// <summary>Epochs between drops.</summary>
    public int StepSize { get; }

    /// <summary>The factor applied at each drop.</summary>
    public double Gamma { get; }

    /// <inheritdoc />
    public override string Name => "step";

    /// <inheritdoc />
    public override double RateFor(int epoch, double initialRate) => initialRate * Math.Pow(Gamma, epoch / StepSize);
}
