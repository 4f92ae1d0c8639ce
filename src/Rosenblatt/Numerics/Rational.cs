using System.Globalization;
using System.Numerics;

namespace Rosenblatt.Numerics;

/// <summary>An exact fraction p/q of big integers, always reduced, with q &gt; 0.</summary>
/// <remarks>
/// Every finite double is a dyadic rational m·2^e, so <see cref="FromDouble"/> is exact and a check
/// done in rationals on double inputs has no rounding at all. Used where an answer must be proved,
/// not estimated (the linear-separability check); far too slow for training.
/// </remarks>
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    // default(Rational) has a zero denominator field; it reads as 0/1.
    private readonly BigInteger _denominator;

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        _denominator = denominator;
    }

    internal BigInteger Numerator { get; }

    internal BigInteger Denominator => _denominator.IsZero ? BigInteger.One : _denominator;

    internal static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    internal static Rational One => new(BigInteger.One, BigInteger.One);

    internal int Sign => Numerator.Sign;

    internal bool IsZero => Numerator.IsZero;

    internal static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("Rational with a zero denominator.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        return new Rational(numerator, numerator.IsZero ? BigInteger.One : denominator);
    }

    internal static Rational FromInt(long value) => Create(value, BigInteger.One);

    /// <summary>The exact value of a finite double.</summary>
    internal static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite doubles are rationals.");
        if (value == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
        if (exponent == 0) exponent = 1; else mantissa |= 1L << 52;
        exponent -= 1075;
        var m = new BigInteger(negative ? -mantissa : mantissa);
        return exponent >= 0 ? Create(m << exponent, BigInteger.One) : Create(m, BigInteger.One << -exponent);
    }

    /// <summary>The nearest double (within a few ulps; used only for display).</summary>
    internal double ToDouble()
    {
        if (IsZero) return 0;
        long shift = Math.Max(0, 64 - (long)(Numerator.GetBitLength() - Denominator.GetBitLength()));
        var q = BigInteger.Divide(Numerator << (int)shift, Denominator);
        long extra = Math.Max(0, (long)q.GetBitLength() - 64);
        q >>= (int)extra;
        return Math.ScaleB((double)q, (int)(extra - shift));
    }

    public static Rational operator +(Rational a, Rational b) =>
        a.Denominator == b.Denominator ? Create(a.Numerator + b.Numerator, a.Denominator)
        : Create(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a + (-b);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) => Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) => Create(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational r && Equals(r);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>"p/q", or "p" when q is 1.</summary>
    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : $"{Numerator.ToString(CultureInfo.InvariantCulture)}/{Denominator.ToString(CultureInfo.InvariantCulture)}";
}
