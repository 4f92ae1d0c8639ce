using System.Globalization;

namespace Rosenblatt.Diagnostics;

/// <summary>Input checks shared by every model, so each error names the parameter, quotes the value and gives the fix.</summary>
/// <remarks>
/// Every message follows one shape: <c>name must be ... (received value). help: fix</c>.
/// A learner reads the message before the stack trace, so the message must be enough.
/// </remarks>
internal static class Guard
{
    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    internal static ArgumentException Error(string paramName, string problem, string help) =>
        new($"{problem} help: {help}", paramName);

    internal static void Positive(double value, string paramName, string help)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be a finite number > 0 (received {Format(value)}). help: {help}");
    }

    /// <summary>Refuses a step size that float32, the weights' type, cannot hold as a normal number: the updates would be 0.</summary>
    internal static void Float32Step(double value, string paramName, string help)
    {
        if (value > 0 && !float.IsNormal((float)value))
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} is {Format(value)}, below float32's smallest normal number (about 1.2e-38), so no weight would ever change. help: {help}");
    }

    internal static void InRange(double value, double min, double max, string paramName, string help)
    {
        if (double.IsNaN(value) || value < min || value > max)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be between {Format(min)} and {Format(max)} (received {Format(value)}). help: {help}");
    }

    internal static void AtLeast(long value, long min, string paramName, string help)
    {
        if (value < min)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be >= {min} (received {value}). help: {help}");
    }

    internal static void AtMost(long value, long max, string paramName, string help)
    {
        if (value > max)
            throw new ArgumentOutOfRangeException(paramName, value,
                $"{paramName} must be <= {max} (received {value}). help: {help}");
    }

    /// <summary>Checks a feature table: not null, not empty, rectangular, finite.</summary>
    /// <returns>The number of features per row.</returns>
    internal static int Features(IReadOnlyList<double[]>? x, string paramName, int? expectedFeatures = null)
    {
        if (x is null)
            throw new ArgumentNullException(paramName, $"{paramName} is null. help: pass one row of feature values per sample.");
        if (x.Count == 0)
            throw Error(paramName, $"{paramName} is empty (received 0 rows).", "pass at least one sample: one row of feature values each.");
        int width = expectedFeatures ?? x[0]?.Length ?? 0;
        for (int i = 0; i < x.Count; i++)
        {
            double[]? row = x[i];
            if (row is null)
                throw Error(paramName, $"{paramName}[{i}] is null.", "every row must hold the sample's feature values.");
            if (row.Length != width)
            {
                if (expectedFeatures is int n)
                    throw Error(paramName,
                        $"{paramName}[{i}] has {row.Length} features but the model was fitted on {n}.",
                        $"pass rows of {n} features, in the same order as during Fit.");
                throw Error(paramName,
                    $"rows of {paramName} have different lengths: row 0 has {width} values, row {i} has {row.Length}.",
                    "every sample must have the same number of features; fix or drop the ragged row.");
            }
            if (System.Numerics.Tensors.TensorPrimitives.IsFiniteAll<double>(row))
                continue; // vectorized: MNIST-sized inputs are 47 million values
            for (int j = 0; j < row.Length; j++)
            {
                if (!double.IsFinite(row[j]))
                    throw Error(paramName,
                        $"{paramName}[{i}][{j}] is {Format(row[j])}, not a finite number.",
                        "remove or impute NaN and infinite values before training.");
            }
        }
        if (width == 0)
            throw Error(paramName, $"rows of {paramName} have 0 features.", "each sample needs at least one feature.");
        return width;
    }

    /// <summary>Checks that labels exist, match the row count, and hold no nulls.</summary>
    internal static void Labels<TLabel>(IReadOnlyList<TLabel>? y, int rows, string paramName)
    {
        if (y is null)
            throw new ArgumentNullException(paramName, $"{paramName} is null. help: pass one label per sample.");
        if (y.Count != rows)
            throw Error(paramName,
                $"{paramName} has {y.Count} labels but X has {rows} rows.",
                "pass exactly one label per row of X.");
        for (int i = 0; i < y.Count; i++)
        {
            if (y[i] is null)
                throw Error(paramName, $"{paramName}[{i}] is null.", "every sample needs a label.");
            if (y[i] is double d && !double.IsFinite(d))
                throw Error(paramName, $"{paramName}[{i}] is {Format(d)}.", "labels must be finite; drop or fix that sample.");
            if (y[i] is float f && !float.IsFinite(f))
                throw Error(paramName, $"{paramName}[{i}] is {Format(f)}.", "labels must be finite; drop or fix that sample.");
        }
    }
}
