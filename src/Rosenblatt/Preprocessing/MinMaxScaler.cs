using System.Numerics.Tensors;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Preprocessing;

/// <summary>Maps each feature's training range linearly onto [<see cref="RangeMin"/>, <see cref="RangeMax"/>] (default [0, 1]).</summary>
/// <remarks>
/// <para><c>x' = (x − min) / (max − min) · (b − a) + a</c>, with min and max the training column's
/// extremes and [a, b] the target range. New rows outside the training range map outside [a, b]: the
/// scaler never clips, so a model sees how far out a value is.</para>
/// <para>A constant column (max = min) would divide by zero; its range is taken as 1 instead, so the
/// column maps to a (scikit-learn does the same).</para>
/// </remarks>
/// <example>
/// <code>
/// var scaler = new MinMaxScaler();            // [0, 1]
/// var train = scaler.FitTransform(trainRows); // each training column now spans exactly [0, 1]
/// </code>
/// </example>
public sealed class MinMaxScaler : Scaler
{
    private double[]? _min;
    private double[]? _max;
    private double[]? _learningMin;
    private double[]? _learningMax;

    /// <summary>Creates an unfitted scaler onto [<paramref name="rangeMin"/>, <paramref name="rangeMax"/>].</summary>
    /// <param name="rangeMin">The value each column's training minimum maps to.</param>
    /// <param name="rangeMax">The value each column's training maximum maps to; greater than <paramref name="rangeMin"/>.</param>
    /// <exception cref="ArgumentException">A bound is not finite, or <paramref name="rangeMax"/> ≤ <paramref name="rangeMin"/>.</exception>
    public MinMaxScaler(double rangeMin = 0, double rangeMax = 1)
    {
        if (!double.IsFinite(rangeMin) || !double.IsFinite(rangeMax) || rangeMax <= rangeMin)
            throw Guard.Error(nameof(rangeMax),
                $"the target range must be finite with rangeMin < rangeMax (received [{Guard.Format(rangeMin)}, {Guard.Format(rangeMax)}]).",
                "use [0, 1] (the default) or [-1, 1].");
        RangeMin = rangeMin;
        RangeMax = rangeMax;
    }

    /// <inheritdoc />
    public override string Kind => "minmax";

    /// <inheritdoc />
    public override bool IsFitted => _min is not null;

    /// <summary>The value each column's training minimum maps to (a).</summary>
    public double RangeMin { get; }

    /// <summary>The value each column's training maximum maps to (b).</summary>
    public double RangeMax { get; }

    /// <summary>The minimum of each training column.</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public IReadOnlyList<double> DataMin => _min ?? throw NotFitted(nameof(DataMin));

    /// <summary>The maximum of each training column.</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public IReadOnlyList<double> DataMax => _max ?? throw NotFitted(nameof(DataMax));

    /// <summary>Restores a fitted scaler from saved state (used by model files).</summary>
    /// <exception cref="ArgumentException">Bad range, lengths differ, a value is not finite, or a minimum exceeds its maximum.</exception>
    internal static MinMaxScaler Restore(double rangeMin, double rangeMax, IReadOnlyList<double>? dataMin, IReadOnlyList<double>? dataMax)
    {
        var scaler = new MinMaxScaler(rangeMin, rangeMax);
        var lo = CheckState(dataMin, "dataMin", null);
        var hi = CheckState(dataMax, "dataMax", lo.Length);
        for (int j = 0; j < lo.Length; j++)
        {
            if (lo[j] > hi[j])
                throw Guard.Error("dataMin", $"dataMin[{j}] is {Guard.Format(lo[j])}, above dataMax[{j}] = {Guard.Format(hi[j])}.", "the stored state is damaged; refit the scaler.");
        }
        scaler._min = lo;
        scaler._max = hi;
        return scaler;
    }

    /// <inheritdoc />
    /// <remarks>b / 255 grows with b, so a pixel's smallest and largest values are those of its smallest and largest bytes:
    /// one vectorized pass over the bytes, the same state as reading the columns.</remarks>
    private protected override bool TryLearnPixels(IdxImages images, double[] unitValues)
    {
        int width = images.PixelsPerImage;
        var low = new byte[width];
        var high = new byte[width];
        images.Image(0).CopyTo(low);
        images.Image(0).CopyTo(high);
        for (int i = 1; i < images.Count; i++)
        {
            var image = images.Image(i);
            TensorPrimitives.Min<byte>(image, low, low);
            TensorPrimitives.Max<byte>(image, high, high);
        }
        BeginLearning(width);
        for (int j = 0; j < width; j++)
        {
            _learningMin![j] = unitValues[low[j]];
            _learningMax![j] = unitValues[high[j]];
        }
        EndLearning();
        return true;
    }

    private protected override void BeginLearning(int columns)
    {
        _learningMin = new double[columns];
        _learningMax = new double[columns];
    }

    private protected override void LearnColumn(int column, ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (v < min) min = v;
            if (v > max) max = v;
        }
        _learningMin![column] = min;
        _learningMax![column] = max;
        CheckLearned(max - min, column, "range (max − min)");
    }

    private protected override void EndLearning()
    {
        _min = _learningMin;
        _max = _learningMax;
        _learningMin = _learningMax = null;
    }

    private protected override double Apply(double value, int column)
    {
        double range = _max![column] - _min![column];
        if (range == 0) range = 1;
        return (value - _min[column]) / range * (RangeMax - RangeMin) + RangeMin;
    }

    private protected override int Columns(string member) => (_min ?? throw NotFitted(member)).Length;
}
