using System.Numerics.Tensors;
using Rosenblatt.Numerics;

namespace Rosenblatt.Activations;

/// <summary>The rectified linear unit <c>max(0, z)</c>: the default hidden activation of modern networks.</summary>
/// <remarks>
/// Derivative 1 for z &gt; 0 and 0 otherwise (we take 0 at exactly 0, as PyTorch does). It does not
/// saturate for positive z, so gradients survive depth; a unit whose z stays negative stops learning
/// ("dies"), which <see cref="LeakyRelu"/> avoids.
/// </remarks>
public sealed class Relu : Activation
{
    /// <summary>The shared instance.</summary>
    public static Relu Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "relu";

    /// <inheritdoc />
    public override double Apply(double z) => z > 0 ? z : 0.0;

    /// <inheritdoc />
    public override double Derivative(double z) => z > 0 ? 1.0 : 0.0;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns) => TensorPrimitives.Max(z, 0f, a);

    /// <inheritdoc />
    protected override void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns) => ActivationKernels.ReluBackward(gradA, z, gradZ);
}
