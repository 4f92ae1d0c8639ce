using Rosenblatt.Cli.Conventions;
using Rosenblatt.Training;

namespace Rosenblatt.Cli.Modeling;

/// <summary>Warnings about a run that finished but whose model is likely useless: an exploded loss, or accuracy no better
/// than always answering the most common class.</summary>
/// <remarks>
/// A NaN loss stops training with advice, but a loss that shoots up to 1e3 or 1e8 and comes back down does not: the
/// network often ends up answering one class for every row. The run then "succeeds", so the figures that reveal it are
/// named here. An exploded loss is one above ten times what a uniform guess scores (ln K for K classes, ln 2 for two):
/// no model that learns anything gets there. The majority baseline is the share of the most common class in the rows
/// scored: a classifier at or below it has learnt nothing a constant answer does not know.
/// </remarks>
internal static class TrainingAdvice
{
    /// <summary>The warning for an exploded loss, or null.</summary>
    /// <param name="history">The run's history (null for the perceptron, which has no loss).</param>
    /// <param name="classes">The number of classes.</param>
    /// <param name="learningRate">The learning rate used, for the suggested lower one.</param>
    public static string? Explosion(TrainingHistory? history, int classes, double learningRate)
    {
        if (history is null || history.Epochs.Count == 0)
            return null;
        double uniform = Math.Log(Math.Max(classes, 2));
        var peak = history.Epochs.MaxBy(e => e.Loss)!;
        if (!(peak.Loss > 10 * uniform))
            return null;
        return $"warning: the loss exploded to {CliFormat.Significant(peak.Loss, 4)} in epoch {peak.Epoch} (a uniform guess scores {CliFormat.Significant(uniform, 3)}): the steps overshoot. " +
            $"help: lower --lr (it is {CliFormat.Number(learningRate)}; try {CliFormat.Number(learningRate / 10)}) and keep the features scaled (--scale standard).";
    }

    /// <summary>The warning for an accuracy no better than the most common class's share, or null.</summary>
    /// <param name="labels">The true class of each row scored.</param>
    /// <param name="accuracy">The model's accuracy on those rows.</param>
    /// <param name="classNames">The class names.</param>
    /// <param name="rows">Which rows these are, e.g. "test rows".</param>
    public static string? Majority(int[] labels, double accuracy, IReadOnlyList<string> classNames, string rows)
    {
        if (labels.Length == 0 || classNames.Count < 2)
            return null;
        var counts = new int[classNames.Count];
        foreach (int l in labels)
            counts[l]++;
        int most = Array.IndexOf(counts, counts.Max());
        double share = (double)counts[most] / labels.Length;
        if (counts.Count(c => c > 0) < 2 || accuracy > share + 1e-12)
            return null;
        return $"warning: accuracy {CliFormat.Percent(accuracy)} is no better than always answering '{classNames[most]}' ({CliFormat.Percent(share)} of the {rows}). " +
            "help: the model has learnt nothing useful; check the learning rate and the scaling, train longer, or try another --model.";
    }

    /// <summary>The warnings that apply, in the order they should be read.</summary>
    /// <param name="warnings">Candidates, null where none applies.</param>
    public static string[] Of(params string?[] warnings) => [.. warnings.OfType<string>()];
}
