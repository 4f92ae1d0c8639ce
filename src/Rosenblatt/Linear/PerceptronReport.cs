namespace Rosenblatt.Linear;

/// <summary>What happened while a perceptron trained: whether it converged, how fast, and why not if it did not.</summary>
/// <remarks>
/// A learner's question after training is rarely "what are the weights" and usually "did it work, and
/// if not, why". The report answers in numbers (mistakes per epoch, updates) and in words
/// (<see cref="Summary"/>).
/// </remarks>
public sealed record PerceptronReport
{
    /// <summary>True when an epoch ended with zero mistakes: the rule found a separating line for every unit.</summary>
    public required bool Converged { get; init; }

    /// <summary>The number of epochs run; training stops after the first epoch with zero mistakes.</summary>
    public required int EpochsRun { get; init; }

    /// <summary>Mistakes (updates) made in each epoch, summed over one-vs-rest units.</summary>
    public required IReadOnlyList<int> MistakesPerEpoch { get; init; }

    /// <summary>The total number of weight updates (one per mistake).</summary>
    public required int Updates { get; init; }

    /// <summary>The fraction of training samples the final weights classify correctly.</summary>
    public required double TrainingAccuracy { get; init; }

    /// <summary>A binary perceptron's weights and bias at the end of each epoch (the rule's path through weight space), for the first
    /// <see cref="Perceptron{TLabel}.MaxPathEpochs"/> epochs at most; empty for one-vs-rest.</summary>
    public required IReadOnlyList<WeightSnapshot> WeightsAfterEachEpoch { get; init; }

    /// <summary>Each unit's separability check (one for a binary perceptron, one per class for one-vs-rest): the hyperplane or the proof that none exists, and the convergence bound for this run's start.</summary>
    public IReadOnlyList<SeparabilityResult> Separability { get; init; } = [];

    /// <summary>The convergence theorem's bound on <see cref="Updates"/> for this run (summed over units), when every unit's data is separable; otherwise null.</summary>
    /// <remarks>From zero weights it is <c>(R/γ)²</c> per unit for any learning rate; from random weights <c>(R/γ)² + 2‖v₀‖/(lr·γ)</c>. See <see cref="ConvergenceBound"/>.</remarks>
    public long? UpdateBound { get; init; }

    /// <summary>The plain-English verdict: converged, or not and why, with advice.</summary>
    public required string Summary { get; init; }
}
