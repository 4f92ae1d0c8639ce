using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

[Collection(EngineSettingsCollection.Name)]
public class GemmEngineTests
{
    [Theory]
    [InlineData(false, false, 0f)]
    [InlineData(true, false, 1f)]
    [InlineData(false, true, 0.5f)]
    [InlineData(true, true, 0f)]
    public void Multiply_WithOneOrTwoThreads_GivesBitIdenticalResults(bool transposeA, bool transposeB, float beta)
    {
        const int m = 301, n = 263, k = 700;
        Assert.Equal(2, Gemm.Partition(m, n, k, 2).Parts);
        var rng = new Random(7);
        float[] a = GemmReference.Random(rng, m * k), b = GemmReference.Random(rng, k * n), c0 = GemmReference.Random(rng, m * n);
        float[] one = (float[])c0.Clone(), two = (float[])c0.Clone();
        int saved = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = 1;
            Gemm.Multiply(a, b, one, m, n, k, transposeA, transposeB, beta);
            Parallelism.MaxThreads = 2;
            Gemm.Multiply(a, b, two, m, n, k, transposeA, transposeB, beta);
        }
        finally
        {
            Parallelism.MaxThreads = saved;
        }
        Assert.Equal(one, two);
    }

    [Fact]
    public void Multiply_SplitAlongColumns_GivesBitIdenticalResultsToOneThread()
    {
        const int m = 20, n = 2200, k = 300;
        Assert.False(Gemm.Partition(m, n, k, 3).SplitRows);
        var rng = new Random(8);
        float[] a = GemmReference.Random(rng, m * k), b = GemmReference.Random(rng, k * n);
        float[] one = new float[m * n], three = new float[m * n];
        int saved = Parallelism.MaxThreads;
        try
        {
            Parallelism.MaxThreads = 1;
            Gemm.Multiply(a, b, one, m, n, k);
            Parallelism.MaxThreads = 3;
            Gemm.Multiply(a, b, three, m, n, k);
        }
        finally
        {
            Parallelism.MaxThreads = saved;
        }
        Assert.Equal(one, three);
    }

    [Fact]
    public void Multiply_WithPortableFallbackKernel_MatchesDoubleReference()
    {
        var rng = new Random(11);
        GemmMicroKernel.s_forcePortable = true;
        try
        {
            foreach (var (m, n, k) in new[] { (33, 129, 7), (129, 33, 300), (7, 17, 129) })
            {
                foreach (bool ta in new[] { false, true })
                {
                    float[] a = GemmReference.Random(rng, m * k), b = GemmReference.Random(rng, k * n), c = GemmReference.Random(rng, m * n);
                    var (expected, scale) = GemmReference.Multiply(a, b, c, m, n, k, ta, !ta, 1f);
                    Gemm.Multiply(a, b, c, m, n, k, ta, !ta, 1f);
                    for (int i = 0; i < c.Length; i++)
                        Assert.True(Math.Abs(c[i] - expected[i]) <= GemmReference.Tolerance(k) * scale[i]);
                }
            }
        }
        finally
        {
            GemmMicroKernel.s_forcePortable = false;
        }
    }

    [Fact]
    public void Multiply_WideKernelAndSixRowKernel_GiveBitIdenticalResultsOnEveryPath()
    {
        // Packed A (wide n), A read in place by rows (n ≤ 128), Aᵀ read in place, edge columns, each store mode.
        var rng = new Random(17);
        foreach (var (m, n, k) in new[] { (128, 128, 784), (150, 300, 70), (37, 10, 128), (784, 128, 128), (25, 33, 257) })
        {
            foreach (var (ta, tb, beta) in new[] { (false, false, 0f), (true, false, 1f), (false, true, 0.5f), (true, true, 0f) })
            {
                float[] a = GemmReference.Random(rng, m * k), b = GemmReference.Random(rng, k * n), c0 = GemmReference.Random(rng, m * n);
                float[] wide = (float[])c0.Clone(), narrow = (float[])c0.Clone();
                Gemm.Multiply(a, b, wide, m, n, k, ta, tb, beta);
                GemmWideKernel.s_disabled = true;
                try
                {
                    Gemm.Multiply(a, b, narrow, m, n, k, ta, tb, beta);
                }
                finally
                {
                    GemmWideKernel.s_disabled = false;
                }
                Assert.Equal(narrow, wide);
            }
        }
    }

    [Theory]
    [InlineData(GemmEpilogue.None, 1)]
    [InlineData(GemmEpilogue.Relu, 1)]
    [InlineData(GemmEpilogue.Sigmoid, 1)]
    [InlineData(GemmEpilogue.None, 2)]
    [InlineData(GemmEpilogue.Relu, 2)]
    [InlineData(GemmEpilogue.Sigmoid, 2)]
    public void MultiplyAddBias_EqualsMultiplyThenBiasThenActivation_BitForBit(GemmEpilogue epilogue, int threads)
    {
        var rng = new Random(13);
        foreach (var (m, n, k) in new[] { (4, 3, 2), (128, 130, 784), (70, 10, 128), (3, 2000, 300) })
        {
            float[] a = GemmReference.Random(rng, m * k), b = GemmReference.Random(rng, k * n), bias = GemmReference.Random(rng, n);
            float[] fused = new float[m * n], separate = new float[m * n];
            int saved = Parallelism.MaxThreads;
            try
            {
                Parallelism.MaxThreads = threads;
                Gemm.MultiplyAddBias(a, b, bias, fused, m, n, k, epilogue);
                Parallelism.MaxThreads = 1;
                Gemm.Multiply(a, b, separate, m, n, k);
            }
            finally
            {
                Parallelism.MaxThreads = saved;
            }
            RowKernels.AddRowVector(separate, m, n, bias, separate);
            if (epilogue == GemmEpilogue.Relu)
                ActivationKernels.Relu(separate, separate);
            else if (epilogue == GemmEpilogue.Sigmoid)
                ActivationKernels.Sigmoid(separate, separate);
            Assert.Equal(separate, fused);
        }
    }

    [Fact]
    public void MaxThreads_BelowOne_ThrowsWithHelp()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Parallelism.MaxThreads = 0);
        Assert.Contains("(received 0)", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Theory]
    [InlineData(128, 6, 2)]
    [InlineData(10, 16, 3)]
    [InlineData(2200, 16, 3)]
    public void Slice_CoversTheLengthWithWholeTilesAndNoGaps(int length, int tile, int parts)
    {
        int next = 0;
        for (int part = 0; part < parts; part++)
        {
            var (start, end) = GemmWorkers.Slice(length, tile, part, parts);
            Assert.Equal(next, start);
            Assert.True(start % tile == 0);
            next = end;
        }
        Assert.Equal(length, next);
    }
}
