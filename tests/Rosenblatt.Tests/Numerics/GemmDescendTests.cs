using System.Numerics.Tensors;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>The SGD step fused into the weight gradient's product gives the bits of computing the gradient, then stepping.</summary>
[Collection(EngineSettingsCollection.Name)]
public class GemmDescendTests
{
    [Theory]
    [InlineData(784, 128, 128, 0, 64)]
    [InlineData(784, 128, 128, 64, 128)]
    [InlineData(37, 40, 29, 16, 40)]   // rows that are not a whole tile, a partial last column tile
    [InlineData(129, 33, 7, 0, 33)]
    [InlineData(64, 64, 256, 0, 64)]   // the deepest single depth block
    public void DescendColumns_GivesTheBitsOfTheGradientThenMultiplyAdd(int m, int n, int k, int first, int end)
    {
        var random = new Random(m * 7 + n * 3 + k);
        float[] Fill(int length, float scale) => Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1) * scale).ToArray();
        var x = Fill(k * m, 1f);          // the batch, k rows × m inputs: Aᵀ
        var dz = Fill(k * n, 0.1f);       // k rows × n units
        var w = Fill(m * n, 0.5f);
        const float rate = -0.1f;

        var gradient = new float[m * n];
        Gemm.Multiply(x, dz, gradient, m, n, k, transposeA: true);
        var expected = (float[])w.Clone();
        TensorPrimitives.MultiplyAdd(gradient, rate, expected, expected);

        foreach (bool portable in new[] { false, true })
        {
            var actual = (float[])w.Clone();
            GemmMicroKernel.s_forcePortable = portable;
            try
            {
                Assert.True(Gemm.DescendColumns(x, dz, actual, m, n, k, rate, first, end));
            }
            finally
            {
                GemmMicroKernel.s_forcePortable = false;
            }
            if (portable)
            {
                // The portable kernel multiplies then adds (no FMA): compare it with its own gradient.
                GemmMicroKernel.s_forcePortable = true;
                try
                {
                    Gemm.Multiply(x, dz, gradient, m, n, k, transposeA: true);
                }
                finally
                {
                    GemmMicroKernel.s_forcePortable = false;
                }
                expected = (float[])w.Clone();
                TensorPrimitives.MultiplyAdd(gradient, rate, expected, expected);
            }
            for (int r = 0; r < m; r++)
            {
                for (int c = 0; c < n; c++)
                {
                    int i = r * n + c;
                    Assert.Equal(c >= first && c < end ? expected[i] : w[i], actual[i]);
                }
            }
        }
    }

    [Fact]
    public void DescendColumns_WithANonFiniteGradient_ReportsIt()
    {
        const int m = 50, n = 32, k = 20;
        var x = Enumerable.Repeat(1f, k * m).ToArray();
        var dz = Enumerable.Repeat(0.5f, k * n).ToArray();
        dz[3 * n + 20] = float.NaN;     // row 3, unit 20: every input's gradient for unit 20 is NaN
        var w = new float[m * n];
        Assert.True(Gemm.DescendColumns(x, dz, w, m, n, k, -0.1f, 0, 16));   // unit 20 is outside this block
        Assert.False(Gemm.DescendColumns(x, dz, w, m, n, k, -0.1f, 16, 32));
        Assert.True(Gemm.CanDescend(784, 128, 128));
        Assert.False(Gemm.CanDescend(784, 128, 300));  // two depth blocks: the gradient is not whole when first stored
    }

    [Theory]
    [InlineData(19, 40, 8, 16, 40)]    // 12-row, 6-row and 1-row tiles; a whole and a partial column tile; A read in place
    [InlineData(13, 160, 4, 0, 160)]   // more than 128 columns: A packed
    public void DescendColumns_WithOneInfiniteGradientAnywhere_ReportsItOnEveryKernel(int m, int n, int k, int first, int end)
    {
        // One huge input and one huge dL/dZ in the same batch row: only the gradient of that (input, unit) pair
        // overflows (1e20·1e20 = ∞ in float), so each tile position and store path must report on its own.
        var random = new Random(m + n + k);
        var x = Enumerable.Range(0, k * m).Select(_ => (float)random.NextDouble()).ToArray();
        var dz = Enumerable.Range(0, k * n).Select(_ => (float)random.NextDouble()).ToArray();
        var w = new float[m * n];
        foreach (var (portable, wideOff) in new[] { (false, false), (false, true), (true, false) })
        {
            GemmMicroKernel.s_forcePortable = portable;
            GemmWideKernel.s_disabled = wideOff;
            try
            {
                Assert.True(Gemm.DescendColumns(x, dz, w, m, n, k, -0.1f, first, end));
                for (int i = 0; i < m; i++)
                {
                    for (int j = first; j < end; j++)
                    {
                        int q = (i + j) % k;
                        float savedX = x[q * m + i], savedDz = dz[q * n + j];
                        x[q * m + i] = 1e20f;
                        dz[q * n + j] = 1e20f;
                        Array.Clear(w);
                        Assert.False(Gemm.DescendColumns(x, dz, w, m, n, k, -0.1f, first, end), $"input {i}, unit {j}, portable {portable}, wide off {wideOff}");
                        x[q * m + i] = savedX;
                        dz[q * n + j] = savedDz;
                    }
                }
            }
            finally
            {
                GemmMicroKernel.s_forcePortable = false;
                GemmWideKernel.s_disabled = false;
            }
        }
    }
}
