using Rosenblatt.Diagnostics;

namespace Rosenblatt.Preprocessing;

/// <summary>Centres each feature on 0 and divides by its standard deviation: <c>x' = (x − mean) / std</c>.</summary>
/// <remarks>
/// <para>The standard deviation is the population one (divide by n, as scikit-learn and NumPy's default),
/// computed in double precision with the two-pass formula <c>std = sqrt(Σ(x − mean)² / n)</c>.</para>
/// <para>A constant column (std = 0) would divide by zero; its <see cref="Scale"/> is 1 instead, so it
/// becomes all zeros: it carries no information, and no NaN appears (scikit-learn does the same).</para>
/// </remarks>
/// <example>
/// <code>
/// var scaler = new StandardScaler();
/// var train = scaler.FitTransform(trainFeatures);  // learn mean and std on the training rows only
/// var test = scaler.Transform(testFeatures);       // the same numbers applied to the test rows
/// </code>
/// </example>
public sealed class StandardScaler : Scaler
{
    private double[]? _mean;
    private double[]? _std;
    private double[]? _scale;
    private double[]? _learningMean;
    private double[]? _learningStd;

    /// <inheritdoc />
    public override string Kind => "standard";

    /// <inheritdoc />
    public override bool IsFitted => _mean is not null;

    /// <summary>The mean of each training column.</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public IReadOnlyList<double> Mean => _mean ?? throw NotFitted(nameof(Mean));

    /// <summary>The population standard deviation of each training column (0 for a constant column).</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public IReadOnlyList<double> StandardDeviation => _std ?? throw NotFitted(nameof(StandardDeviation));

    /// <summary>The divisor applied to each column: its standard deviation, or 1 for a constant column.</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public IReadOnlyList<double> Scale => _scale ?? throw NotFitted(nameof(Scale));

    /// <summary>Restores a fitted scaler from saved state (used by model files).</summary>
    /// <exception cref="ArgumentException">Lengths differ, a value is not finite, or a deviation is negative.</exception>
    internal static StandardScaler Restore(IReadOnlyList<double>? mean, IReadOnlyList<double>? standardDeviation)
    {
        var m = CheckState(mean, "mean", null);
        var s = CheckState(standardDeviation, "standardDeviation", m.Length);
        for (int j = 0; j < s.Length; j++)
        {
            if (s[j] < 0)
                throw Guard.Error("standardDeviation", $"standardDeviation[{j}] is {Guard.Format(s[j])}, below 0.", "a standard deviation is never negative; the stored state is damaged.");
        }
        var scaler = new StandardScaler();
        scaler.Set(m, s);
        return scaler;
    }

    private protected override void BeginLearning(int columns)
    {
        _learningMean = new double[columns];
        _learningStd = new double[columns];
    }

    private protected override void LearnColumn(int column, ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        double mu = sum / values.Length;
        double squares = 0;
        foreach (double v in values) squares += (v - mu) * (v - mu);
        _learningMean![column] = mu;
        _learningStd![column] = Math.Sqrt(squares / values.Length);
        CheckLearned(mu, column, "mean");
        CheckLearned(_learningStd[column], column, "standard deviation");
    }

    private protected override void EndLearning()
    {
        Set(_learningMean!, _learningStd!);
        _learningMean = _learningStd = null;
    }

    private void Set(double[] mean, double[] std)
    {
        _mean = mean;
        _std = std;
        _scale = Array.ConvertAll(std, s => s == 0 ? 1.0 : s);
    }

    private protected override double Apply(double value, int column) => (value - _mean![column]) / _scale![column];

    private protected override int Columns(string member) => (_mean ?? throw NotFitted(member)).Length;
}
