using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary><see cref="AdamKernel"/>: the vector paths give the scalar formula's bits on every length and every split.</summary>
public class AdamKernelTests
{
    private static (float[] W, float[] M, float[] V, float[] G) Values(int n, int seed)
    {
        var random = new Random(seed);
        float R(double scale) => (float)((random.NextDouble() * 2 - 1) * scale);
        var w = new float[n];
        var m = new float[n];
        var v = new float[n];
        var g = new float[n];
        for (int i = 0; i < n; i++)
        {
            w[i] = R(1);
            m[i] = R(0.1);
            v[i] = Math.Abs(R(0.01));
            g[i] = R(i % 5 == 0 ? 1e-6 : 0.5);
        }
        return (w, m, v, g);
    }

    private static void Reference(float[] w, float[] m, float[] v, float[] g, float b1, float b2, float eps, float s, float c)
    {
        for (int i = 0; i < w.Length; i++)
        {
            m[i] = b1 * m[i] + (1f - b1) * g[i];
            v[i] = b2 * v[i] + (1f - b2) * g[i] * g[i];
            w[i] -= s * m[i] / (MathF.Sqrt(v[i]) / c + eps);
        }
    }

    [Fact]
    public void Update_OnEveryLength0To256_GivesTheScalarFormulasBits()
    {
        for (int n = 0; n <= 256; n++)
        {
            var (w, m, v, g) = Values(n, seed: n);
            var (rw, rm, rv, _) = Values(n, seed: n);
            AdamKernel.Update(w, m, v, g, 0.9f, 0.999f, 1e-8f, 0.0031f, 0.0447f);
            Reference(rw, rm, rv, g, 0.9f, 0.999f, 1e-8f, 0.0031f, 0.0447f);
            Assert.Equal(rw, w);
            Assert.Equal(rm, m);
            Assert.Equal(rv, v);
        }
    }

    [Theory]
    [InlineData(100, 3)]
    [InlineData(100, 37)]
    [InlineData(131, 64)]
    public void Update_InTwoPieces_GivesTheBitsOfOneCall(int n, int cut)
    {
        var (w, m, v, g) = Values(n, seed: 1);
        var (w2, m2, v2, _) = Values(n, seed: 1);
        AdamKernel.Update(w, m, v, g, 0.9f, 0.999f, 1e-8f, 0.01f, 0.03f);
        AdamKernel.Update(w2.AsSpan(0, cut), m2.AsSpan(0, cut), v2.AsSpan(0, cut), g.AsSpan(0, cut), 0.9f, 0.999f, 1e-8f, 0.01f, 0.03f);
        AdamKernel.Update(w2.AsSpan(cut), m2.AsSpan(cut), v2.AsSpan(cut), g.AsSpan(cut), 0.9f, 0.999f, 1e-8f, 0.01f, 0.03f);
        Assert.Equal(w, w2);
        Assert.Equal(m, m2);
        Assert.Equal(v, v2);
    }
}
