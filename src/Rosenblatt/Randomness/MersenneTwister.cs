namespace Rosenblatt.Randomness;

/// <summary>The 32-bit Mersenne Twister (MT19937) of Matsumoto and Nishimura, as NumPy's legacy <c>RandomState</c> runs it.</summary>
/// <remarks>
/// Seeding is the reference <c>init_genrand</c>: word 0 is the seed and each later word is
/// <c>1812433253 · (prev ⊕ (prev ≫ 30)) + i</c> (Knuth's multiplier). NumPy uses exactly this for an
/// integer seed (<c>mt19937_seed</c> via <c>_legacy_seeding</c>); <c>init_by_array</c> is used only for
/// array seeds, and Python's own <c>random.seed</c> uses it for ints, which is why the two streams differ.
/// </remarks>
internal sealed class MersenneTwister
{
    private const int N = 624;
    private const int M = 397;
    private const uint MatrixA = 0x9908B0DFu;
    private const uint UpperMask = 0x80000000u;
    private const uint LowerMask = 0x7FFFFFFFu;

    private readonly uint[] _key = new uint[N];
    private int _pos;

    internal MersenneTwister(uint seed)
    {
        _key[0] = seed;
        for (int i = 1; i < N; i++)
            _key[i] = unchecked(1812433253u * (_key[i - 1] ^ (_key[i - 1] >> 30)) + (uint)i);
        _pos = N; // the first draw regenerates the whole block
    }

    /// <summary>The next tempered 32-bit output.</summary>
    internal uint NextUInt32()
    {
        if (_pos == N)
            Regenerate();
        uint y = _key[_pos++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9D2C5680u;
        y ^= (y << 15) & 0xEFC60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>A double in [0, 1) with 53 random bits: 27 bits of one draw above 26 bits of the next.</summary>
    internal double NextDouble()
    {
        uint a = NextUInt32() >> 5;
        uint b = NextUInt32() >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    /// <summary>A uniform integer in [0, <paramref name="max"/>] by masked rejection, as NumPy's legacy <c>random_interval</c>.</summary>
    /// <remarks>Draws 32 bits, keeps the bits below the smallest all-ones mask ≥ max, and retries while the result exceeds max.</remarks>
    internal uint Interval(uint max)
    {
        if (max == 0)
            return 0; // NumPy consumes no draw here
        uint mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        uint value;
        while ((value = NextUInt32() & mask) > max)
        {
        }
        return value;
    }

    private void Regenerate()
    {
        int i;
        for (i = 0; i < N - M; i++)
            _key[i] = Twist(_key[i + M], _key[i], _key[i + 1]);
        for (; i < N - 1; i++)
            _key[i] = Twist(_key[i + M - N], _key[i], _key[i + 1]);
        _key[N - 1] = Twist(_key[M - 1], _key[N - 1], _key[0]);
        _pos = 0;
    }

    private static uint Twist(uint far, uint current, uint next)
    {
        uint y = (current & UpperMask) | (next & LowerMask);
        return far ^ (y >> 1) ^ ((y & 1u) != 0 ? MatrixA : 0u);
    }
}
