using Rosenblatt.Diagnostics;

namespace Rosenblatt.Randomness;

/// <summary>NumPy's legacy global generator (<c>np.random.seed</c>, <c>rand</c>, <c>randn</c>, ...), reproduced bit for bit.</summary>
/// <remarks>
/// <para>
/// Tutorials print numbers drawn after <c>np.random.seed(42)</c>; this class draws the same doubles in
/// the same order, so a learner can replay a NumPy script in C# and compare every printed value. It is
/// MT19937 seeded by <c>init_genrand</c> (what <c>RandomState</c> does for an integer seed), with
/// NumPy's legacy samplers on top: 53-bit doubles from two 32-bit draws, the polar Box–Muller normal
/// that keeps its second value for the next call, masked rejection for integers, and a Fisher–Yates
/// shuffle from the last index down.
/// </para>
/// <para>
/// Each method names the NumPy call it mirrors. Arrays fill in C (row-major) order, as NumPy fills a
/// <c>size=(rows, cols)</c> array. Call order matters exactly as in NumPy: <c>randn(3)</c> then
/// <c>randn(1)</c> equals <c>randn(4)</c>. For Rosenblatt's own seeded runs use <see cref="SeededRandom"/>;
/// this class exists for replaying NumPy, not for speed.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var np = new NumPyRandom(42);            // np.random.seed(42)
/// double[,] w1 = np.Randn(2, 4);           // np.random.randn(2, 4)
/// double first = w1[0, 0];                 // 0.4967141530112327
/// </code>
/// </example>
public sealed class NumPyRandom
{
    /// <summary>The largest seed NumPy accepts: 2**32 − 1.</summary>
    public const long MaxSeed = uint.MaxValue;

    private readonly MersenneTwister _mt;
    private bool _hasCachedGaussian;
    private double _cachedGaussian;

    /// <summary>Creates a generator in the state <c>np.random.seed(seed)</c> leaves NumPy's global generator in.</summary>
    /// <param name="seed">The integer passed to <c>np.random.seed</c>, 0 to 4294967295.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seed"/> is negative or above <see cref="MaxSeed"/>.</exception>
    public NumPyRandom(long seed)
    {
        const string help = "NumPy accepts seeds 0 to 4294967295 (2**32 - 1); pass the same integer the Python script gives np.random.seed.";
        Guard.AtLeast(seed, 0, nameof(seed), help);
        Guard.AtMost(seed, MaxSeed, nameof(seed), help);
        Seed = seed;
        _mt = new MersenneTwister((uint)seed);
    }

    /// <summary>The seed this generator was created from.</summary>
    public long Seed { get; }

    /// <summary>One uniform double in [0, 1), like <c>np.random.rand()</c>.</summary>
    /// <remarks>Two 32-bit draws a and b give <c>(a ≫ 5 · 2^26 + b ≫ 6) / 2^53</c>: every double has 53 random bits.</remarks>
    public double Rand() => _mt.NextDouble();

    /// <summary><paramref name="n"/> uniform doubles in [0, 1), like <c>np.random.rand(n)</c>.</summary>
    /// <param name="n">How many values; 0 gives an empty array.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public double[] Rand(int n) => Fill(n, nameof(n), Rand);

    /// <summary>A rows × cols array of uniform doubles in [0, 1), like <c>np.random.rand(rows, cols)</c>, filled row by row.</summary>
    /// <param name="rows">Number of rows (NumPy's first dimension).</param>
    /// <param name="cols">Number of columns.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public double[,] Rand(int rows, int cols) => Fill(rows, cols, Rand);

