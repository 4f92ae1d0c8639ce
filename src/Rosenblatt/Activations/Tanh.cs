using System.Numerics.Tensors;

namespace Rosenblatt.Activations;

/// <summary>The hyperbolic tangent: a sigmoid rescaled to (−1, 1) and centred on 0.</summary>
/// <remarks>Derivative <c>1 − tanh²(z)</c>. Zero-centred outputs make the next layer's gradients better balanced than the sigmoid's.</remarks>
public sealed class Tanh : Activation
{
    /// <summary>The shared instance.</summary>
    public static Tanh Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "tanh";

    /// <inheritdoc />
    public override double Apply(double z) => Math.Tanh(z);

    /// <inheritdoc />
    public override double Derivative(double z)
    {
        double t = Math.Tanh(z);
        return 1.0 - t * t;
    }

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns) => TensorPrimitives.Tanh(z, a);

    /// <inheritdoc />
    protected override void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns)
    {
        for (int i = 0; i < a.Length; i++)
            gradZ[i] = gradA[i] * (1f - a[i] * a[i]);
    }
}
