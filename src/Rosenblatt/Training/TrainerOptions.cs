using Rosenblatt.Diagnostics;
using Rosenblatt.Optimizers.Schedules;

namespace Rosenblatt.Training;

/// <summary>How the <see cref="Trainer"/> runs: epochs, batches, shuffling, validation and stopping.</summary>
/// <remarks>Immutable and validated before work starts, so a run is one printable value.</remarks>
public sealed record TrainerOptions
{
    /// <summary>The most passes over the training data.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>The batch size that means "the whole training set in every step": full-batch gradient descent, as in seed 002.</summary>
    /// <remarks>Any batch size at least the number of training rows does the same; this constant says it by name.</remarks>
    public const int FullBatch = int.MaxValue;

    /// <summary>Samples per gradient step, at least 1; <see cref="FullBatch"/> (or any size at least the row count) means the whole training set.</summary>
    /// <remarks>0 is refused rather than read as "everything": a zero that slipped in from a bad config should not silently turn mini-batch training into full batch.</remarks>
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
        Guard.AtLeast(BatchSize, 1, nameof(BatchSize), "use a positive batch size such as 32, or TrainerOptions.FullBatch to train on the whole data set in every step.");
        Guard.InRange(ValidationSplit, 0, 0.9, nameof(ValidationSplit), "hold out a fraction such as 0.1 or 0.2, or 0 for none.");
        Guard.InRange(MinDelta, 0, double.MaxValue, nameof(MinDelta), "use 0, or a small tolerance such as 1e-6.");
        if (EarlyStoppingPatience is int patience)
            Guard.AtLeast(patience, 1, nameof(EarlyStoppingPatience), "wait at least one epoch, e.g. 5, or turn early stopping off.");
    }
}
