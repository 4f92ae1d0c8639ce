using System.Collections;

namespace Rosenblatt.Training;

/// <summary>The record of a training run: every epoch's figures and how the run ended.</summary>
/// <remarks>The figures are kept column by column in preallocated arrays, not as one object per epoch, so
/// recording an epoch allocates nothing, and only the columns a run has take memory (training loss, elapsed
/// time and a presence byte always; accuracy and validation figures when there are any; learning rates only
/// once they change): 17–25 bytes an epoch instead of a 96-byte record. On a tiny network each epoch takes
/// well under a microsecond, so fresh memory touched per epoch would otherwise cost more than the arithmetic. <see cref="Epochs"/> builds each <see cref="EpochRecord"/>
/// when it is read; records compare by value, so two reads of the same epoch are equal.
/// <para>The history stays compact however many epochs run: it keeps at most <see cref="MaxRecords"/> epochs. When it is
/// full it drops every other one and from then on keeps every 2nd (then 4th, 8th, ...) epoch, always with the first and the
/// latest, so a run of a million epochs keeps an evenly spaced curve of a few thousand points (in memory and in a model
/// file) instead of growing without bound. Each record keeps its true <see cref="EpochRecord.Epoch"/> number.</para></remarks>
public sealed class TrainingHistory
{
    /// <summary>The most epochs a history keeps (10,000); longer runs are thinned evenly (see the remarks).</summary>
    public const int MaxRecords = 10_000;

    private const int MaxInitialCapacity = MaxRecords;
    private const byte HasAccuracy = 1, HasValidationLoss = 2, HasValidationAccuracy = 4;
    private double[] _loss;
    private long[] _elapsedTicks;
    private byte[] _present;
    private double[]? _accuracy, _validationLoss, _validationAccuracy;
    private double[]? _learningRates;   // null while every epoch has used _firstRate
    private int[]? _epochNumbers, _totals; // null while epoch i is i + 1 of _firstTotal
    private double _firstRate;
    private int _firstTotal;
    private int _count;
    private long _added;        // epochs reported so far, kept or not
    private long _stride = 1;   // every _stride-th reported epoch is kept (1, 1 + stride, 1 + 2·stride, ...)
    private bool _tailIsExtra;  // the last record is the latest epoch, kept only until the next one replaces it

    /// <summary>Creates an empty history.</summary>
    public TrainingHistory() : this(0)
    {
    }

    internal TrainingHistory(int expectedEpochs)
    {
        int capacity = Math.Clamp(expectedEpochs, 0, MaxInitialCapacity);
        _loss = new double[capacity];
        _elapsedTicks = new long[capacity];
        _present = new byte[capacity];
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
        if (_tailIsExtra)
            _count--;   // the previous latest epoch was off the stride: this one takes its place
        if (_count == MaxRecords)
            Thin();
        bool onStride = _added % _stride == 0;
        _added++;
        int i = _count;
        if (i == _loss.Length)
            Grow();
        if (i == 0)
        {
            _firstRate = learningRate;
            _firstTotal = totalEpochs;
        }
        _loss[i] = loss;
        _elapsedTicks[i] = elapsed.Ticks;
        byte present = 0;
        if (accuracy is double a)
        {
            Column(ref _accuracy)[i] = a;
            present |= HasAccuracy;
        }
        if (validationLoss is double vl)
        {
            Column(ref _validationLoss)[i] = vl;
            present |= HasValidationLoss;
        }
        if (validationAccuracy is double va)
        {
            Column(ref _validationAccuracy)[i] = va;
            present |= HasValidationAccuracy;
        }
        _present[i] = present;
        if (_learningRates is not null || learningRate.CompareTo(_firstRate) != 0)
        {
            if (_learningRates is null)
            {
                _learningRates = new double[_loss.Length];
                Array.Fill(_learningRates, _firstRate, 0, i);
            }
            _learningRates[i] = learningRate;
        }
        if (_epochNumbers is not null || epoch != i + 1 || totalEpochs != _firstTotal)
        {
            if (_epochNumbers is null)
            {
                _epochNumbers = new int[_loss.Length];
                _totals = new int[_loss.Length];
                for (int e = 0; e < i; e++)
                {
                    _epochNumbers[e] = e + 1;
                    _totals[e] = _firstTotal;
                }
            }
            _epochNumbers[i] = epoch;
            _totals![i] = totalEpochs;
        }
        _count = i + 1;
        _tailIsExtra = !onStride;
    }

    /// <summary>Keeps every other record (the ones on the doubled stride) and moves them to the front.</summary>
    private void Thin()
    {
        if (_epochNumbers is null)
        {
            _epochNumbers = new int[_loss.Length];
            _totals = new int[_loss.Length];
            for (int e = 0; e < _count; e++)
            {
                _epochNumbers[e] = e + 1;
                _totals[e] = _firstTotal;
            }
        }
        _learningRates ??= Filled(_firstRate);
        int kept = 0;
        for (int j = 0; j < _count; j += 2)
            Move(j, kept++);
        _count = kept;
        _stride *= 2;
    }

    private double[] Filled(double value)
    {
        var column = new double[_loss.Length];
        Array.Fill(column, value);
        return column;
    }

    private void Move(int from, int to)
    {
        _loss[to] = _loss[from];
        _elapsedTicks[to] = _elapsedTicks[from];
        _present[to] = _present[from];
        if (_accuracy is not null) _accuracy[to] = _accuracy[from];
        if (_validationLoss is not null) _validationLoss[to] = _validationLoss[from];
        if (_validationAccuracy is not null) _validationAccuracy[to] = _validationAccuracy[from];
        _learningRates![to] = _learningRates[from];
        _epochNumbers![to] = _epochNumbers[from];
        _totals![to] = _totals[from];
    }

    private double[] Column(ref double[]? column) => column ??= new double[_loss.Length];

    private void Grow()
    {
        int capacity = Math.Max(16, _loss.Length * 2);
        Array.Resize(ref _loss, capacity);
        Array.Resize(ref _elapsedTicks, capacity);
        Array.Resize(ref _present, capacity);
        if (_accuracy is not null) Array.Resize(ref _accuracy, capacity);
        if (_validationLoss is not null) Array.Resize(ref _validationLoss, capacity);
        if (_validationAccuracy is not null) Array.Resize(ref _validationAccuracy, capacity);
        if (_learningRates is not null) Array.Resize(ref _learningRates, capacity);
        if (_epochNumbers is not null) Array.Resize(ref _epochNumbers, capacity);
        if (_totals is not null) Array.Resize(ref _totals, capacity);
    }

    private EpochRecord Record(int i)
    {
        byte present = _present[i];
        return new EpochRecord(
            _epochNumbers?[i] ?? i + 1, _totals?[i] ?? _firstTotal, _loss[i],
            (present & HasAccuracy) != 0 ? _accuracy![i] : null,
            (present & HasValidationLoss) != 0 ? _validationLoss![i] : null,
            (present & HasValidationAccuracy) != 0 ? _validationAccuracy![i] : null,
            _learningRates?[i] ?? _firstRate, new TimeSpan(_elapsedTicks[i]));
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
