namespace Rosenblatt.MarkOne;

/// <summary>What happened while the Mark I trained: mistakes and corrections per pass, and whether a pass came out error-free.</summary>
public sealed record MarkOneReport
{
    /// <summary>Whether a pass made no R-unit correction (every R-unit gave its codeword's sign for every image), so training stopped.</summary>
    public required bool Converged { get; init; }

    /// <summary>The passes over the training images actually made.</summary>
    public required int EpochsRun { get; init; }

    /// <summary>Per pass, the images whose decoded class was wrong when shown (before their correction).</summary>
    public required IReadOnlyList<int> MistakesPerEpoch { get; init; }

    /// <summary>Per pass, the R-unit corrections made (one per R-unit per image it answered wrongly).</summary>
    public required IReadOnlyList<int> CorrectionsPerEpoch { get; init; }

    /// <summary>Per trained R-unit, its corrections over the whole run: the count the convergence theorem bounds by (R/γ)².</summary>
    public required IReadOnlyList<int> CorrectionsPerUnit { get; init; }

    /// <summary>The share of training images classified right by the final weights (a clean pass after training).</summary>
    public required double TrainingAccuracy { get; init; }

    /// <summary>The mean number of A-units that fired per training image.</summary>
    public required double MeanActiveUnits { get; init; }

    /// <summary>Whether training was stopped by cancellation before its last pass.</summary>
    public bool Cancelled { get; init; }

    /// <summary>One paragraph in words: passes, mistakes, convergence, corrections, training accuracy and the coding's name.</summary>
    public required string Summary { get; init; }
}
