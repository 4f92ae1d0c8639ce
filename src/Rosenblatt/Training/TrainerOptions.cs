using Rosenblatt.Diagnostics;
using Rosenblatt.Optimizers.Schedules;

namespace Rosenblatt.Training;

/// <summary>How the <see cref="Trainer"/> runs: epochs, batches, shuffling, validation and stopping.</summary>
/// <remarks>Immutable and validated before work starts, so a run is one printable value.</remarks>
public sealed record TrainerOptions
{
    /// <summary>The most passes over the training data.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Samples per gradient step; 0 means the whole training set (full batch, as in seed 002).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Whether to visit the samples in a new seeded order every epoch.</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The seed for shuffling and the validation split.</summary>
    public int Seed { get; init; }

    /// <summary>The fraction of training rows held out for validation (0 for none), chosen at random from the seed.</summary>
    public double ValidationSplit { get; init; }

    /// <summary>Stop when the monitored loss (validation, else training) has not improved for this many epochs; null turns early stopping off.</summary>
    public int? EarlyStoppingPatience { get; init; }

    /// <summary>The smallest decrease of the monitored loss that counts as an improvement for early stopping (0: any decrease).</summary>
    public double MinDelta { get; init; }

    /// <summary>When early stopping ends a run (or it is cancelled), go back to the weights of the best epoch.</summary>
    public bool RestoreBestWeights { get; init; } = true;

    /// <summary>The learning-rate schedule; constant when null.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Checks every option and throws an error naming the bad one, its value and the fix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        Guard.AtLeast(Epochs, 1, nameof(Epochs), "train for at least one epoch.");
        Guard.AtMost(Epochs, 10_000_000, nameof(Epochs), "that many epochs will not finish; use early stopping instead.");
        Guard.AtLeast(BatchSize, 0, nameof(BatchSize), "use a positive batch size such as 32, or 0 for the whole data set.");
        Guard.InRange(ValidationSplit, 0, 0.9, nameof(ValidationSplit), "hold out a fraction such as 0.1 or 0.2, or 0 for none.");
        Guard.InRange(MinDelta, 0, double.MaxValue, nameof(MinDelta), "use 0, or a small tolerance such as 1e-6.");
        if (EarlyStoppingPatience is int patience)
            Guard.AtLeast(patience, 1, nameof(EarlyStoppingPatience), "wait at least one epoch, e.g. 5, or turn early stopping off.");
    }
}
