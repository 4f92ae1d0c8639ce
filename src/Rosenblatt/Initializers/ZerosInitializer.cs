using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>All zeros: right for biases and for the perceptron, wrong for hidden layers (no symmetry breaking).</summary>
public sealed class ZerosInitializer : Initializer
{
    /// <inheritdoc />
    public override string Name => "zeros";

    /// <inheritdoc />
    public override void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random) => weights.Clear();
}
