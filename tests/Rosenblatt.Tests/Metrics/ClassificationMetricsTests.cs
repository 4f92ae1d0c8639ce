using Rosenblatt.Metrics;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Metrics;

// Hand-worked case used throughout: truth [0,0,0,1,1,2], predictions [0,1,0,1,2,2].
// Confusion rows (actual) a: [2,1,0], b: [0,1,1], c: [0,0,1].
// a: TP 2, FP 0, FN 1 → P 1, R 2/3, F1 4/5.  b: TP 1, FP 1, FN 1 → P 1/2, R 1/2, F1 1/2.
// c: TP 1, FP 1, FN 0 → P 1/2, R 1, F1 2/3.  Accuracy 4/6.
public class ClassificationMetricsTests
{
    private static readonly int[] Truth = [0, 0, 0, 1, 1, 2];
    private static readonly int[] Predicted = [0, 1, 0, 1, 2, 2];
    private static readonly string[] Names = ["a", "b", "c"];

    [Fact]
    public void Accuracy_CountsMatchingPositions()
    {
        Assert.Equal(4.0 / 6, Accuracy.Score(Truth, Predicted), 15);
        Assert.Equal(0.75, Accuracy.Score(["x", "y", "y", "z"], ["x", "y", "z", "z"]), 15);
        Assert.Equal(0.75, Accuracy.Score([0, 1, 2, 2], [0, 2, 2, 2]), 15); // the XML doc's example
    }

    [Fact]
    public void Accuracy_RejectsMismatchedOrEmptyInput()
    {
        var e = Assert.Throws<ArgumentException>(() => Accuracy.Score([0, 1], [0]));
        Assert.Contains("yTrue has 2 values but yPredicted has 1", e.Message);
        Assert.Contains("help:", e.Message);
        Assert.Throws<ArgumentException>(() => Accuracy.Score(Array.Empty<int>(), Array.Empty<int>()));
    }

