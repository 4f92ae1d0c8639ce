using Rosenblatt.Diagnostics;

namespace Rosenblatt.Metrics;

/// <summary>Regression scores of predicted against true values: mean squared error, mean absolute error, R².</summary>
/// <remarks>
/// <para>These are evaluation metrics (numbers to report), computed in double precision. The training loss
/// <c>Losses.MeanSquaredError</c> is a different thing: it works on network output matrices and also
/// supplies the gradient. Both are mean((y − ŷ)²), so on the same values they agree up to float32 rounding.</para>
/// <list type="bullet">
/// <item>MSE = (1/n) Σ (y − ŷ)²: in squared target units, dominated by the largest errors.</item>
/// <item>MAE = (1/n) Σ |y − ŷ|: in target units, robust to a few outliers.</item>
/// <item>R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)²: the share of the targets' variance explained; 1 is perfect,
/// 0 is no better than always predicting the mean, and it is negative for worse. When the targets are all
/// equal (Σ(y − ȳ)² = 0) R² is defined as 1 for a perfect prediction and 0 otherwise, as scikit-learn does.</item>
/// </list>
/// </remarks>
/// <example>
/// <code>
/// double mse = RegressionMetrics.MeanSquaredError([1.0, 2.0, 3.0], [1.0, 2.0, 5.0]); // 4/3
/// double r2 = RegressionMetrics.R2(test.Targets, predicted);
/// </code>
/// </example>
public static class RegressionMetrics
{
    /// <summary>Mean squared error, (1/n) Σ (y − ŷ)².</summary>
    /// <param name="yTrue">True values.</param>
    /// <param name="yPredicted">Predicted values, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a value is not finite.</exception>
    public static double MeanSquaredError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPredicted)
    {
        Check(yTrue, yPredicted);
        double sum = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double d = yTrue[i] - yPredicted[i];
            sum += d * d;
        }
        return sum / yTrue.Length;
    }

    /// <summary>Mean squared error of float32 values (e.g. <c>Dataset.Targets</c>), computed in double.</summary>
    /// <param name="yTrue">True values.</param>
    /// <param name="yPredicted">Predicted values, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a value is not finite.</exception>
    public static double MeanSquaredError(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPredicted) =>
        MeanSquaredError(Widen(yTrue), Widen(yPredicted));

    /// <summary>Mean absolute error, (1/n) Σ |y − ŷ|.</summary>
    /// <param name="yTrue">True values.</param>
    /// <param name="yPredicted">Predicted values, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a value is not finite.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPredicted)
    {
        Check(yTrue, yPredicted);
        double sum = 0;
        for (int i = 0; i < yTrue.Length; i++)
            sum += Math.Abs(yTrue[i] - yPredicted[i]);
        return sum / yTrue.Length;
    }

    /// <summary>Mean absolute error of float32 values, computed in double.</summary>
    /// <param name="yTrue">True values.</param>
    /// <param name="yPredicted">Predicted values, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a value is not finite.</exception>
    public static double MeanAbsoluteError(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPredicted) =>
        MeanAbsoluteError(Widen(yTrue), Widen(yPredicted));

    /// <summary>The coefficient of determination R² = 1 − Σ(y − ŷ)² / Σ(y − ȳ)².</summary>
    /// <param name="yTrue">True values.</param>
    /// <param name="yPredicted">Predicted values, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a value is not finite.</exception>
    public static double R2(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPredicted)
    {
        Check(yTrue, yPredicted);
        double mean = 0;
        foreach (double y in yTrue)
            mean += y;
        mean /= yTrue.Length;
        double residual = 0, total = 0;
        for (int i = 0; i < yTrue.Length; i++)
        {
            double d = yTrue[i] - yPredicted[i], m = yTrue[i] - mean;
            residual += d * d;
            total += m * m;
        }
        if (total == 0)
            return residual == 0 ? 1 : 0;
        return 1 - residual / total;
    }

    /// <summary>R² of float32 values, computed in double.</summary>
    /// <param name="yTrue">True values.</param>
    /// <param name="yPredicted">Predicted values, same length.</param>
    /// <exception cref="ArgumentException">Lengths differ or are zero, or a value is not finite.</exception>
    public static double R2(ReadOnlySpan<float> yTrue, ReadOnlySpan<float> yPredicted) => R2(Widen(yTrue), Widen(yPredicted));

    private static double[] Widen(ReadOnlySpan<float> values)
    {
        var wide = new double[values.Length];
        for (int i = 0; i < wide.Length; i++)
            wide[i] = values[i];
        return wide;
    }

    private static void Check(ReadOnlySpan<double> yTrue, ReadOnlySpan<double> yPredicted)
    {
        MetricInput.Lengths(yTrue.Length, yPredicted.Length);
        Finite(yTrue, nameof(yTrue));
        Finite(yPredicted, nameof(yPredicted));
    }

    private static void Finite(ReadOnlySpan<double> values, string name)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
                throw Guard.Error(name, $"{name}[{i}] is {Guard.Format(values[i])}, not a finite number.",
                    "a model that predicts NaN or infinity has diverged; retrain with a smaller learning rate.");
        }
    }
}
