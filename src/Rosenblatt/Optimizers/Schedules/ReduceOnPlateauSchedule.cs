using Rosenblatt.Diagnostics;

namespace Rosenblatt.Optimizers.Schedules;

/// <summary>Cuts the rate by a factor when the monitored loss has not improved for <c>patience</c> epochs.</summary>
/// <remarks>Reacts to training instead of the calendar: the rate stays high while it helps. "Improved" means lower than the best so far by more than a relative 1e-4, as in PyTorch.</remarks>
public sealed class ReduceOnPlateauSchedule : LearningRateSchedule
{
    private double _best = double.PositiveInfinity;
    private int _badEpochs;
    private double _scale = 1;

    /// <summary>Creates the schedule.</summary>
    /// <param name="factor">The factor per cut, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement before a cut, ≥ 1.</param>
    /// <param name="minRate">The rate never goes below this, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range.</exception>
    public ReduceOnPlateauSchedule(double factor = 0.5, int patience = 5, double minRate = 1e-6)
    {
        Guard.InRange(factor, double.Epsilon, 0.999999, nameof(factor), "use a factor such as 0.5.");
        Guard.AtLeast(patience, 1, nameof(patience), "wait at least one epoch, e.g. 5.");
        Guard.InRange(minRate, 0, 10, nameof(minRate), "use a small floor such as 1e-6.");
        Factor = factor;
        Patience = patience;
        MinRate = minRate;
    }

    /// <summary>The factor per cut.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before a cut.</summary>
    public int Patience { get; }

    /// <summary>The lowest rate.</summary>
    public double MinRate { get; }

    /// <inheritdoc />
    public override string Name => "plateau";

    /// <inheritdoc />
    public override double RateFor(int epoch, double initialRate) => Math.Max(MinRate, initialRate * _scale);

    /// <inheritdoc />
    public override void Observe(double loss)
    {
        if (loss < _best * (1 - 1e-4))
        {
            _best = loss;
            _badEpochs = 0;
            return;
        }
        if (++_badEpochs >= Patience)
        {
            _scale *= Factor;
            _badEpochs = 0;
        }
    }
}
