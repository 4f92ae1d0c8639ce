namespace Rosenblatt.Linear;

/// <summary>A linear unit's weights and bias at one moment, e.g. the end of an epoch.</summary>
/// <param name="Weights">w, one per feature.</param>
/// <param name="Bias">b.</param>
public sealed record WeightSnapshot(double[] Weights, double Bias);
