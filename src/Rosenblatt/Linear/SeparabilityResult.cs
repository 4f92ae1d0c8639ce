namespace Rosenblatt.Linear;

/// <summary>Whether two classes can be split by a hyperplane, with the evidence: the hyperplane, or the proof that none exists.</summary>
/// <remarks>
/// Built by <see cref="LinearSeparability"/>. When <see cref="Exact"/> is true the verdict was proved in
/// exact rational arithmetic (no tolerance); a <see cref="SeparabilityVerdict.Separable"/> verdict on data
/// too large for the exact check is still a proof (the hyperplane was checked with outward-rounded error
/// bounds), but <see cref="SeparabilityVerdict.Undecided"/> means only that no separator was found.
/// </remarks>
public sealed record SeparabilityResult
{
    /// <summary>Separable, not separable, or undecided.</summary>
    public required SeparabilityVerdict Verdict { get; init; }

    /// <summary>True when the exact (rational linear-programming) check decided the verdict.</summary>
    public required bool Exact { get; init; }

    /// <summary>The positive class (the side <c>w·x + b &gt; 0</c>), as text.</summary>
    public required string PositiveClass { get; init; }

    /// <summary>The negative class, as text.</summary>
    public required string NegativeClass { get; init; }

    /// <summary>A separating hyperplane when <see cref="Verdict"/> is <see cref="SeparabilityVerdict.Separable"/>; otherwise null.</summary>
    public SeparatingHyperplane? Hyperplane { get; init; }

    /// <summary>The proof of non-separability when <see cref="Verdict"/> is <see cref="SeparabilityVerdict.NotSeparable"/>; otherwise null.</summary>
    public OverlapCertificate? Certificate { get; init; }

    /// <summary>The perceptron convergence theorem's bound on updates when separable; otherwise null.</summary>
    /// <remarks>For zero initial weights from <see cref="LinearSeparability"/>; in <see cref="PerceptronReport.Separability"/>, for that run's own start and learning rate.</remarks>
    public ConvergenceBound? Bound { get; init; }

    /// <summary>The verdict and its evidence in plain English.</summary>
    public required string Explanation { get; init; }
}
