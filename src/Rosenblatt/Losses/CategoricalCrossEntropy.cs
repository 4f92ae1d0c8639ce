using Rosenblatt.Activations;
using Rosenblatt.Diagnostics;

namespace Rosenblatt.Losses;

/// <summary>Softmax + categorical cross-entropy, fused: <c>L = −mean over samples of Σⱼ yⱼ·log softmax(z)ⱼ</c>.</summary>
/// <remarks>
/// <para>Computed as <c>Σⱼ yⱼ·(logsumexp(z) − zⱼ)</c> with the row maximum subtracted inside the
/// log-sum-exp, so no exponential overflows and no probability underflows to log 0.</para>
/// <para>The softmax Jacobian and the log's derivative collapse to <c>dL/dz = (a − y)/n</c> with n the number
/// of samples: the output activation must be softmax, with one unit per class.</para>
/// </remarks>
public sealed class CategoricalCrossEntropy : Loss
{
    /// <summary>The shared instance.</summary>
    public static CategoricalCrossEntropy Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "categorical_crossentropy";

    /// <inheritdoc />
    public override void CheckCompatible(Activation output, int units)
    {
        if (output is not Softmax)
            throw Guard.Error("loss",
                $"categorical cross-entropy needs a softmax output layer, but the output activation is {output.Name}.",
                "use activation softmax on the last layer (one unit per class); for two classes sigmoid + binary_crossentropy also works.");
        if (units < 2)
            throw Guard.Error("loss",
                $"categorical cross-entropy needs one output unit per class, at least 2 (received {units}).",
                "give the last layer as many units as there are classes, or use sigmoid + binary_crossentropy with 1 unit.");
    }

    /// <inheritdoc />
    public override double Compute(ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, int columns)
    {
        double total = 0;
        int rows = z.Length / columns;
        for (int r = 0; r < rows; r++)
        {
            var zr = z.Slice(r * columns, columns);
            var yr = y.Slice(r * columns, columns);
            double max = double.NegativeInfinity;
            foreach (float v in zr) max = Math.Max(max, v);
            double sumExp = 0;
            foreach (float v in zr) sumExp += Math.Exp(v - max);
            double logSumExp = max + Math.Log(sumExp);
            for (int j = 0; j < columns; j++)
            {
                if (yr[j] != 0)
                    total += yr[j] * (logSumExp - zr[j]);
            }
        }
        return total / rows;
    }

    /// <inheritdoc />
    public override void OutputGradient(Activation output, ReadOnlySpan<float> z, ReadOnlySpan<float> a, ReadOnlySpan<float> y, Span<float> gradZ, int columns)
    {
        float scale = (float)columns / a.Length;
        for (int i = 0; i < a.Length; i++)
            gradZ[i] = scale * (a[i] - y[i]);
    }
}
