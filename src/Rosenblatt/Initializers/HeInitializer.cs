using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>He et al. (2015): Gaussian with σ = √(2/fanIn).</summary>
/// <remarks>ReLU zeroes half its inputs, halving the variance; the factor 2 restores it, so deep ReLU nets start well.</remarks>
public sealed class HeInitializer : Initializer
{
    /// <inheritdoc />
    public override string Name => "he";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random)
    {
        double sigma = Math.Sqrt(2.0 / fanIn);
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (float)(random.NextGaussian() * sigma);
    }
}
