namespace Rosenblatt.Activations;

/// <summary>No activation: <c>a = z</c>. The output of a regression network, paired with mean squared error.</summary>
public sealed class Identity : Activation
{
    /// <summary>The shared instance.</summary>
    public static Identity Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "identity";

    /// <inheritdoc />
    public override double Apply(double z) => z;

    /// <inheritdoc />
    public override double Derivative(double z) => 1.0;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns) => z.CopyTo(a);

    /// <inheritdoc />
    protected override void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns) => gradA.CopyTo(gradZ);
}
