using System.Collections;

namespace Rosenblatt.Training;

/// <summary>The record of a training run: every epoch's figures and how the run ended.</summary>
/// <remarks>The figures are kept as compact values in one preallocated array, not as one object per epoch, so
/// recording an epoch allocates nothing (a 10,000-epoch run on a tiny network would otherwise spend more time
/// allocating and collecting records than computing). <see cref="Epochs"/> builds each <see cref="EpochRecord"/>
/// when it is read; records compare by value, so two reads of the same epoch are equal.</remarks>
public sealed class TrainingHistory
{
    private const int MaxInitialCapacity = 16_384;
    private Entry[] _entries;
    private int _count;

    /// <summary>Creates an empty history.</summary>
    public TrainingHistory() : this(0)
    {
    }

    internal TrainingHistory(int expectedEpochs)
    {
        _entries = new Entry[Math.Clamp(expectedEpochs, 0, MaxInitialCapacity)];
        Epochs = new EpochList(this);
    }

    /// <summary>The epochs run, in order.</summary>
    public IReadOnlyList<EpochRecord> Epochs { get; }

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
    public EpochRecord Last => _count > 0 ? Record(_count - 1) : throw new InvalidOperationException("No epoch has run yet. help: call Trainer.Fit first.");

    internal int Count => _count;

    internal void Add(EpochRecord record) =>
        Add(record.Epoch, record.TotalEpochs, record.Loss, record.Accuracy, record.ValidationLoss, record.ValidationAccuracy, record.LearningRate, record.Elapsed);

    internal void Add(int epoch, int totalEpochs, double loss, double? accuracy, double? validationLoss, double? validationAccuracy,
        double learningRate, TimeSpan elapsed)
    {
        if (_count == _entries.Length)
            Array.Resize(ref _entries, Math.Max(16, _entries.Length * 2));
        _entries[_count++] = new Entry(epoch, totalEpochs, loss, accuracy, validationLoss, validationAccuracy, learningRate, elapsed);
    }

    private EpochRecord Record(int index)
    {
        ref readonly var e = ref _entries[index];
        return new EpochRecord(e.Epoch, e.TotalEpochs, e.Loss,
            (e.Present & HasAccuracy) != 0 ? e.Accuracy : null,
            (e.Present & HasValidationLoss) != 0 ? e.ValidationLoss : null,
            (e.Present & HasValidationAccuracy) != 0 ? e.ValidationAccuracy : null,
            e.LearningRate, new TimeSpan(e.ElapsedTicks));
    }

    private const byte HasAccuracy = 1, HasValidationLoss = 2, HasValidationAccuracy = 4;

    // 64 bytes an epoch: the optional figures are plain doubles with a presence bit each, not double? (16 bytes each).
    private readonly struct Entry(
        int epoch, int totalEpochs, double loss, double? accuracy, double? validationLoss, double? validationAccuracy,
        double learningRate, TimeSpan elapsed)
    {
        public readonly double Loss = loss, Accuracy = accuracy ?? 0, ValidationLoss = validationLoss ?? 0,
            ValidationAccuracy = validationAccuracy ?? 0, LearningRate = learningRate;
        public readonly long ElapsedTicks = elapsed.Ticks;
        public readonly int Epoch = epoch, TotalEpochs = totalEpochs;
        public readonly byte Present = (byte)((accuracy.HasValue ? HasAccuracy : 0) | (validationLoss.HasValue ? HasValidationLoss : 0)
            | (validationAccuracy.HasValue ? HasValidationAccuracy : 0));
    }

    private sealed class EpochList(TrainingHistory history) : IReadOnlyList<EpochRecord>
    {
        public int Count => history._count;

        public EpochRecord this[int index] => (uint)index < (uint)history._count
            ? history.Record(index)
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"the history holds {history._count} epochs (indices 0 to {history._count - 1}). help: check Epochs.Count first.");

        public IEnumerator<EpochRecord> GetEnumerator()
        {
            for (int i = 0; i < history._count; i++)
                yield return history.Record(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
