using System.Globalization;
using Rosenblatt.Data;

namespace Rosenblatt.Cli.Conventions;

/// <summary>Refuses, before any training, labelled data whose classes are far too many for its rows.</summary>
/// <remarks>
/// <para>A label column of ids or measurements read as classes gives thousands of classes of a row or two each: training
/// such a classifier takes minutes and learns nothing, and a stratified split cannot even put every class on both sides.
/// The rule is <c>classes² &gt; 10 × rows</c>, i.e. more than ten times as many classes as rows per class: digits (10 classes,
/// 180 rows each), MNIST, CIFAR-100 (100 classes, 600 rows each) and Olivetti faces (40 classes, 10 rows each) pass;
/// 1,500 classes of 2 rows do not.</para>
/// <para>The answer names the CLI's options (<c>--label</c>, <c>--test</c>), not the library's parameters.</para>
/// </remarks>
internal static class ClassBalance
{
    /// <summary>Checks that <paramref name="data"/> has enough rows per class to train on, and, when a test share is held out
    /// stratified, that some class has a row to spare for it.</summary>
    /// <param name="data">The labelled data.</param>
    /// <param name="dataOption">The <c>--data</c> value, for the message.</param>
    /// <param name="testFraction">The <c>--test</c> share, or 0 when no split is made.</param>
    /// <exception cref="ArgumentException">Too many classes for the rows, or no class has two rows to split.</exception>
    public static void Check(Dataset data, string dataOption, double testFraction)
    {
        if (!data.HasLabels || data.ClassCount < 2)
            return;
        long classes = data.ClassCount, rows = data.Count;
        if (classes * classes > 10 * rows)
            throw new ArgumentException(
                $"--data '{dataOption}' has {classes.ToString("N0", CultureInfo.InvariantCulture)} classes for {rows.ToString("N0", CultureInfo.InvariantCulture)} rows " +
                $"({PerClass(rows, classes)} per class on average): far too few to learn each class, and training would take long to learn nothing. " +
                "help: check that the label is the class column (--label NAME or index; the default is the last column); a column of ids or measurements is not a class. A classifier needs tens of rows per class.");
        if (testFraction > 0)
        {
            var counts = new int[data.ClassCount];
            foreach (int label in data.Labels)
                counts[label]++;
            if (counts.All(c => c < 2))
                throw new ArgumentException(
                    $"--data '{dataOption}': every class has a single row, so none can be held out for testing without leaving the training rows without it. " +
                    "help: check --label, use data with several rows per class, or pass --test 0 to test on the training rows.");
        }
    }

    private static string PerClass(long rows, long classes)
    {
        double perClass = rows / (double)classes;
        return perClass.ToString("0.#", CultureInfo.InvariantCulture) + (perClass == 1 ? " row" : " rows");
    }
}
