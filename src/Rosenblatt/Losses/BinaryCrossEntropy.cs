using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Losses;

/// <summary>Sigmoid + binary cross-entropy, fused: <c>L = −mean(y·log σ(z) + (1 − y)·log(1 − σ(z)))</c>.</summary>
/// <remarks>
/// <para>Computed from the logits z as <c>max(z, 0) − z·y + log(1 + e^(−|z|))</c>, which is exact where
/// <c>log σ(z)</c> would give −∞ (σ(z) rounding to 0 for z below about −17 in float32).</para>
/// <para>The sigmoid's derivative σ(1 − σ) cancels the loss's 1/(σ(1 − σ)), leaving <c>dL/dz = (σ(z) − y)/N</c>:
/// the error itself, as in the perceptron rule. That is why this pair is one type: the output
/// activation must be sigmoid.</para>
/// </remarks>
public sealed class BinaryCrossEntropy : Loss
{
    /// <summary>The shared instance.</summary>
    public static BinaryCrossEntropy Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "binary_crossentropy";

    /// <inheritdoc />
    public override void CheckCompatible(Activation output, int units)
    {
        if (output is not Sigmoid)
            throw Guard.Error("loss",
                $"binary cross-entropy needs a sigmoid output layer, but the output activation is {output.Name}.",
                "use activation sigmoid on the last layer, or the mse loss for other outputs.");
    }

    /// <inheritdoc />
    public override double Compute(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, int columns)
    {
        double sum = 0;
        for (int i = 0; i < z.Length; i++)
        {
            double zi = z[i];
            sum += Math.Max(zi, 0) - zi * y[i] + Math.Log(1 + Math.Exp(-Math.Abs(zi)));
        }
        return sum / z.Length;
    }

    /// <inheritdoc />
    public override void OutputGradient(Activation output, ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradZ, int columns)
    {
        float scale = 1f / a.Length;
        for (int i = 0; i < a.Length; i++)
            gradZ[i] = scale * (a[i] - y[i]);
    }
}
