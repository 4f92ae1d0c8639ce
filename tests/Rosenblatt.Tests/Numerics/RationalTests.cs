using System.Numerics;
using CsCheck;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class RationalTests
{
    [Fact]
    public void FromDouble_OfPointOne_IsTheExactBinaryFractionNotOneTenth()
    {
        var r = Rational.FromDouble(0.1);
        Assert.Equal(BigInteger.Parse("3602879701896397"), r.Numerator);
        Assert.Equal(BigInteger.One << 55, r.Denominator);
        Assert.NotEqual(Rational.Create(1, 10), r);
    }

    [Fact]
    public void FromDouble_ThenToDouble_RoundTripsEveryFiniteDouble() =>
        Gen.Double.Where(double.IsFinite).Sample(d => Assert.Equal(d, Rational.FromDouble(d).ToDouble()));

    [Fact]
    public void Arithmetic_IsExactWhereDoublesRound()
    {
        var sum = Rational.FromDouble(0.1) + Rational.FromDouble(0.2);
        Assert.NotEqual(Rational.FromDouble(0.3), sum);
        Assert.Equal(Rational.Create(1, 2), Rational.Create(1, 3) + Rational.Create(1, 6));
        Assert.Equal(Rational.One, Rational.Create(-2, -4) * Rational.FromInt(2));
        Assert.True(Rational.Create(1, 3) < Rational.Create(1, 2));
        Assert.Equal("-3/4", (Rational.Create(1, 4) - Rational.One).ToString());
    }

    [Fact]
    public void Default_IsZeroOverOne() => Assert.Equal(Rational.Zero, default(Rational));
}
