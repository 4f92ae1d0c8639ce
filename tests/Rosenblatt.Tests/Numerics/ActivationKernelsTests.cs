using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class ActivationKernelsTests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= 256; n++)
            data.Add(n);
        return data;
    }

    private delegate void Unary(ReadOnlySpan<float> x, Span<float> destination);

    private delegate void Binary(ReadOnlySpan<float> g, ReadOnlySpan<float> y, Span<float> destination);

    [Theory]
    [MemberData(nameof(Lengths))]
    public void EveryKernel_AtEveryLengthUpTo256_MatchesScalarReference(int length)
    {
        var rng = new Random(length);
        float[] x = Values(rng, length, 4f), g = Values(rng, length, 1f);
        float[] y = x.Select(v => 1f / (1f + MathF.Exp(-v))).ToArray();

        CheckUnary(ActivationKernels.Relu, x, v => MathF.Max(v, 0f), 0);
        CheckUnary(ActivationKernels.Sigmoid, x, v => 1f / (1f + MathF.Exp(-v)), 2e-6f);
        CheckUnary(ActivationKernels.Tanh, x, MathF.Tanh, 2e-6f);
        CheckBinary(ActivationKernels.ReluBackward, g, x, (gi, zi) => zi > 0f ? gi : 0f);
        CheckBinary(ActivationKernels.SigmoidBackward, g, y, (gi, yi) => gi * (yi * (1f - yi)));
        CheckBinary(ActivationKernels.TanhBackward, g, y, (gi, yi) => gi * (1f - yi * yi));
    }

    [Fact]
    public void ReluBackward_AtZeroAndForNaNGradientBehindInactiveUnit_GivesZero()
    {
        float[] g = [5f, float.NaN, 2f, -3f];
        float[] z = [0f, -1f, 1e-30f, float.NaN];
        var d = new float[4];
        ActivationKernels.ReluBackward(g, z, d);
        Assert.Equal([0f, 0f, 2f, 0f], d);
    }

    [Fact]
    public void ReluBackward_InPlaceOnGradient_MatchesOutOfPlace()
    {
        var rng = new Random(1);
        float[] g = Values(rng, 77, 1f), z = Values(rng, 77, 1f);
        var expected = new float[77];
        ActivationKernels.ReluBackward(g, z, expected);
        ActivationKernels.ReluBackward(g, z, g);
        Assert.Equal(expected, g);
    }

    [Fact]
    public void Relu_WithShiftedOverlap_ThrowsWithHelp()
    {
        var buffer = new float[40];
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.Relu(buffer.AsSpan(0, 32), buffer.AsSpan(1, 32)));
        Assert.Contains("shifted by", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void SigmoidBackward_WithMismatchedLengths_NamesTheShorterSpan()
    {
        var ex = Assert.Throws<ArgumentException>(() => ActivationKernels.SigmoidBackward(new float[5], new float[4], new float[5]));
        Assert.Equal("y", ex.ParamName);
        Assert.Contains("(received 4)", ex.Message);
    }

    private static void CheckUnary(Unary kernel, float[] x, Func<float, float> reference, float tolerance)
    {
        var d = new float[x.Length];
        kernel(x, d);
        var inPlace = (float[])x.Clone();
        kernel(inPlace, inPlace);
        for (int i = 0; i < x.Length; i++)
        {
            float expected = reference(x[i]);
            Assert.True(Math.Abs(d[i] - expected) <= tolerance * Math.Max(1f, Math.Abs(expected)), $"x={x[i]}: {d[i]} vs {expected}");
        }
        Assert.Equal(d, inPlace);
    }

    private static void CheckBinary(Binary kernel, float[] g, float[] y, Func<float, float, float> reference)
    {
        var d = new float[g.Length];
        kernel(g, y, d);
        Assert.Equal(g.Zip(y, reference), d);
        var inPlace = (float[])y.Clone();
        kernel(g, inPlace, inPlace);
        Assert.Equal(d, inPlace);
    }

    private static float[] Values(Random rng, int length, float range)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
            x[i] = (float)((rng.NextDouble() * 2 - 1) * range);
        if (length > 2)
            x[length / 2] = 0f;
        return x;
    }
}
