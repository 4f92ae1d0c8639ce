using Rosenblatt.Diagnostics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>Uniform values in [low, high).</summary>
public sealed class UniformInitializer : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="low">Lower end.</param>
    /// <param name="high">Upper end, greater than <paramref name="low"/>.</param>
    public UniformInitializer(double low = -0.05, double high = 0.05)
    {
        if (!(double.IsFinite(low) && double.IsFinite(high) && low < high))
            throw Guard.Error(nameof(high), $"the range [{Guard.Format(low)}, {Guard.Format(high)}) is empty or not finite.", "pass finite low < high, e.g. -0.05 and 0.05.");
        Low = low;
        High = high;
    }

    /// <summary>Lower end.</summary>
    public double Low { get; }

    /// <summary>Upper end.</summary>
    public double High { get; }

    /// <inheritdoc />
    public override string Name => "uniform";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random)
    {
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (float)random.NextDouble(Low, High);
    }
}
