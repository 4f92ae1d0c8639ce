namespace Rosenblatt.Linear;

/// <summary>The proof that two classes are not linearly separable: a convex combination of each class, meeting in one point.</summary>
/// <remarks>
/// If a hyperplane <c>w·x + b = 0</c> had every point of one class on its positive side, every weighted
/// average of those points (weights ≥ 0 summing to 1) would be there too, because <c>w·x + b</c> of an
/// average is the average of the <c>w·x + b</c> values. The same holds for the other class on the negative
/// side. A point that is an average of each class would have to be on both sides at once, so no such
/// hyperplane exists. For XOR: (0.5, 0.5) is the average of (0, 0) and (1, 1) and also of (0, 1) and (1, 0).
/// The weights are exact rationals, checked exactly before the certificate is returned.
/// </remarks>
public sealed record OverlapCertificate
{
    /// <summary>The points of the positive class with their weights (summing to 1).</summary>
    public required IReadOnlyList<WeightedPoint> Positive { get; init; }

    /// <summary>The points of the negative class with their weights (summing to 1).</summary>
    public required IReadOnlyList<WeightedPoint> Negative { get; init; }

    /// <summary>The point both combinations equal, rounded to doubles for display.</summary>
    public required IReadOnlyList<double> CommonPoint { get; init; }

    /// <summary>The common point's coordinates as exact fractions.</summary>
    public required IReadOnlyList<string> ExactCommonPoint { get; init; }
}
