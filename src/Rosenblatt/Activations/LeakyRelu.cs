using Rosenblatt.Diagnostics;

namespace Rosenblatt.Activations;

/// <summary>ReLU with a small slope for negative z: <c>z</c> if z &gt; 0, else <c>slope·z</c>.</summary>
/// <remarks>The slope keeps a gradient flowing for negative inputs, so units cannot die. Derivative 1 or <see cref="Slope"/>.</remarks>
public sealed class LeakyRelu : Activation
{
    /// <summary>Creates a leaky ReLU.</summary>
    /// <param name="slope">The slope for z ≤ 0, in [0, 1); 0.01 by default.</param>
    /// <exception cref="ArgumentOutOfRangeException">The slope is outside [0, 1).</exception>
    public LeakyRelu(double slope = 0.01)
    {
        Guard.InRange(slope, 0, 0.999999, nameof(slope), "use a small slope such as 0.01; 1 would make the layer linear.");
        Slope = slope;
    }

    /// <summary>The slope for negative inputs.</summary>
    public double Slope { get; }

    /// <inheritdoc />
    public override string Name => "leaky_relu";

    /// <inheritdoc />
    public override double Apply(double z) => z > 0 ? z : Slope * z;

    /// <inheritdoc />
    public override double Derivative(double z) => z > 0 ? 1.0 : Slope;

    /// <inheritdoc />
    protected override void ForwardCore(ReadOnlySpan<float> z, Span<float> a, int columns)
    {
        float slope = (float)Slope;
        for (int i = 0; i < z.Length; i++)
            a[i] = z[i] > 0f ? z[i] : slope * z[i];
    }

    /// <inheritdoc />
    protected override void BackwardCore(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> gradA, Span<float> gradZ, int columns)
    {
        float slope = (float)Slope;
        for (int i = 0; i < z.Length; i++)
            gradZ[i] = z[i] > 0f ? gradA[i] : slope * gradA[i];
    }
}
