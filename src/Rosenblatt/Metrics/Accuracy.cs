namespace Rosenblatt.Metrics;

/// <summary>Accuracy: the fraction of samples whose predicted class is the true class.</summary>
/// <remarks>
/// <para>accuracy = (1/n) Σ [ŷᵢ = yᵢ]. It is the headline number for balanced classes; on skewed classes
/// read the <see cref="ClassificationReport"/> too (always answering "benign" scores 63% on breast cancer).</para>
/// <para>The trainer's per-epoch accuracy (<see cref="CountCorrect"/>) is computed here too, from network
/// outputs: one output column means class 1 when the output is at least 0.5, several mean the column
/// with the largest value (the first on ties).</para>
/// </remarks>
/// <example>
/// <code>
/// double a = Accuracy.Score([0, 1, 2, 2], [0, 2, 2, 2]); // 0.75
/// </code>
/// </example>
public static class Accuracy
{
    /// <summary>The fraction of positions where <paramref name="yPredicted"/> equals <paramref name="yTrue"/>, in [0, 1].</summary>
    /// <param name="yTrue">The true class indices.</param>
    /// <param name="yPredicted">The predicted class indices, same length.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double Score(IReadOnlyList<int> yTrue, IReadOnlyList<int> yPredicted) => Score<int>(yTrue, yPredicted);

    /// <summary>The fraction of positions where the predicted label equals the true label (any label type).</summary>
    /// <param name="yTrue">The true labels.</param>
    /// <param name="yPredicted">The predicted labels, same length.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ or are zero.</exception>
    public static double Score<TLabel>(IReadOnlyList<TLabel> yTrue, IReadOnlyList<TLabel> yPredicted)
    {
        MetricInput.Pair(yTrue, yPredicted);
        var eq = EqualityComparer<TLabel>.Default;
        int correct = 0;
        for (int i = 0; i < yTrue.Count; i++)
        {
            if (eq.Equals(yTrue[i], yPredicted[i]))
                correct++;
        }
        return (double)correct / yTrue.Count;
    }

    /// <summary>Counts correct classifications from network outputs and one-hot (or 0/1) targets, row-major with <paramref name="columns"/> per row.</summary>
    internal static long CountCorrect(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, int columns)
    {
        long correct = 0;
        if (columns == 1)
        {
            for (int i = 0; i < outputs.Length; i++)
            {
                if ((outputs[i] >= 0.5f) == (targets[i] >= 0.5f)) correct++;
            }
            return correct;
        }
        for (int r = 0; r < outputs.Length; r += columns)
        {
            if (ArgMax(outputs.Slice(r, columns)) == ArgMax(targets.Slice(r, columns))) correct++;
        }
        return correct;
    }

    /// <summary>The index of the largest value (the first on ties); the one argmax for network outputs and class probabilities.</summary>
    internal static int ArgMax<T>(ReadOnlySpan<T> row) where T : System.Numerics.INumber<T>
    {
        int best = 0;
        for (int j = 1; j < row.Length; j++)
        {
            if (row[j] > row[best]) best = j;
        }
        return best;
    }
}
