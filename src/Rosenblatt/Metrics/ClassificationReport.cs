using System.Globalization;
using System.Text;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Metrics;

/// <summary>Per-class precision, recall, F1 and support, with accuracy and macro and weighted means (scikit-learn's <c>classification_report</c>).</summary>
/// <remarks>
/// <para>From the <see cref="Metrics.ConfusionMatrix"/>, for class k: TP = [k, k], FP = column sum − TP,
/// FN = row sum − TP. Precision = TP/(TP+FP), recall = TP/(TP+FN), F1 = 2TP/(2TP+FP+FN).</para>
/// <para><b>Zero division.</b> A ratio whose denominator is 0 (a class never predicted has no precision, a
/// class absent from the truth has no recall) is defined as 0, like scikit-learn's <c>zero_division=0</c>,
/// so a model that ignores a class is penalised rather than excused.</para>
/// <para><b>Averages.</b> The macro average is the plain mean over classes, so rare classes count as much
/// as common ones; the weighted average weights each class by its support. Like scikit-learn (which only
/// knows the labels it sees), a class that occurs neither in the truth nor in the predictions is listed
/// but left out of the macro average; it has weight 0 in the weighted one anyway.</para>
/// </remarks>
/// <example>
/// <code>
/// var report = ClassificationReport.Compute(test.Labels, predicted, test.ClassNames);
/// Console.WriteLine(report);  // the familiar table
/// double macroF1 = report.MacroAverage.F1;
/// </code>
/// </example>
public sealed class ClassificationReport
{
    private ClassificationReport(ConfusionMatrix matrix, ClassScores[] classes, ClassScores macro, ClassScores weighted)
    {
        ConfusionMatrix = matrix;
        Classes = classes;
        MacroAverage = macro;
        WeightedAverage = weighted;
    }

    /// <summary>Builds the report from a confusion matrix.</summary>
    /// <param name="matrix">The tallied predictions.</param>
    /// <exception cref="ArgumentException">The matrix is empty (no samples).</exception>
    public static ClassificationReport Compute(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int total = matrix.Total;
        if (total == 0)
            throw Guard.Error(nameof(matrix), "the confusion matrix holds no samples.", "a report needs at least one scored sample.");
        int k = matrix.ClassCount;
        var classes = new ClassScores[k];
        double macroP = 0, macroR = 0, macroF = 0, weightedP = 0, weightedR = 0, weightedF = 0;
        int present = 0;
        for (int c = 0; c < k; c++)
        {
            int tp = matrix[c, c];
            int support = matrix.ActualCount(c);
            int predicted = matrix.PredictedCount(c);
            int fp = predicted - tp, fn = support - tp;
            double p = Ratio(tp, tp + fp), r = Ratio(tp, tp + fn), f = Ratio(2.0 * tp, 2.0 * tp + fp + fn);
            classes[c] = new ClassScores(matrix.ClassNames[c], p, r, f, support);
            if (support > 0 || predicted > 0)
            {
                present++;
                macroP += p;
                macroR += r;
                macroF += f;
            }
            weightedP += p * support;
            weightedR += r * support;
            weightedF += f * support;
        }
        var macro = new ClassScores("macro avg", macroP / present, macroR / present, macroF / present, total);
        var weighted = new ClassScores("weighted avg", weightedP / total, weightedR / total, weightedF / total, total);
        return new ClassificationReport(matrix, classes, macro, weighted);
    }

    /// <summary>Builds the report from true and predicted class indices.</summary>
    /// <param name="yTrue">True class indices, each in 0..K−1.</param>
    /// <param name="yPredicted">Predicted class indices, same length.</param>
    /// <param name="classNames">The K class names.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero, or an index is out of range.</exception>
    public static ClassificationReport Compute(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPredicted, IReadOnlyList<string> classNames) =>
        Compute(ConfusionMatrix.Compute(yTrue, yPredicted, classNames));

    /// <summary>Builds the report from labels of any type (what a model's <c>Predict</c> returns); the classes are every label seen, sorted.</summary>
    /// <param name="yTrue">True labels.</param>
    /// <param name="yPredicted">Predicted labels, same length.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static ClassificationReport Compute<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPredicted) where TLabel : notnull =>
        Compute(ConfusionMatrix.Compute(yTrue, yPredicted));

    /// <summary>The confusion matrix the report was computed from.</summary>
    public ConfusionMatrix ConfusionMatrix { get; }

    /// <summary>The scores of each class, in class-index order.</summary>
    public IReadOnlyList<ClassScores> Classes { get; }

    /// <summary>The unweighted mean over the classes present in the truth or the predictions.</summary>
    public ClassScores MacroAverage { get; }

    /// <summary>The mean over classes weighted by support.</summary>
    public ClassScores WeightedAverage { get; }

    /// <summary>The accuracy: correct predictions / all samples.</summary>
    public double Accuracy => ConfusionMatrix.Accuracy;

    /// <summary>The number of samples scored.</summary>
    public int Support => ConfusionMatrix.Total;

    /// <summary>The report as scikit-learn prints it, with 2 decimals.</summary>
    public override string ToString() => Format(2);

    /// <summary>The report as scikit-learn prints it: a row per class, then accuracy, macro avg and weighted avg.</summary>
    /// <param name="digits">Decimals per score, 1 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">digits is out of range.</exception>
    public string Format(int digits)
    {
        Guard.AtLeast(digits, 1, nameof(digits), "2 is scikit-learn's default.");
        Guard.AtMost(digits, 10, nameof(digits), "scores are not meaningful beyond 10 decimals.");
        string[] headers = ["precision", "recall", "f1-score", "support"];
        int nameWidth = Math.Max("weighted avg".Length, Classes.Max(c => c.Name.Length));
        int width = Math.Max(headers.Max(h => h.Length), digits + 2);
        string N(double v) => v.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture).PadLeft(width);
        string S(int v) => v.ToString(CultureInfo.InvariantCulture).PadLeft(width);
        var text = new StringBuilder();
        text.Append(new string(' ', nameWidth));
        foreach (string h in headers)
            text.Append(' ').Append(h.PadLeft(width));
        text.Append("\n\n");
        foreach (var c in Classes)
            Row(c);
        text.Append('\n');
        text.Append("accuracy".PadLeft(nameWidth)).Append(' ').Append(new string(' ', width)).Append(' ').Append(new string(' ', width))
            .Append(' ').Append(N(Accuracy)).Append(' ').Append(S(Support)).Append('\n');
        Row(MacroAverage);
        Row(WeightedAverage);
        return text.ToString().TrimEnd('\n');

        void Row(ClassScores c) =>
            text.Append(c.Name.PadLeft(nameWidth)).Append(' ').Append(N(c.Precision)).Append(' ').Append(N(c.Recall))
                .Append(' ').Append(N(c.F1)).Append(' ').Append(S(c.Support)).Append('\n');
    }

    private static double Ratio(double numerator, double denominator) => denominator == 0 ? 0 : numerator / denominator;
}