    [Fact]
    public void ConfusionMatrix_TalliesActualRowsAgainstPredictedColumns()
    {
        var m = ConfusionMatrix.Compute(Truth, Predicted, Names);
        Assert.Equal(new[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 0, 0, 1 } }, m.ToArray());
        Assert.Equal(6, m.Total);
        Assert.Equal(4, m.Correct);
        Assert.Equal(3, m.ActualCount(0));
        Assert.Equal(2, m.PredictedCount(2));
        Assert.Equal([[2, 1, 0], [0, 1, 1], [0, 0, 1]], m.ToRows());
    }

    [Fact]
    public void ConfusionMatrix_PrintsATableWithClassNames()
    {
        var m = ConfusionMatrix.Compute(Truth, Predicted, Names);
        string expected =
            "actual \\ predicted  a  b  c\n" +
            "a                   2  1  0\n" +
            "b                   0  1  1\n" +
            "c                   0  0  1";
        Assert.Equal(expected, m.ToString());
    }

    [Fact]
    public void ConfusionMatrix_OfLabels_UsesTheSortedUnionOfClasses()
    {
        var m = ConfusionMatrix.Compute(new[] { "dog", "cat", "cat" }, new[] { "dog", "dog", "bird" });
        Assert.Equal(["bird", "cat", "dog"], m.ClassNames);
        Assert.Equal(1, m[1, 0]); // a cat read as a bird
        Assert.Equal(1, m[1, 2]); // a cat read as a dog
        Assert.Equal(1, m[2, 2]);
    }

    [Fact]
    public void ConfusionMatrix_RejectsAClassIndexOutOfRange()
    {
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Compute([0, 3], [0, 1], Names));
        Assert.Contains("yTrue[1] is 3 but there are 3 classes", e.Message);
    }

    [Fact]
    public void Report_PerClassScores_MatchHandWorkedValues()
    {
        var report = ClassificationReport.Compute(Truth, Predicted, Names);
        AssertScores(report.Classes[0], 1, 2.0 / 3, 0.8, 3);
        AssertScores(report.Classes[1], 0.5, 0.5, 0.5, 2);
        AssertScores(report.Classes[2], 0.5, 1, 2.0 / 3, 1);
        Assert.Equal(4.0 / 6, report.Accuracy, 15);
    }

    [Fact]
    public void Report_MacroIsThePlainMean_WeightedUsesSupport()
    {
        var report = ClassificationReport.Compute(Truth, Predicted, Names);
        // macro: P (1 + 1/2 + 1/2)/3, R (2/3 + 1/2 + 1)/3 = 13/18, F1 (4/5 + 1/2 + 2/3)/3 = 59/90
        AssertScores(report.MacroAverage, 2.0 / 3, 13.0 / 18, 59.0 / 90, 6);
        // weighted by support 3, 2, 1: P 4.5/6, R = accuracy 4/6, F1 (2.4 + 1 + 2/3)/6 = 61/90
        AssertScores(report.WeightedAverage, 0.75, 4.0 / 6, 61.0 / 90, 6);
    }

    [Fact]
    public void Report_ZeroDivisionGivesZero_AndAbsentClassesLeaveTheMacroMean()
    {
        // Class y is never predicted (no precision) and z occurs nowhere.
        var report = ClassificationReport.Compute([0, 0, 1], [0, 0, 0], ["x", "y", "z"]);
        AssertScores(report.Classes[0], 2.0 / 3, 1, 0.8, 2);
        AssertScores(report.Classes[1], 0, 0, 0, 1);
        AssertScores(report.Classes[2], 0, 0, 0, 0);
        AssertScores(report.MacroAverage, 1.0 / 3, 0.5, 0.4, 3);
        AssertScores(report.WeightedAverage, 4.0 / 9, 2.0 / 3, 1.6 / 3, 3);
    }

    [Fact]
    public void Report_OfLabels_EqualsTheReportOfIndices()
    {
        string[] truth = ["a", "a", "a", "b", "b", "c"], predicted = ["a", "b", "a", "b", "c", "c"];
        var report = ClassificationReport.Compute(truth, predicted);
        Assert.Equal(ClassificationReport.Compute(Truth, Predicted, Names).ToString(), report.ToString());
    }

    [Fact]
    public void Report_PrintsLikeScikitLearn()
    {
        string text = ClassificationReport.Compute(Truth, Predicted, Names).ToString();
        string expected =
            "             precision    recall  f1-score   support\n" +
            "\n" +
            "           a      1.00      0.67      0.80         3\n" +
            "           b      0.50      0.50      0.50         2\n" +
            "           c      0.50      1.00      0.67         1\n" +
            "\n" +
            "    accuracy                          0.67         6\n" +
            "   macro avg      0.67      0.72      0.66         6\n" +
            "weighted avg      0.75      0.67      0.68         6";
        Assert.Equal(expected, text);
    }

    [Fact]
    public void LogLoss_IsTheMeanNegativeLogOfTheTrueClassProbability()
    {
        double[][] p = [[0.7, 0.2, 0.1], [0.1, 0.8, 0.1], [0.3, 0.3, 0.4]];
        // −(ln 0.7 + ln 0.8 + ln 0.4) / 3
        Assert.Equal(0.49870307570903244, LogLoss.Compute([0, 1, 2], p), 12);
        var matrix = Matrix.FromRows(p);
        Assert.Equal(0.49870307570903244, LogLoss.Compute([0, 1, 2], matrix), 6);
    }

    [Fact]
    public void LogLoss_ClipsAZeroProbabilityAtEpsilon()
    {
        // −ln(1e−15) = 34.5388 for the first sample, −ln 0.5 for the second.
        Assert.Equal(17.615961787735316, LogLoss.Compute([0, 1], [[0.0, 1.0], [0.5, 0.5]]), 9);
        Assert.Equal(1e-15, LogLoss.Epsilon);
    }

    [Fact]
    public void LogLoss_Binary_UsesTheProbabilityOfClassOne()
    {
        Assert.Equal(0.164252033486018, LogLoss.Binary([1, 0], [0.9, 0.2]), 12);
        Assert.Equal(0.164252033486018, LogLoss.Compute([0, 1], [[0.9, 0.1], [0.2, 0.8]]), 12); // the XML doc's example
        var oneColumn = new Matrix(2, 1, [0.9f, 0.2f]);
        Assert.Equal(0.164252033486018, LogLoss.Compute([1, 0], oneColumn), 6);
    }

    [Fact]
    public void LogLoss_RejectsScoresThatAreNotProbabilities()
    {
        var e = Assert.Throws<ArgumentException>(() => LogLoss.Compute([0], [[2.0, -1.0]]));
        Assert.Contains("probabilities[0][0] is 2", e.Message);
        e = Assert.Throws<ArgumentException>(() => LogLoss.Compute([0], [[0.5, 0.2]]));
        Assert.Contains("sums to 0.7", e.Message);
        e = Assert.Throws<ArgumentException>(() => LogLoss.Binary([2], [0.5]));
        Assert.Contains("yTrue[0] is 2", e.Message);
    }

    private static void AssertScores(ClassScores s, double precision, double recall, double f1, int support)
    {
        Assert.Equal(precision, s.Precision, 12);
        Assert.Equal(recall, s.Recall, 12);
        Assert.Equal(f1, s.F1, 12);
        Assert.Equal(support, s.Support);
    }
}
