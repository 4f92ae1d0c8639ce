using Rosenblatt.Diagnostics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Metrics;

/// <summary>Log loss (cross-entropy) of predicted class probabilities: how surprised the model is by the truth.</summary>
/// <remarks>
/// <para>logloss = −(1/n) Σᵢ ln p̂ᵢ,yᵢ, the mean negative log-probability the model gave each sample's true
/// class. 0 is perfect; always answering 1/K scores ln K (0.693 for two classes). Unlike accuracy it
/// rewards being confidently right and punishes being confidently wrong.</para>
/// <para><b>Clipping.</b> Each probability is clipped to [<see cref="Epsilon"/>, 1 − <see cref="Epsilon"/>]
/// with ε = 1e−15 (scikit-learn's long-standing value) before the log, so a single p = 0 on the true class
/// costs −ln 1e−15 ≈ 34.5 instead of infinity.</para>
/// <para>Rows must be probability distributions: every value finite in [0, 1] and each row summing to 1
/// within 1e−3 (float32 softmax outputs qualify). Raw scores are rejected, not silently renormalised.</para>
/// </remarks>
/// <example>
/// <code>
/// double loss = LogLoss.Compute([0, 1], [[0.9, 0.1], [0.2, 0.8]]); // (−ln 0.9 − ln 0.8) / 2 ≈ 0.164
/// </code>
/// </example>
public static class LogLoss
{
    /// <summary>The clipping bound ε = 1e−15: probabilities are kept in [ε, 1 − ε].</summary>
    public const double Epsilon = 1e-15;

    private const double SumTolerance = 1e-3;

    /// <summary>The log loss of one probability row per sample (columns in class-index order).</summary>
    /// <param name="yTrue">True class indices, each in 0..K−1.</param>
    /// <param name="probabilities">n rows of K probabilities, as <c>PredictProbabilities</c> returns them.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ or are zero, a label is out of range, or a row is not a probability distribution.</exception>
    public static double Compute(IReadOnlyList<int> yTrue, IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        MetricInput.Lengths(yTrue.Count, probabilities.Count);
        int k = probabilities[0]?.Length ?? 0;
        double sum = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            double[] row = probabilities[i] ?? throw Guard.Error(nameof(probabilities), $"probabilities[{i}] is null.", "pass one probability row per sample.");
            if (row.Length != k)
                throw Guard.Error(nameof(probabilities), $"probabilities[{i}] has {row.Length} values but row 0 has {k}.", "every row needs one probability per class.");
            sum += Term(yTrue[i], row, i);
        }
        return sum / yTrue.Count;
    }

    /// <summary>The log loss of an n × K probability matrix (a network's softmax output); one column means P(class 1) of a binary model.</summary>
    /// <param name="yTrue">True class indices.</param>
    /// <param name="probabilities">n × K probabilities, or n × 1 probabilities of class 1.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ or are zero, a label is out of range, or a row is not a probability distribution.</exception>
    public static double Compute(IReadOnlyList<int> yTrue, Matrix probabilities)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(probabilities);
        MetricInput.Lengths(yTrue.Count, probabilities.Rows);
        if (probabilities.Columns == 1)
            return Binary(yTrue, Enumerable.Range(0, probabilities.Rows).Select(r => (double)probabilities[r, 0]).ToArray());
        double sum = 0;
        var row = new double[probabilities.Columns];
        for (int i = 0; i < yTrue.Count; i++)
        {
            ReadOnlySpan<float> src = probabilities.Row(i);
            for (int j = 0; j < row.Length; j++)
                row[j] = src[j];
            sum += Term(yTrue[i], row, i);
        }
        return sum / yTrue.Count;
    }

    /// <summary>The binary log loss, −(1/n) Σ [y ln p + (1 − y) ln(1 − p)], from the probability of class 1.</summary>
    /// <param name="yTrue">True classes, each 0 or 1.</param>
    /// <param name="positiveProbabilities">The predicted probability of class 1 for each sample, in [0, 1].</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">Lengths differ or are zero, a label is not 0 or 1, or a probability is outside [0, 1].</exception>
    public static double Binary(IReadOnlyList<int> yTrue, IReadOnlyList<double> positiveProbabilities)
    {
        ArgumentNullException.ThrowIfNull(yTrue);
        ArgumentNullException.ThrowIfNull(positiveProbabilities);
        MetricInput.Lengths(yTrue.Count, positiveProbabilities.Count);
        double sum = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            MetricInput.ClassIndex(yTrue[i], 2, nameof(yTrue), i);
            double p = positiveProbabilities[i];
            CheckProbability(p, nameof(positiveProbabilities), i, null);
            sum -= Math.Log(Clip(yTrue[i] == 1 ? p : 1 - p));
        }
        return sum / yTrue.Count;
    }

    private static double Term(int label, double[] row, int i)
    {
        MetricInput.ClassIndex(label, row.Length, "yTrue", i);
        double total = 0;
        for (int j = 0; j < row.Length; j++)
        {
            CheckProbability(row[j], "probabilities", i, j);
            total += row[j];
        }
        if (Math.Abs(total - 1) > SumTolerance)
            throw Guard.Error("probabilities", $"row {i} of probabilities sums to {Guard.Format(total)}, not 1.",
                "pass probabilities (softmax or PredictProbabilities output), not raw scores or logits.");
        return -Math.Log(Clip(row[label]));
    }

    private static void CheckProbability(double p, string name, int i, int? j)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
            throw Guard.Error(name, $"{name}[{i}]{(j is int c ? $"[{c}]" : "")} is {Guard.Format(p)}, not a probability in [0, 1].",
                "pass probabilities (softmax, sigmoid or PredictProbabilities output), not raw scores.");
    }

    private static double Clip(double p) => Math.Clamp(p, Epsilon, 1 - Epsilon);
}
