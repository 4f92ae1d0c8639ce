namespace Rosenblatt.Linear;

/// <summary>Puts a perceptron's training outcome into words a learner can act on.</summary>
internal static class PerceptronVerdict
{
    internal static string Describe(bool converged, IReadOnlyList<int> mistakesPerEpoch, int updates, PerceptronOptions options,
        IReadOnlyList<SeparabilityResult> separability)
    {
        int epochs = mistakesPerEpoch.Count;
        string epochText = $"{epochs} epoch{(epochs == 1 ? "" : "s")}";
        bool oneVsRest = separability.Count > 1;
        long? bound = separability.Count > 0 && separability.All(r => r.Bound is not null) ? separability.Sum(r => r.Bound!.MaxUpdates) : null;
        string formula = options.Initialization == WeightInitialization.Zeros ? "(R/γ)²" : "(R/γ)² + 2‖v₀‖/(lr·γ)";
        string boundText = bound is null ? "" :
            $" The perceptron convergence theorem allows at most {formula} = {bound:N0} updates on this data" +
            $"{(oneVsRest ? " (summed over the one-vs-rest units)" : "")}; this run made {updates:N0}.";
        if (converged)
            return $"Converged after {epochText} ({updates} update{(updates == 1 ? "" : "s")}): " +
                   "the last epoch made no mistakes, so every training sample is on the right side of the line." + boundText;

        string stillWrong = $"Did not converge in {epochText}: the last epoch still made {mistakesPerEpoch[^1]} mistake(s).";
        if (separability.Count == 0)
            return $"{stillWrong} Separability was not analysed (AnalyzeSeparability is off), so this report cannot say whether more epochs " +
                   "would help or the data is not linearly separable (add a hidden layer). help: turn AnalyzeSeparability on for small data.";
        var wall = separability.FirstOrDefault(r => r.Verdict == SeparabilityVerdict.NotSeparable);
        if (wall is not null)
            return $"{stillWrong} No number of epochs will help: the data{(oneVsRest ? $" ({wall.PositiveClass} vs rest)" : "")} is not linearly separable. " +
                   $"{wall.Explanation} Add a hidden layer (a multilayer perceptron such as MlpClassifier) to learn a boundary that bends.";
        if (bound is not null)
            return $"{stillWrong} The data is linearly separable, so more epochs will get there: raise MaxEpochs (now {options.MaxEpochs})." + boundText;
        var undecided = separability.First(r => r.Verdict == SeparabilityVerdict.Undecided);
        return $"{stillWrong} Either the data is not linearly separable, and no number of epochs will help (add a hidden layer), " +
               $"or it needs more than {options.MaxEpochs} epochs (raise MaxEpochs). {undecided.Explanation}";
    }
}
