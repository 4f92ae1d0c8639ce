using System.Numerics.Tensors;

namespace Rosenblatt.Activations;

/// <summary>The logistic sigmoid <c>σ(z) = 1 / (1 + e^(−z))</c>: a smooth step with outputs in (0, 1).</summary>
/// <remarks>
/// Its derivative is <c>σ(z)·(1 − σ(z))</c>, largest (0.25) at z = 0 and vanishing for large |z|, which
/// is why deep sigmoid networks learn slowly. It is evaluated without overflow for any z: for negative
/// z the form <c>e^z / (1 + e^z)</c> is used. Paired with binary cross-entropy the two derivatives
/// cancel into <c>a − y</c> (see <c>BinaryCrossEntropy</c>).
/// </remarks>
public sealed class Sigmoid : Activation
{
    /// <summary>The shared instance; the sigmoid has no parameters.</summary>
    public static Sigmoid Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "sigmoid";

    /// <inheritdoc />
    public override double Apply(double z)
    {
        if (z >= 0)
            return 1.0 / (1.0 + Math.Exp(-z));
        double e = Math.Exp(z);
        return e / (1.0 + e);
    }

    /// <inheritdoc />
    public override double Derivative(double z)
    {
        double s = Apply(z);
        return s * (1.0 - s);
    }

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns) => TensorPrimitives.Sigmoid(z, a);

    /// <inheritdoc />
    protected override void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns)
    {
        for (int i = 0; i < a.Length; i++)
            gradZ[i] = gradA[i] * (a[i] * (1f - a[i]));
    }
}
