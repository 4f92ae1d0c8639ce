using Rosenblatt.Diagnostics;

namespace Rosenblatt.Metrics;

/// <summary>The input checks every metric shares: paired lists of equal, non-zero length; class indices in range.</summary>
internal static class MetricInput
{
    internal static void Pair<T>(IReadOnlyList<T>? yTrue, IReadOnlyList<T>? yPredicted)
    {
        if (yTrue is null)
            throw new ArgumentNullException(nameof(yTrue), "yTrue is null. help: pass the true label of every sample.");
        if (yPredicted is null)
            throw new ArgumentNullException(nameof(yPredicted), "yPredicted is null. help: pass the predicted label of every sample.");
        Lengths(yTrue.Count, yPredicted.Count);
    }

    internal static void Lengths(int truth, int predicted)
    {
        if (truth != predicted)
            throw Guard.Error("yPredicted", $"yTrue has {truth} values but yPredicted has {predicted}.",
                "pass one prediction per true value, in the same order.");
        if (truth == 0)
            throw Guard.Error("yTrue", "yTrue is empty (received 0 samples).", "a metric needs at least one sample to score.");
    }

    internal static void ClassIndex(int value, int classCount, string name, int index)
    {
        if ((uint)value >= (uint)classCount)
            throw Guard.Error(name, $"{name}[{index}] is {value} but there are {classCount} classes (valid 0..{classCount - 1}).",
                "pass class indices (as in Dataset.Labels), or use the overload that takes the labels themselves.");
    }
}
