using Rosenblatt.Initializers;
using Rosenblatt.Randomness;

namespace Rosenblatt.Tests.Initializers;

/// <summary>Each initializer's range or spread, measured on 20,000 draws, and its reproducibility.</summary>
public class InitializerTests
{
    private const int FanIn = 100, FanOut = 200;

    private static float[] Draw(Initializer initializer, int seed = 7)
    {
        var w = new float[FanIn * FanOut];
        initializer.Initialize(w, FanIn, FanOut, new SeededRandom(seed));
        return w;
    }

    private static (double Mean, double Std) Moments(float[] w)
    {
        double mean = w.Average(v => (double)v);
        return (mean, Math.Sqrt(w.Average(v => (v - mean) * (v - mean))));
    }

    /// <summary>Within 2%: the standard error of a standard deviation from 20,000 draws is about 0.5%.</summary>
    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 0.02 * expected, $"σ {actual} vs expected {expected}");

    [Fact]
    public void Zeros_FillsWithZero() => Assert.All(Draw(new ZerosInitializer()), v => Assert.Equal(0f, v));

    [Fact]
    public void Constant_FillsWithTheValue() => Assert.All(Draw(new ConstantInitializer(0.25)), v => Assert.Equal(0.25f, v));

    [Fact]
    public void Uniform_StaysInRangeWithTheUniformSpread()
    {
        var w = Draw(new UniformInitializer(-0.2, 0.6));
        Assert.All(w, v => Assert.InRange(v, -0.2f, 0.6f));
        var (mean, std) = Moments(w);
        Assert.Equal(0.2, mean, 2);
        Assert.Equal(0.8 / Math.Sqrt(12), std, 2);
    }

    [Fact]
    public void Normal_HasMeanZeroAndTheGivenSigma()
    {
        var (mean, std) = Moments(Draw(new NormalInitializer(0.3)));
        Assert.Equal(0, mean, 2);
        AssertClose(0.3, std);
    }

    [Fact]
    public void Xavier_IsUniformWithinTheGlorotLimit()
    {
        double limit = Math.Sqrt(6.0 / (FanIn + FanOut));
        var w = Draw(new XavierInitializer());
        Assert.All(w, v => Assert.InRange(v, -limit, limit));
        var (mean, std) = Moments(w);
        Assert.Equal(0, mean, 2);
        AssertClose(Math.Sqrt(2.0 / (FanIn + FanOut)), std);
        Assert.True(w.Max() > 0.95 * limit && w.Min() < -0.95 * limit, "the draws fill the range");
    }

    [Fact]
    public void He_HasSigmaSqrtTwoOverFanIn()
    {
        var (mean, std) = Moments(Draw(new HeInitializer()));
        Assert.Equal(0, mean, 2);
        AssertClose(Math.Sqrt(2.0 / FanIn), std);
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("normal")]
    [InlineData("glorot")]
    [InlineData("he")]
    public void SameSeed_SameWeights_OtherSeed_OtherWeights(string name)
    {
        var initializer = InitializerRegistry.FromName(name);
        Assert.Equal(Draw(initializer, 3), Draw(initializer, 3));
        Assert.NotEqual(Draw(initializer, 3), Draw(initializer, 4));
    }

    [Theory]
    [InlineData("normal:0.3", typeof(NormalInitializer))]
    [InlineData("uniform:0.2", typeof(UniformInitializer))]
    [InlineData("constant:-1.5", typeof(ConstantInitializer))]
    [InlineData("Glorot", typeof(XavierInitializer))]
    [InlineData("kaiming", typeof(HeInitializer))]
    [InlineData("zeros", typeof(ZerosInitializer))]
    public void Registry_NameWithOptionalValue_CreatesTheInitializer(string name, Type type)
    {
        var initializer = InitializerRegistry.FromName(name);
        Assert.IsType(type, initializer);
        switch (initializer)
        {
            case NormalInitializer n: Assert.Equal(0.3, n.StandardDeviation); break;
            case UniformInitializer u: Assert.Equal((-0.2, 0.2), (u.Low, u.High)); break;
            case ConstantInitializer c: Assert.Equal(-1.5, c.Value); break;
        }
    }

    [Theory]
    [InlineData("constant", "'constant' needs its value.")]
    [InlineData("normal:x", "'normal:x' has 'x' after the colon, which is not a finite number.")]
    [InlineData("normal:-1", "standardDeviation must be a finite number > 0 (received -1)")]
    [InlineData("uniform:0", "'uniform:0' gives a uniform limit of 0.")]
    [InlineData("he:2", "'he:2' takes no value: he chooses its own scale.")]
    [InlineData("lecun", "'lecun' is not a known initializer.")]
    public void Registry_BadName_SaysWhatIsWrongAndHelps(string name, string expected)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => InitializerRegistry.FromName(name));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Normal_NonPositiveSigma_NamesItAndHelps()
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => new NormalInitializer(0));
        Assert.Contains("standardDeviation must be a finite number > 0 (received 0)", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Uniform_EmptyRange_QuotesItAndHelps() =>
        Assert.Contains("the range [1, 1) is empty", Assert.ThrowsAny<ArgumentException>(() => new UniformInitializer(1, 1)).Message);

    [Fact]
    public void Constant_NaN_Throws() =>
        Assert.Contains("help: use a finite number", Assert.ThrowsAny<ArgumentException>(() => new ConstantInitializer(double.NaN)).Message);
}
