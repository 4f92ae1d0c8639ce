using System.Globalization;
using Rosenblatt.Data.Synthetic;
using Rosenblatt.Diagnostics;
using Rosenblatt.Randomness;

namespace Rosenblatt.Data;

/// <summary>Seeded 2-D toy sets: the TensorFlow Playground's four (circle, xor, gaussian, spiral), two moons and blobs.</summary>
/// <remarks>
/// <para>Each set has two features <c>x1</c>, <c>x2</c> and integer classes. The Playground sets label its
/// positive class 1 and its negative class 0 (the Playground writes them +1 and −1), and follow its
/// <c>dataset.ts</c> definitions; <c>noise</c> means what the Playground's slider means (0 to 0.5 there;
/// up to 1 accepted here). For <see cref="TwoMoons"/> and <see cref="Blobs"/> <c>noise</c> is the standard
/// deviation of the Gaussian jitter, as in scikit-learn's <c>make_moons</c> and <c>make_blobs</c>.</para>
/// <para>Everything is drawn from one <see cref="SeededRandom"/> created from <c>seed</c>, so the same
/// arguments give the same points on every machine; the rows are shuffled (by the same generator) so
/// classes are interleaved.</para>
/// </remarks>
/// <example>
/// <code>
/// Dataset spiral = SyntheticDatasets.Spiral(size: 400, noise: 0.1, seed: 7);
/// Dataset any = SyntheticDatasets.Generate("moons", size: 200, noise: null, seed: 1); // null: the set's default noise
/// </code>
/// </example>
public static class SyntheticDatasets
{
    /// <summary>The largest size accepted: enough for any plot or exercise, small enough to never exhaust memory.</summary>
    public const int MaxSize = 10_000_000;

    /// <summary>The names <see cref="Generate"/> accepts: circle, xor, gaussian, spiral, moons, blobs.</summary>
    public static IReadOnlyList<string> Names { get; } = ["circle", "xor", "gaussian", "spiral", "moons", "blobs"];

    private static readonly string[] Binary = ["0", "1"];

    /// <summary>The Playground's circle: class 1 in a disc of radius 2.5, class 0 in a ring 3.5–5 around it.</summary>
    /// <param name="size">Number of points, at least 2; class 1 gets the odd one.</param>
    /// <param name="noise">0 to 1: jitters where each label is decided, so points near the gap may carry the other class.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset Circle(int size = 200, double noise = 0, long seed = 0)
    {
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        return CircleGenerator.Generate(size, noise, random).Build("circle", Binary, random);
    }

    /// <summary>The Playground's exclusive or: class 1 in the quadrants where x1·x2 ≥ 0, class 0 in the others.</summary>
    /// <param name="size">Number of points, at least 2.</param>
    /// <param name="noise">0 to 1: jitters where each label is decided, mislabelling points near the axes.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset Xor(int size = 200, double noise = 0, long seed = 0)
    {
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        return XorGenerator.Generate(size, noise, random).Build("xor", Binary, random);
    }

    /// <summary>The Playground's Gaussian: class 1 around (2, 2), class 0 around (−2, −2), variance 0.5 + 7·noise.</summary>
    /// <param name="size">Number of points, at least 2; class 1 gets the odd one.</param>
    /// <param name="noise">0 to 1: widens both clouds until they overlap.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset Gaussian(int size = 200, double noise = 0, long seed = 0)
    {
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        return GaussianGenerator.Generate(size, noise, random).Build("gaussian", Binary, random);
    }

    /// <summary>The Playground's spiral: two arms winding 1.75 turns out to radius 5, class 1 and class 0 half a turn apart.</summary>
    /// <param name="size">Number of points, at least 2; class 1 gets the odd one.</param>
    /// <param name="noise">0 to 1: adds U(−noise, noise) to each coordinate.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset Spiral(int size = 200, double noise = 0, long seed = 0)
    {
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        return SpiralGenerator.Generate(size, noise, random).Build("spiral", Binary, random);
    }

    /// <summary>A spiral of several arms, one class per arm: the many-class version of <see cref="Spiral(int, double, long)"/>.</summary>
    /// <remarks>Arm k (class k) starts at angle 2πk/arms and winds 1.75 turns out to radius 5, so three arms need a
    /// network that can draw three interleaved bands: the playground's test of softmax on more than two classes.</remarks>
    /// <param name="size">Number of points, at least <paramref name="arms"/>; the first arms get the remainder.</param>
    /// <param name="noise">0 to 1: adds U(−noise, noise) to each coordinate.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="arms">The number of arms (classes), 2 to 10.</param>
    /// <exception cref="ArgumentOutOfRangeException">size, noise or arms is out of range.</exception>
    public static Dataset Spiral(int size, double noise, long seed, int arms)
    {
        Guard.InRange(arms, 2, 10, nameof(arms), "a spiral has 2 to 10 arms; 3 is the playground's many-class spiral.");
        Guard.AtLeast(size, arms, nameof(size), $"give every one of the {arms} arms at least one point: size >= arms.");
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        var names = Enumerable.Range(0, arms).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        return SpiralGenerator.GenerateArms(size, noise, arms, random).Build($"spiral{arms}", names, random);
    }

