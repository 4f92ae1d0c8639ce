using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>Glorot and Bengio (2010): uniform in ±√(6/(fanIn + fanOut)), variance 2/(fanIn + fanOut).</summary>
/// <remarks>Keeps activation and gradient variance balanced for tanh and sigmoid layers.</remarks>
public sealed class XavierInitializer : Initializer
{
    /// <inheritdoc />
    public override string Name => "xavier";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random)
    {
        double limit = Math.Sqrt(6.0 / (fanIn + fanOut));
        for (int i = 0; i < weights.Length; i++)
            weights[i] = (float)random.NextDouble(-limit, limit);
    }
}
