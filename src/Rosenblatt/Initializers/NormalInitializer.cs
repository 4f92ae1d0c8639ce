using Rosenblatt.Diagnostics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>Gaussian values with mean 0 and standard deviation σ.</summary>
public sealed class NormalInitializer : Initializer
{
    /// <summary>Creates the initializer.</summary>
    /// <param name="standardDeviation">σ &gt; 0.</param>
    public NormalInitializer(double standardDeviation = 0.05)
    {
        Guard.Positive(standardDeviation, nameof(standardDeviation), "use a small value such as 0.05, or Xavier/He to choose it for you.");
        StandardDeviation = standardDeviation;
    }

    /// <summary>σ.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public override string Name => "normal";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random)
    {
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (float)(random.NextGaussian() * StandardDeviation);
    }
}