    /// <summary>The Playground's regression plane: target (x1 + x2)/10 for points uniform in [−6, 6]².</summary>
    /// <remarks>The target is a linear function, so a network with no hidden layer fits it; noise shifts the point at which
    /// the target is read by up to ±6·noise per coordinate, so the fit can no longer be exact.</remarks>
    /// <param name="size">Number of points, at least 2.</param>
    /// <param name="noise">0 to 1.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset RegressionPlane(int size = 200, double noise = 0, long seed = 0)
    {
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        return RegressionGenerator.Plane(size, noise, random);
    }

    /// <summary>The Playground's multi-Gaussian regression: six bumps of alternating sign on a 3 × 2 grid, target in [−1, 1].</summary>
    /// <remarks>Bumps at x1 ∈ {−4, 0, 4}, x2 ∈ {2.5, −2.5}, signs alternating like a chessboard; each falls linearly from ±1
    /// at its centre to 0 at distance 2, and a point takes the bump of largest magnitude. Noise shifts where the target
    /// is read, as in <see cref="RegressionPlane"/>.</remarks>
    /// <param name="size">Number of points, at least 2.</param>
    /// <param name="noise">0 to 1.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset RegressionGaussians(int size = 200, double noise = 0, long seed = 0)
    {
        var random = Check(size, noise, PlaygroundMaxNoise, seed);
        return RegressionGenerator.Gaussians(size, noise, random);
    }

    /// <summary>Two interleaving half circles: class 0 the upper arc, class 1 the lower, shifted arc.</summary>
    /// <param name="size">Number of points, at least 2; class 1 gets the odd one.</param>
    /// <param name="noise">The standard deviation of Gaussian noise added to each coordinate, 0 to 10 (0.1 is typical).</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset TwoMoons(int size = 200, double noise = 0.1, long seed = 0)
    {
        var random = Check(size, noise, GaussianMaxNoise, seed);
        return MoonsGenerator.Generate(size, noise, random).Build("moons", Binary, random);
    }

    /// <summary>Gaussian clusters, one class per cluster, centres drawn uniformly from [−10, 10]².</summary>
    /// <param name="size">Number of points, at least <paramref name="centers"/>.</param>
    /// <param name="noise">The clusters' standard deviation per coordinate, 0 to 10 (scikit-learn's default is 1).</param>
    /// <param name="centers">The number of clusters (classes), 2 to 100.</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentOutOfRangeException">size, noise or centers is out of range.</exception>
    public static Dataset Blobs(int size = 200, double noise = 1, int centers = 3, long seed = 0)
    {
        Guard.AtLeast(centers, 2, nameof(centers), "a classification set needs at least 2 clusters; 3 is the usual choice.");
        Guard.AtMost(centers, 100, nameof(centers), "use at most 100 clusters; more than that cannot be told apart in 2-D.");
        Guard.AtLeast(size, centers, nameof(size), $"give every one of the {centers} clusters at least one point: size >= centers.");
        var random = Check(size, noise, GaussianMaxNoise, seed);
        var names = Enumerable.Range(0, centers).Select(k => k.ToString(CultureInfo.InvariantCulture)).ToArray();
        return BlobsGenerator.Generate(size, noise, centers, random).Build("blobs", names, random);
    }

    /// <summary>Generates a set by name, for the CLI and the playground.</summary>
    /// <param name="name">One of <see cref="Names"/> (case-insensitive; <c>two-moons</c> is accepted for <c>moons</c>).</param>
    /// <param name="size">Number of points.</param>
    /// <param name="noise">The noise, or null for the set's default (0 for the Playground sets, 0.1 for moons, 1 for blobs).</param>
    /// <param name="seed">The random seed.</param>
    /// <exception cref="ArgumentException">The name is not a synthetic set; the message lists the names.</exception>
    /// <exception cref="ArgumentOutOfRangeException">size or noise is out of range.</exception>
    public static Dataset Generate(string name, int size = 200, double? noise = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Normalize(name) switch
        {
            "circle" => Circle(size, noise ?? 0, seed),
            "xor" => Xor(size, noise ?? 0, seed),
            "gaussian" => Gaussian(size, noise ?? 0, seed),
            "spiral" => Spiral(size, noise ?? 0, seed),
            "moons" => TwoMoons(size, noise ?? 0.1, seed),
            "blobs" => Blobs(size, noise ?? 1, 3, seed),
            _ => throw new ArgumentException(
                $"there is no synthetic data set named '{name}'. help: use one of {string.Join(", ", Names)}.", nameof(name)),
        };
    }

    /// <summary>Whether <paramref name="name"/> names a synthetic set, as <see cref="Generate"/> takes it.</summary>
    /// <param name="name">A name to look up.</param>
    public static bool Contains(string? name) => Names.Contains(Normalize(name));

    private const double PlaygroundMaxNoise = 1;
    private const double GaussianMaxNoise = 10;

    private static string Normalize(string? name)
    {
        string n = (name ?? "").Trim().ToLowerInvariant();
        return n is "two-moons" or "twomoons" or "two_moons" ? "moons" : n;
    }

    private static SeededRandom Check(int size, double noise, double maxNoise, long seed)
    {
        Guard.AtLeast(size, 2, nameof(size), "generate at least 2 points, one per class; 200 is a good start.");
        Guard.AtMost(size, MaxSize, nameof(size), $"generate at most {MaxSize:N0} points.");
        Guard.InRange(noise, 0, maxNoise, nameof(noise),
            maxNoise == PlaygroundMaxNoise ? "the Playground's noise runs from 0 (clean) to 0.5 (very noisy)." : "noise is a standard deviation; 0.1 to 1 is typical.");
        return new SeededRandom(seed);
    }
}
