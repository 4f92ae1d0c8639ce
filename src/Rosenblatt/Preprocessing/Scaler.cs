using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Preprocessing;

/// <summary>A per-column rescaling of features, learned from the training rows and then applied unchanged to any rows.</summary>
/// <remarks>
/// <para>Gradient descent and the perceptron rule both move every weight by a step proportional to its
/// feature's value, so a feature measured in thousands drowns one measured in tenths. A scaler puts
/// every column on a comparable scale first.</para>
/// <para>Fit it on the <em>training</em> rows only, then transform the training, validation and test rows
/// with the same learned numbers: fitting on test rows leaks their statistics into the model and makes
/// the test score optimistic. The learned state is stored in model files (<c>ModelFile</c>), so
/// predictions on new data are scaled exactly as the training data was.</para>
/// <para>Statistics are computed in double precision; a float32 <see cref="Matrix"/> is transformed in
/// double and rounded once per value.</para>
/// </remarks>
public abstract class Scaler
{
    /// <summary>The scaler's name in model files and CLI flags: <c>standard</c> or <c>minmax</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether <see cref="Fit(Matrix)"/> has run (or the state was restored from a model file).</summary>
    public abstract bool IsFitted { get; }

    /// <summary>The number of feature columns the scaler was fitted on.</summary>
    /// <exception cref="NotFittedException">Read before <c>Fit</c>.</exception>
    public int FeatureCount => Columns(nameof(FeatureCount));

