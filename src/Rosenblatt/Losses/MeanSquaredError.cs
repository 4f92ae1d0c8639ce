using Rosenblatt.Activations;

namespace Rosenblatt.Losses;

/// <summary>Mean squared error <c>L = mean((a − y)²)</c> over every output of every sample: the regression loss, and seed 002's.</summary>
/// <remarks>
/// <para>Gradient: <c>dL/da = 2(a − y)/N</c> with N the number of values, then through the output
/// activation: <c>dL/dz = dL/da · f'(z)</c>.</para>
/// <para>Seed 002 reports <c>np.mean((a2 − y)²)</c> but back-propagates <c>(a2 − y)·σ'(z2)/4</c>, which is the
/// gradient of half that loss. So its learning rate 1.0 equals learning rate 0.5 here: the replay uses
/// lr 0.5 with this loss and reports the same loss values the script prints.</para>
/// </remarks>
public sealed class MeanSquaredError : Loss
{
    /// <summary>The shared instance.</summary>
    public static MeanSquaredError Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "mse";

    /// <inheritdoc />
    public override double Compute(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, int columns)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = (double)a[i] - y[i];
            sum += d * d;
        }
        return sum / a.Length;
    }

    /// <inheritdoc />
    public override void OutputGradient(Activation output, ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradZ, int columns)
    {
        float scale = 2f / a.Length;
        for (int i = 0; i < a.Length; i++)
            gradZ[i] = scale * (a[i] - y[i]);
        output.Backward(z, a, gradZ, gradZ, columns);
    }
}
