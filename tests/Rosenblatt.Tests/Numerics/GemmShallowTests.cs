using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>The shallow path (k ≤ 16) gives the blocked path's bits on every layout, shape edge and epilogue.</summary>
[Collection(EngineSettingsCollection.Name)]
public class GemmShallowTests
{
    private static float[] Run(Func<float[]> product, bool shallow)
    {
        int saved = Parallelism.MaxThreads;
        Parallelism.MaxThreads = 1;
        GemmShallow.s_disabled = !shallow;
        try
        {
            return product();
        }
        finally
        {
            GemmShallow.s_disabled = false;
            Parallelism.MaxThreads = saved;
        }
    }

    [Theory]
    [InlineData(128, 128, 10)]   // an MNIST step's dL/dH = dZ·W2ᵀ
    [InlineData(129, 33, 16)]
    [InlineData(37, 130, 1)]
    [InlineData(300, 7, 3)]
    [InlineData(64, 200, 9)]
    public void Multiply_Shallow_GivesTheBitsOfTheBlockedPath(int m, int n, int k)
    {
        Assert.False(GemmSmall.Handles(m, n, k)); // the tiny direct loop would take it otherwise
        var random = new Random(m * 31 + n * 7 + k);
        float[] a = GemmReference.Random(random, m * k), b = GemmReference.Random(random, k * n), bias = GemmReference.Random(random, n);
        foreach (bool ta in new[] { false, true })
        {
            foreach (bool tb in new[] { false, true })
            {
                float[] Plain() { var c = new float[m * n]; Gemm.Multiply(a, b, c, m, n, k, ta, tb); return c; }
                Assert.Equal(Run(Plain, shallow: false), Run(Plain, shallow: true));
                foreach (var epilogue in new[] { GemmEpilogue.None, GemmEpilogue.Relu, GemmEpilogue.Sigmoid })
                {
                    float[] WithBias() { var c = new float[m * n]; Gemm.MultiplyAddBias(a, b, bias, c, m, n, k, epilogue, ta, tb); return c; }
                    Assert.Equal(Run(WithBias, shallow: false), Run(WithBias, shallow: true));
                }
            }
        }
    }

    [Fact]
    public void Multiply_ShallowWithBeta_TakesTheBlockedPath()
    {
        Assert.False(GemmShallow.Handles(10, 1f));   // accumulating into C stays on the blocked path's store modes
        Assert.False(GemmShallow.Handles(17, 0f));   // deeper than one short chain
        Assert.Equal(GemmMicroKernel.UsesFma, GemmShallow.Handles(10, 0f));
    }
}