    /// <summary>Learns the per-column statistics of the training features.</summary>
    /// <param name="x">The training features, n × d, all finite, n ≥ 1.</param>
    /// <returns>This scaler, fitted.</returns>
    /// <exception cref="ArgumentException">The matrix is empty or holds a NaN or infinite value (the message names the cell).</exception>
    public Scaler Fit(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rows == 0 || x.Columns == 0)
            throw Guard.Error(nameof(x), $"x is empty ({x.Rows} rows × {x.Columns} columns).", "fit the scaler on the training rows: at least one row of features.");
        CheckFinite(x, nameof(x));
        var columns = new double[x.Columns][];
        for (int j = 0; j < x.Columns; j++)
            columns[j] = new double[x.Rows];
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                columns[j][i] = row[j];
        }
        Learn(columns);
        return this;
    }

    /// <summary>Learns the per-column statistics of the training rows.</summary>
    /// <param name="x">One row of finite features per training sample, all rows the same length.</param>
    /// <returns>This scaler, fitted.</returns>
    /// <exception cref="ArgumentException">Empty or ragged rows, or a NaN or infinite value (the message names the cell).</exception>
    public Scaler Fit(IReadOnlyList<double[]> x)
    {
        int width = Guard.Features(x, nameof(x));
        var columns = new double[width][];
        for (int j = 0; j < width; j++)
        {
            columns[j] = new double[x.Count];
            for (int i = 0; i < x.Count; i++)
                columns[j][i] = x[i][j];
        }
        Learn(columns);
        return this;
    }

    /// <summary>Returns a new matrix holding the scaled features; <paramref name="x"/> is unchanged.</summary>
    /// <param name="x">n × <see cref="FeatureCount"/> finite features.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">A different column count, or a NaN or infinite value.</exception>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var copy = x.Clone();
        TransformInPlace(copy);
        return copy;
    }

    /// <summary>Scales the features of <paramref name="x"/> in place (no copy: for large data sets).</summary>
    /// <param name="x">n × <see cref="FeatureCount"/> finite features; overwritten.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">A different column count, or a NaN or infinite value; <paramref name="x"/> is then unchanged.</exception>
    public void TransformInPlace(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        CheckWidth(x.Columns, nameof(x), nameof(TransformInPlace));
        CheckFinite(x, nameof(x));
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
                row[j] = (float)Apply(row[j], j);
        }
    }

    /// <summary>Returns new rows holding the scaled features; <paramref name="x"/> is unchanged.</summary>
    /// <param name="x">Rows of <see cref="FeatureCount"/> finite features.</param>
    /// <exception cref="NotFittedException">Called before <c>Fit</c>.</exception>
    /// <exception cref="ArgumentException">A row of another length, or a NaN or infinite value.</exception>
    public double[][] Transform(IReadOnlyList<double[]> x)
    {
        int width = Columns(nameof(Transform));
        if (x is { Count: > 0 } && x[0] is { } first && first.Length != width)
            throw FeatureMismatch(first.Length, width, nameof(x));
        Guard.Features(x, nameof(x), width);
        var result = new double[x.Count][];
        for (int i = 0; i < x.Count; i++)
        {
            var row = new double[width];
            for (int j = 0; j < width; j++)
                row[j] = Apply(x[i][j], j);
            result[i] = row;
        }
        return result;
    }

    /// <summary>Fits on <paramref name="x"/> and returns it scaled: the usual call on training features.</summary>
    /// <param name="x">The training features.</param>
    /// <exception cref="ArgumentException">See <see cref="Fit(Matrix)"/>.</exception>
    public Matrix FitTransform(Matrix x) => Fit(x).Transform(x);

    /// <summary>Fits on <paramref name="x"/> and returns the rows scaled.</summary>
    /// <param name="x">The training rows.</param>
    /// <exception cref="ArgumentException">See <see cref="Fit(IReadOnlyList{double[]})"/>.</exception>
    public double[][] FitTransform(IReadOnlyList<double[]> x) => Fit(x).Transform(x);

    /// <summary>Learns the state from the training columns (each finite, at least one value).</summary>
    private protected abstract void Learn(double[][] columns);

    /// <summary>The scaled value of <paramref name="value"/> in column <paramref name="column"/>.</summary>
    private protected abstract double Apply(double value, int column);

    /// <summary>The learned column count, or <see cref="NotFittedException"/> naming <paramref name="member"/>.</summary>
    private protected abstract int Columns(string member);

    private protected NotFittedException NotFitted(string member) =>
        new(GetType().Name, member, $"call {GetType().Name}.Fit(trainingFeatures) first, on the training rows only.");

    private void CheckWidth(int columns, string paramName, string member)
    {
        int width = Columns(member);
        if (columns != width)
            throw FeatureMismatch(columns, width, paramName);
    }

    private ArgumentException FeatureMismatch(int received, int expected, string paramName) =>
        Guard.Error(paramName, $"{paramName} has {received} features but the {Kind} scaler was fitted on {expected}.",
            $"pass rows of {expected} features, in the same column order as the training data.");

    private static void CheckFinite(Matrix x, string paramName)
    {
        for (int i = 0; i < x.Rows; i++)
        {
            var row = x.Row(i);
            for (int j = 0; j < row.Length; j++)
            {
                if (!float.IsFinite(row[j]))
                    throw Guard.Error(paramName, $"{paramName}[{i}][{j}] is {Guard.Format(row[j])}, not a finite number.",
                        "remove or impute NaN and infinite values before scaling.");
            }
        }
    }

    /// <summary>Rejects a column whose statistics overflowed double (values near ±1.8e308), which would scale to NaN.</summary>
    private protected static void CheckLearned(double value, int column, string statistic)
    {
        if (!double.IsFinite(value))
            throw Guard.Error("x", $"column {column}'s {statistic} overflows a double (its values are near ±1.8e308).",
                "divide that column by a large constant first; no feature needs values that large.");
    }

    private protected static double[] CheckState(IReadOnlyList<double>? values, string name, int? length)
    {
        if (values is null)
            throw new ArgumentNullException(name, $"{name} is missing. help: restore a scaler from the state a fitted scaler exposes.");
        if (values.Count == 0 || (length is int n && values.Count != n))
            throw Guard.Error(name, $"{name} has {values.Count} values{(length is int m ? $" but {m} are needed" : "")}.", "pass one value per feature column.");
        for (int j = 0; j < values.Count; j++)
        {
            if (!double.IsFinite(values[j]))
                throw Guard.Error(name, $"{name}[{j}] is {Guard.Format(values[j])}, not a finite number.", "a fitted scaler's state is always finite; the stored state is damaged.");
        }
        return values.ToArray();
    }
}
