using System.Globalization;
using System.Text;
using Rosenblatt.Data;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Metrics;

/// <summary>A confusion matrix: how many samples of each true class were predicted as each class.</summary>
/// <remarks>
/// <para>Entry [i, j] counts the samples whose true class is i and whose predicted class is j (rows actual,
/// columns predicted, scikit-learn's layout). The diagonal holds the correct answers; an off-diagonal
/// cell names a specific mistake ("7 read as 1"), which accuracy alone hides.</para>
/// <para>Row sums are each class's support (how many samples truly are that class), column sums how often
/// each class was predicted; <see cref="ClassificationReport"/> derives precision and recall from them.</para>
/// </remarks>
/// <example>
/// <code>
/// var m = ConfusionMatrix.Compute([0, 0, 1, 1], [0, 1, 1, 1], ["cat", "dog"]);
/// int dogsSeenAsCats = m[1, 0];  // 0
/// Console.WriteLine(m);           // a table, rows actual, columns predicted
/// </code>
/// </example>
public sealed class ConfusionMatrix
{
    private readonly int[,] _counts;
    private readonly string[] _classNames;

    /// <summary>Wraps counts already tallied (copied): <paramref name="counts"/>[actual, predicted].</summary>
    /// <param name="counts">A K × K matrix of non-negative counts.</param>
    /// <param name="classNames">K class names, index i naming row and column i.</param>
    /// <exception cref="ArgumentException">The matrix is not square, does not match the names, or holds a negative count.</exception>
    public ConfusionMatrix(int[,] counts, IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(classNames);
        int k = counts.GetLength(0);
        if (counts.GetLength(1) != k || classNames.Count != k)
            throw Guard.Error(nameof(counts),
                $"counts is {k} × {counts.GetLength(1)} with {classNames.Count} class names.",
                "pass a square K × K matrix and exactly K class names.");
        if (k == 0)
            throw Guard.Error(nameof(classNames), "there are no classes.", "pass at least one class name.");
        foreach (int c in counts)
        {
            if (c < 0)
                throw Guard.Error(nameof(counts), $"counts holds {c}.", "counts are numbers of samples and cannot be negative.");
        }
        _counts = (int[,])counts.Clone();
        _classNames = classNames.ToArray();
    }

