using System.Globalization;

namespace Rosenblatt.Training;

/// <summary>Short printed forms shared by the models' and the history's <c>ToString</c>.</summary>
internal static class HistoryFormat
{
    /// <summary>A list as <c>[a, b, c]</c>, or its first and last three around <c>…</c> when longer than eight.</summary>
    public static string List<T>(IReadOnlyList<T> values, Func<T, string> format)
    {
        if (values.Count <= 8)
            return "[" + string.Join(", ", values.Select(format)) + "]";
        return "[" + string.Join(", ", values.Take(3).Select(format)) + ", …, " + string.Join(", ", values.Skip(values.Count - 3).Select(format)) + $"] ({values.Count} in all)";
    }

    /// <summary>A number with 4 significant digits, invariant culture.</summary>
    public static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>How a run ended, e.g. <c>30 epochs, final loss 0.0597</c> or <c>12 of 100 epochs (stopped early), weights from epoch 9</c>.</summary>
    public static string Ending(TrainingHistory history)
    {
        if (history.Epochs.Count == 0)
            return "no epochs";
        var last = history.Last;
        string epochs = last.Epoch == last.TotalEpochs ? $"{last.Epoch} epochs" : $"{last.Epoch} of {last.TotalEpochs} epochs";
        string how = history.Cancelled ? " (interrupted)" : history.StoppedEarly ? " (stopped early)" : "";
        string weights = history.RestoredBestWeights ? $", weights from epoch {history.BestEpoch}" : "";
        return $"{epochs}{how}, final loss {Number(last.Loss)}{weights}";
    }
}
