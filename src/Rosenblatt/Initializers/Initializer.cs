using Rosenblatt.Randomness;

namespace Rosenblatt.Initializers;

/// <summary>Chooses a layer's starting weights.</summary>
/// <remarks>
/// Starting weights must differ (random), or every hidden unit computes the same thing and learns the
/// same thing: symmetry is never broken. Their scale matters too: too large saturates sigmoids, too
/// small makes signals fade layer by layer. Xavier and He pick the scale from the layer's fan-in and
/// fan-out so the signal's variance stays about constant through depth.
/// </remarks>
public abstract class Initializer
{
    /// <summary>The name used in CLI flags and model files.</summary>
    public abstract string Name { get; }

    /// <summary>Fills <paramref name="weights"/> (fanIn × fanOut, row-major) from <paramref name="random"/>.</summary>
    /// <param name="weights">The destination.</param>
    /// <param name="fanIn">Inputs per unit.</param>
    /// <param name="fanOut">Units in the layer.</param>
    /// <param name="random">The seeded source; the same seed gives the same weights.</param>
    public abstract void Initialize(Span<float> weights, int fanIn, int fanOut, SeededRandom random);

    /// <inheritdoc />
    public override string ToString() => Name;
}