    /// <summary>Tallies class indices against the given class names.</summary>
    /// <param name="yTrue">True class indices, each in 0..K−1.</param>
    /// <param name="yPredicted">Predicted class indices, same length.</param>
    /// <param name="classNames">The K class names (e.g. <see cref="Dataset.ClassNames"/>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero, or an index is outside 0..K−1.</exception>
    public static ConfusionMatrix Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPredicted, IReadOnlyList<string> classNames)
    {
        MetricInput.Pair(yTrue, yPredicted);
        ArgumentNullException.ThrowIfNull(classNames);
        int k = classNames.Count;
        if (k == 0)
            throw Guard.Error(nameof(classNames), "there are no classes.", "pass at least one class name.");
        var counts = new int[k, k];
        for (int i = 0; i < yTrue.Count; i++)
        {
            MetricInput.ClassIndex(yTrue[i], k, nameof(yTrue), i);
            MetricInput.ClassIndex(yPredicted[i], k, nameof(yPredicted), i);
            counts[yTrue[i], yPredicted[i]]++;
        }
        return new ConfusionMatrix(counts, classNames);
    }

    /// <summary>Tallies class indices 0..<paramref name="classCount"/>−1, naming the classes "0", "1", ….</summary>
    /// <param name="yTrue">True class indices.</param>
    /// <param name="yPredicted">Predicted class indices, same length.</param>
    /// <param name="classCount">The number of classes K, at least 1.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero, or an index is outside 0..K−1.</exception>
    public static ConfusionMatrix Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPredicted, int classCount)
    {
        Guard.AtLeast(classCount, 1, nameof(classCount), "pass the number of classes, e.g. dataset.ClassCount.");
        return Compute(yTrue, yPredicted, Enumerable.Range(0, classCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>Tallies labels of any type; the classes are every label seen in either list, sorted as <see cref="ClassEncoder{TLabel}"/> sorts.</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPredicted">Predicted labels, same length.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static ConfusionMatrix Compute<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPredicted) where TLabel : notnull
    {
        MetricInput.Pair(yTrue, yPredicted);
        var encoder = ClassEncoder<TLabel>.Fit(yTrue.Concat(yPredicted).ToArray(), minClasses: 1);
        var names = encoder.Classes.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray();
        return Compute(encoder.Encode(yTrue), encoder.Encode(yPredicted), names);
    }

    /// <summary>The class names, index i naming row i (actual) and column i (predicted).</summary>
    public IReadOnlyList<string> ClassNames => _classNames;

    /// <summary>The number of classes K.</summary>
    public int ClassCount => _classNames.Length;

    /// <summary>The number of samples whose true class is <paramref name="actual"/> and predicted class <paramref name="predicted"/>.</summary>
    /// <param name="actual">The true class index (row).</param>
    /// <param name="predicted">The predicted class index (column).</param>
    public int this[int actual, int predicted] => _counts[actual, predicted];

    /// <summary>The number of samples tallied.</summary>
    public int Total
    {
        get
        {
            int total = 0;
            foreach (int c in _counts)
                total += c;
            return total;
        }
    }

    /// <summary>The number of correct predictions: the sum of the diagonal.</summary>
    public int Correct
    {
        get
        {
            int correct = 0;
            for (int k = 0; k < ClassCount; k++)
                correct += _counts[k, k];
            return correct;
        }
    }

    /// <summary>The accuracy, <see cref="Correct"/> / <see cref="Total"/> (0 when nothing was tallied).</summary>
    public double Accuracy => Total == 0 ? 0 : (double)Correct / Total;

    /// <summary>How many samples truly belong to class <paramref name="actual"/> (row sum; the class's support).</summary>
    /// <param name="actual">The class index.</param>
    public int ActualCount(int actual)
    {
        int sum = 0;
        for (int j = 0; j < ClassCount; j++)
            sum += _counts[actual, j];
        return sum;
    }

    /// <summary>How many samples were predicted as class <paramref name="predicted"/> (column sum).</summary>
    /// <param name="predicted">The class index.</param>
    public int PredictedCount(int predicted)
    {
        int sum = 0;
        for (int i = 0; i < ClassCount; i++)
            sum += _counts[i, predicted];
        return sum;
    }

    /// <summary>A copy of the counts, [actual, predicted].</summary>
    public int[,] ToArray() => (int[,])_counts.Clone();

    /// <summary>The counts as rows (one array per actual class), for JSON output.</summary>
    public int[][] ToRows() =>
        Enumerable.Range(0, ClassCount).Select(i => Enumerable.Range(0, ClassCount).Select(j => _counts[i, j]).ToArray()).ToArray();

    /// <summary>A plain-text table: one row per actual class, one column per predicted class, right-aligned.</summary>
    public override string ToString()
    {
        const string corner = "actual \\ predicted";
        int nameWidth = Math.Max(corner.Length, _classNames.Max(n => n.Length));
        var widths = new int[ClassCount];
        for (int j = 0; j < ClassCount; j++)
        {
            widths[j] = _classNames[j].Length;
            for (int i = 0; i < ClassCount; i++)
                widths[j] = Math.Max(widths[j], _counts[i, j].ToString(CultureInfo.InvariantCulture).Length);
        }
        var text = new StringBuilder();
        text.Append(corner.PadRight(nameWidth));
        for (int j = 0; j < ClassCount; j++)
            text.Append("  ").Append(_classNames[j].PadLeft(widths[j]));
        for (int i = 0; i < ClassCount; i++)
        {
            text.Append('\n').Append(_classNames[i].PadRight(nameWidth));
            for (int j = 0; j < ClassCount; j++)
                text.Append("  ").Append(_counts[i, j].ToString(CultureInfo.InvariantCulture).PadLeft(widths[j]));
        }
        return text.ToString();
    }
}
