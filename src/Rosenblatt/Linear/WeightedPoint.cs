namespace Rosenblatt.Linear;

/// <summary>One training point and its weight in a convex combination of an <see cref="OverlapCertificate"/>.</summary>
/// <param name="Row">The point's 0-based row in the data.</param>
/// <param name="Point">The point's feature values.</param>
/// <param name="Weight">Its weight λ ≥ 0 (the weights of one class sum to 1), rounded to a double for display.</param>
/// <param name="ExactWeight">The exact weight as a fraction, e.g. <c>1/2</c>.</param>
public sealed record WeightedPoint(int Row, IReadOnlyList<double> Point, double Weight, string ExactWeight);
