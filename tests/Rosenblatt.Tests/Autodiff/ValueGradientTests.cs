using CsCheck;
using Rosenblatt.Autodiff;

namespace Rosenblatt.Tests.Autodiff;

// Every operation's Backward gradient against a central finite difference of its own forward value,
// over random inputs kept away from kinks and poles.
public class ValueGradientTests
{
    private const double H = 1e-6;

    private static readonly Gen<double> Any = Gen.Double[-5, 5];
    private static readonly Gen<double> AwayFromZero = Gen.Double[-5, 5].Where(x => Math.Abs(x) > 0.05);

    [Fact]
    public void Add_GradientMatchesFiniteDifference() => AssertBinary((a, b) => a + b, Any, Any);

    [Fact]
    public void Subtract_GradientMatchesFiniteDifference() => AssertBinary((a, b) => a - b, Any, Any);

    [Fact]
    public void Multiply_GradientMatchesFiniteDifference() => AssertBinary((a, b) => a * b, Any, Any);

    [Fact]
    public void Divide_GradientMatchesFiniteDifference() =>
        AssertBinary((a, b) => a / b, Any, Gen.Double[-5, 5].Where(x => Math.Abs(x) > 0.5));

    [Fact]
    public void Negate_GradientMatchesFiniteDifference() => AssertUnary(a => -a, Any);

    [Fact]
    public void ConstantOnEitherSide_GradientMatchesFiniteDifference() =>
        AssertUnary(a => 3.0 - 2.0 * a + a / 4.0 - 1.5 / (a * a + 1.0), Any);

    [Fact]
    public void Pow_PositiveBaseAnyExponent_GradientMatchesFiniteDifference() =>
        Gen.Select(Gen.Double[0.1, 3], Gen.Double[-3, 3]).Sample((x, p) => AssertGradient(a => a.Pow(p), x));

    [Fact]
    public void Pow_NegativeBaseWholeExponent_GradientMatchesFiniteDifference() =>
        Gen.Select(Gen.Double[-3, -0.1], Gen.Int[0, 4]).Sample((x, p) => AssertGradient(a => a.Pow(p), x));

    [Fact]
    public void Exp_GradientMatchesFiniteDifference() => AssertUnary(a => a.Exp(), Any);

    [Fact]
    public void Log_GradientMatchesFiniteDifference() => AssertUnary(a => a.Log(), Gen.Double[0.05, 10]);

    [Fact]
    public void Tanh_GradientMatchesFiniteDifference() => AssertUnary(a => a.Tanh(), Any);

    [Fact]
    public void Sigmoid_GradientMatchesFiniteDifference() => AssertUnary(a => a.Sigmoid(), Gen.Double[-20, 20]);

    [Fact]
    public void Relu_AwayFromTheKink_GradientMatchesFiniteDifference() => AssertUnary(a => a.Relu(), AwayFromZero);

    [Fact]
    public void LeakyRelu_AwayFromTheKink_GradientMatchesFiniteDifference() =>
        Gen.Select(AwayFromZero, Gen.Double[0, 0.5]).Sample((x, slope) => AssertGradient(a => a.LeakyRelu(slope), x));

    [Fact]
    public void Composite_TwoInputs_GradientsMatchFiniteDifferences() =>
        AssertBinary((a, b) => ((a * b).Tanh() + (a - b).Sigmoid() * b.Exp() + (a * a + 1.0).Log()).Pow(2), Any, Any);

    [Fact]
    public void Sigmoid_AtLargeInputs_StaysFiniteWithZeroGradient()
    {
        var a = new Value(-800);
        var s = a.Sigmoid();
        s.Backward();
        Assert.Equal(0.0, s.Data);
        Assert.Equal(0.0, a.Grad);
        Assert.Equal(1.0, new Value(800).Sigmoid().Data);
    }

    private static void AssertUnary(Func<Value, Value> f, Gen<double> inputs) =>
        inputs.Sample(x => AssertGradient(f, x));

    private static void AssertGradient(Func<Value, Value> f, double x)
    {
        var a = new Value(x);
        f(a).Backward();
        double numeric = (f(new Value(x + H)).Data - f(new Value(x - H)).Data) / (2 * H);
        AssertClose(numeric, a.Grad, $"x={x:R}");
    }

    private static void AssertBinary(Func<Value, Value, Value> f, Gen<double> left, Gen<double> right) =>
        Gen.Select(left, right).Sample((x, y) =>
        {
            var a = new Value(x);
            var b = new Value(y);
            f(a, b).Backward();
            double da = (f(new Value(x + H), new Value(y)).Data - f(new Value(x - H), new Value(y)).Data) / (2 * H);
            double db = (f(new Value(x), new Value(y + H)).Data - f(new Value(x), new Value(y - H)).Data) / (2 * H);
            AssertClose(da, a.Grad, $"d/da at a={x:R}, b={y:R}");
            AssertClose(db, b.Grad, $"d/db at a={x:R}, b={y:R}");
        });

    private static void AssertClose(double numeric, double analytic, string where)
    {
        double tolerance = 1e-6 * Math.Max(1.0, Math.Abs(analytic));
        Assert.True(Math.Abs(numeric - analytic) <= tolerance,
            $"{where}: backward gave {analytic:R}, finite difference {numeric:R}");
    }
}
