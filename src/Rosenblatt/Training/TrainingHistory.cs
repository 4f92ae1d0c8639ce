namespace Rosenblatt.Training;

/// <summary>The record of a training run: every epoch's figures and how the run ended.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochRecord> _epochs = [];

    /// <summary>The epochs run, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs => _epochs;

    /// <summary>The epoch whose monitored loss was lowest (1-based), or 0 before any epoch.</summary>
    public int BestEpoch { get; internal set; }

    /// <summary>Whether early stopping ended the run before the last epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>Whether the run was cancelled (e.g. Ctrl+C) after a batch.</summary>
    public bool Cancelled { get; internal set; }

    /// <summary>Whether the best epoch's weights were put back at the end.</summary>
    public bool RestoredBestWeights { get; internal set; }

    /// <summary>The final epoch's figures.</summary>
    /// <exception cref="InvalidOperationException">No epoch has run.</exception>
    public EpochRecord Last => _epochs.Count > 0 ? _epochs[^1] : throw new InvalidOperationException("No epoch has run yet. help: call Trainer.Fit first.");

    internal void Add(EpochRecord record) => _epochs.Add(record);
}