    /// <summary>One standard normal sample, like <c>np.random.randn()</c>.</summary>
    /// <remarks>
    /// NumPy's legacy polar method: draw <c>x1 = 2u1 − 1</c>, <c>x2 = 2u2 − 1</c> until
    /// <c>0 &lt; r² = x1² + x2² &lt; 1</c>, then <c>f = √(−2 ln r² / r²)</c>. It returns <c>f·x2</c> and keeps
    /// <c>f·x1</c> for the next call, so every second sample costs no draws.
    /// </remarks>
    public double Randn()
    {
        if (_hasCachedGaussian)
        {
            _hasCachedGaussian = false;
            return _cachedGaussian;
        }
        double x1, x2, r2;
        do
        {
            x1 = 2.0 * _mt.NextDouble() - 1.0;
            x2 = 2.0 * _mt.NextDouble() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _cachedGaussian = f * x1;
        _hasCachedGaussian = true;
        return f * x2;
    }

    /// <summary><paramref name="n"/> standard normal samples, like <c>np.random.randn(n)</c>.</summary>
    /// <param name="n">How many values; 0 gives an empty array.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public double[] Randn(int n) => Fill(n, nameof(n), Randn);

    /// <summary>A rows × cols array of standard normal samples, like <c>np.random.randn(rows, cols)</c>, filled row by row.</summary>
    /// <param name="rows">Number of rows (NumPy's first dimension).</param>
    /// <param name="cols">Number of columns.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is negative.</exception>
    public double[,] Randn(int rows, int cols) => Fill(rows, cols, Randn);

    /// <summary>One uniform double between <paramref name="low"/> and <paramref name="high"/>, like <c>np.random.uniform(low, high)</c>.</summary>
    /// <remarks>Computed as <c>low + (high − low)·u</c>, exactly as NumPy does; as in NumPy, high may be below low.</remarks>
    /// <param name="low">Inclusive end.</param>
    /// <param name="high">Exclusive end.</param>
    /// <exception cref="ArgumentOutOfRangeException">An end is not finite, or <c>high − low</c> overflows.</exception>
    public double Uniform(double low = 0.0, double high = 1.0)
    {
        double range = CheckUniform(low, high);
        return low + range * _mt.NextDouble();
    }

    /// <summary><paramref name="n"/> uniform doubles, like <c>np.random.uniform(low, high, n)</c>.</summary>
    /// <param name="low">Inclusive end.</param>
    /// <param name="high">Exclusive end.</param>
    /// <param name="n">How many values.</param>
    /// <exception cref="ArgumentOutOfRangeException">An end is not finite, the range overflows, or <paramref name="n"/> is negative.</exception>
    public double[] Uniform(double low, double high, int n)
    {
        double range = CheckUniform(low, high);
        return Fill(n, nameof(n), () => low + range * _mt.NextDouble());
    }

    /// <summary>One normal sample with mean <paramref name="loc"/> and standard deviation <paramref name="scale"/>, like <c>np.random.normal(loc, scale)</c>.</summary>
    /// <remarks>Computed as <c>loc + scale·randn()</c>, so it shares <see cref="Randn()"/>'s cached second value.</remarks>
    /// <param name="loc">The mean.</param>
    /// <param name="scale">The standard deviation, ≥ 0.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="loc"/> is not finite or <paramref name="scale"/> is negative or not finite.</exception>
    public double Normal(double loc = 0.0, double scale = 1.0)
    {
        CheckNormal(loc, scale);
        return loc + scale * Randn();
    }

    /// <summary><paramref name="n"/> normal samples, like <c>np.random.normal(loc, scale, n)</c>.</summary>
    /// <param name="loc">The mean.</param>
    /// <param name="scale">The standard deviation, ≥ 0.</param>
    /// <param name="n">How many values.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is out of range, or <paramref name="n"/> is negative.</exception>
    public double[] Normal(double loc, double scale, int n)
    {
        CheckNormal(loc, scale);
        return Fill(n, nameof(n), () => loc + scale * Randn());
    }

    /// <summary>One integer in [<paramref name="low"/>, <paramref name="high"/>), like <c>np.random.randint(low, high)</c>.</summary>
    /// <remarks>
    /// NumPy's legacy masked rejection: with <c>r = high − 1 − low</c>, draw 32 bits, keep those under the
    /// smallest all-ones mask ≥ r, and retry while the result exceeds r. When r is 0 no draw is made.
    /// <c>np.random.randint(10)</c> is <c>RandInt(0, 10)</c>.
    /// </remarks>
    /// <param name="low">Smallest possible value.</param>
    /// <param name="high">One above the largest possible value.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is not above <paramref name="low"/>.</exception>
    public int RandInt(int low, int high)
    {
        CheckRandInt(low, high);
        return Draw(low, high);
    }

    /// <summary><paramref name="n"/> integers in [<paramref name="low"/>, <paramref name="high"/>), like <c>np.random.randint(low, high, n)</c>.</summary>
    /// <param name="low">Smallest possible value.</param>
    /// <param name="high">One above the largest possible value.</param>
    /// <param name="n">How many values.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="high"/> is not above <paramref name="low"/>, or <paramref name="n"/> is negative.</exception>
    public int[] RandInt(int low, int high, int n)
    {
        CheckRandInt(low, high);
        Guard.AtLeast(n, 0, nameof(n), "pass how many values to draw; 0 gives an empty array.");
        var result = new int[n];
        for (int i = 0; i < n; i++)
            result[i] = Draw(low, high);
        return result;
    }

    /// <summary>Shuffles <paramref name="items"/> in place, like <c>np.random.shuffle</c> on a 1-D array or a list.</summary>
    /// <remarks>
    /// Fisher–Yates from the end: for i = n−1 down to 1, swap item i with item j drawn uniformly from
    /// [0, i] by masked rejection. Shuffling the rows of a 2-D array in NumPy makes the same draws.
    /// </remarks>
    /// <param name="items">The values to reorder.</param>
    public void Shuffle<T>(Span<T> items)
    {
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = (int)_mt.Interval((uint)i);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>The numbers 0 to n−1 in random order, like <c>np.random.permutation(n)</c>.</summary>
    /// <param name="n">How many indices.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is negative.</exception>
    public int[] Permutation(int n)
    {
        Guard.AtLeast(n, 0, nameof(n), "pass the number of items to permute, e.g. the number of samples.");
        int[] result = Enumerable.Range(0, n).ToArray();
        Shuffle<int>(result);
        return result;
    }

    private int Draw(int low, int high)
    {
        uint range = (uint)((long)high - 1 - low);
        return (int)(low + (long)_mt.Interval(range));
    }

    private static void CheckRandInt(int low, int high)
    {
        if (high <= low)
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high must be > low (received low={low}, high={high}). help: randint draws from [low, high), so high is one above the largest value; np.random.randint(n) is RandInt(0, n).");
    }

    private static double CheckUniform(double low, double high)
    {
        const string help = "pass finite ends whose difference fits in a double, e.g. Uniform(-1, 1).";
        if (!double.IsFinite(low))
            throw new ArgumentOutOfRangeException(nameof(low), low, $"low must be finite (received {Guard.Format(low)}). help: {help}");
        if (!double.IsFinite(high))
            throw new ArgumentOutOfRangeException(nameof(high), high, $"high must be finite (received {Guard.Format(high)}). help: {help}");
        double range = high - low;
        if (!double.IsFinite(range))
            throw new ArgumentOutOfRangeException(nameof(high), high,
                $"high - low overflows (received low={Guard.Format(low)}, high={Guard.Format(high)}). help: {help}");
        return range;
    }

    private static void CheckNormal(double loc, double scale)
    {
        if (!double.IsFinite(loc))
            throw new ArgumentOutOfRangeException(nameof(loc), loc,
                $"loc must be finite (received {Guard.Format(loc)}). help: loc is the mean of the samples, e.g. 0.");
        // NumPy rejects -0.0 as well as negative values, hence IsNegative rather than < 0.
        if (!double.IsFinite(scale) || double.IsNegative(scale))
            throw new ArgumentOutOfRangeException(nameof(scale), scale,
                $"scale must be a finite number >= 0 (received {Guard.Format(scale)}). help: scale is the standard deviation, e.g. 1; use 0 for a constant.");
    }

    private static double[] Fill(int n, string paramName, Func<double> next)
    {
        Guard.AtLeast(n, 0, paramName, "pass how many values to draw; 0 gives an empty array.");
        var result = new double[n];
        for (int i = 0; i < n; i++)
            result[i] = next();
        return result;
    }

    private static double[,] Fill(int rows, int cols, Func<double> next)
    {
        const string help = "pass the array shape as NumPy's size=(rows, cols); 0 gives an empty dimension.";
        Guard.AtLeast(rows, 0, nameof(rows), help);
        Guard.AtLeast(cols, 0, nameof(cols), help);
        var result = new double[rows, cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                result[r, c] = next();
        return result;
    }
}
