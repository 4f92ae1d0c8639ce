namespace Rosenblatt.Linear;

/// <summary>Puts a perceptron's training outcome into words a learner can act on.</summary>
internal static class PerceptronVerdict
{
    internal static string Describe(bool converged, IReadOnlyList<int> mistakesPerEpoch, int updates, PerceptronOptions options)
    {
        int epochs = mistakesPerEpoch.Count;
        if (converged)
            return $"Converged after {epochs} epoch{(epochs == 1 ? "" : "s")} ({updates} update{(updates == 1 ? "" : "s")}): " +
                   "the last epoch made no mistakes, so every training sample is on the right side of the line.";
        return $"Did not converge in {epochs} epoch{(epochs == 1 ? "" : "s")}: the last epoch still made {mistakesPerEpoch[^1]} mistake(s). " +
               "Either the data is not linearly separable, and no number of epochs will help (add a hidden layer), " +
               $"or it needs more than {options.MaxEpochs} epochs (raise MaxEpochs).";
    }
}
