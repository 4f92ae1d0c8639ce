using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class GemmTests
{
    private static readonly int[] Sizes = [1, 7, 33, 129];

    /// <summary>Shapes (m, n, k) beyond the size grid: tile, depth-block, row-block and column-block edges.</summary>
    private static readonly (int M, int N, int K)[] EdgeShapes =
    [
        (1, 7, 129), (33, 129, 7), (6, 16, 1), (12, 32, 256), (13, 17, 257), (150, 40, 600),
        (145, 50, 513), (5, 2100, 9), (64, 64, 64), (1, 1, 1000),
    ];

    public static TheoryData<bool, bool, float> Forms()
    {
        var data = new TheoryData<bool, bool, float>();
        foreach (bool ta in new[] { false, true })
            foreach (bool tb in new[] { false, true })
                foreach (float beta in new[] { 0f, 1f, -0.5f })
                    data.Add(ta, tb, beta);
        return data;
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Multiply_OnEveryShapeOfTheSizeGrid_MatchesDoubleReferenceWithinErrorBound(bool transposeA, bool transposeB, float beta)
    {
        var rng = new Random(1234);
        foreach (int m in Sizes)
            foreach (int n in Sizes)
                foreach (int k in Sizes)
                    AssertMatchesReference(rng, m, n, k, transposeA, transposeB, beta);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Multiply_OnBlockAndTileEdges_MatchesDoubleReferenceWithinErrorBound(bool transposeA, bool transposeB, float beta)
    {
        var rng = new Random(99);
        foreach (var (m, n, k) in EdgeShapes)
            AssertMatchesReference(rng, m, n, k, transposeA, transposeB, beta);
    }

    [Fact]
    public void Multiply_OnXorShapes_GivesExactProducts()
    {
        float[] x = [0, 0, 0, 1, 1, 0, 1, 1];       // 4×2
        float[] w = [1, 2, 3, 4, 5, 6, 7, 8];       // 2×4
        var z = new float[16];
        Gemm.Multiply(x, w, z, m: 4, n: 4, k: 2);
        Assert.Equal([0, 0, 0, 0, 5, 6, 7, 8, 1, 2, 3, 4, 6, 8, 10, 12], z);
    }

    [Fact]
    public void Multiply_WithBetaZero_IgnoresNaNAlreadyInC()
    {
        var rng = new Random(5);
        foreach (var (m, n, k) in new[] { (2, 3, 4), (40, 50, 60) })
        {
            var c = Enumerable.Repeat(float.NaN, m * n).ToArray();
            Gemm.Multiply(GemmReference.Random(rng, m * k), GemmReference.Random(rng, k * n), c, m, n, k);
            Assert.All(c, v => Assert.True(float.IsFinite(v)));
        }
    }

    [Theory]
    [InlineData(0f)]
    [InlineData(2f)]
    public void Multiply_WithZeroDepth_ScalesCByBeta(float beta)
    {
        float[] c = [1, 2, 3, 4, 5, 6];
        Gemm.Multiply([], [], c, m: 2, n: 3, k: 0, beta: beta);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }.Select(v => v * beta), c);
    }

    [Fact]
    public void Multiply_WithEmptyOutput_DoesNothing()
    {
        Gemm.Multiply([], new float[12], [], m: 0, n: 4, k: 3);
        Gemm.Multiply(new float[6], [], [], m: 2, n: 0, k: 3);
    }

    [Fact]
    public void Multiply_Matrices_InfersShapesForAllThreeBackpropForms()
    {
        var rng = new Random(3);
        var x = new Matrix(33, 20, GemmReference.Random(rng, 33 * 20));   // batch × in
        var w = new Matrix(20, 7, GemmReference.Random(rng, 20 * 7));     // in × out
        var z = Gemm.Multiply(x, w);                                       // batch × out
        var dw = Gemm.Multiply(x, z, transposeA: true);                   // in × out
        var dx = Gemm.Multiply(z, w, transposeB: true);                   // batch × in
        Assert.Equal((33, 7), (z.Rows, z.Columns));
        Assert.Equal((20, 7), (dw.Rows, dw.Columns));
        Assert.Equal((33, 20), (dx.Rows, dx.Columns));
        var expected = GemmReference.Multiply(x.AsSpan().ToArray(), z.AsSpan().ToArray(), new float[140], 20, 7, 33, true, false, 0f);
        for (int i = 0; i < expected.Values.Length; i++)
            Assert.True(Math.Abs(dw.AsSpan()[i] - expected.Values[i]) <= GemmReference.Tolerance(33) * expected.Scale[i]);
    }

    [Fact]
    public void Multiply_MatricesWithMismatchedInnerDimensions_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new Matrix(3, 4), new Matrix(5, 2)));
        Assert.Contains("a is 3×4 but b is 5×2", ex.Message);
        Assert.Contains("help:", ex.Message);
        Assert.Equal("b", ex.ParamName);
    }

    [Fact]
    public void Multiply_IntoWronglyShapedMatrix_QuotesExpectedAndReceivedShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new Matrix(3, 4), new Matrix(4, 2), new Matrix(2, 3)));
        Assert.Contains("c must be 3×2", ex.Message);
        Assert.Contains("(received 2×3)", ex.Message);
    }

    [Theory]
    [InlineData(11, 8, 6, "a", "a must hold 12 floats for A stored m×k = 3×4 (received 11)")]
    [InlineData(12, 9, 6, "b", "b must hold 8 floats for B stored k×n = 4×2 (received 9)")]
    [InlineData(12, 8, 5, "c", "c must hold 6 floats for C stored m×n = 3×2 (received 5)")]
    public void Multiply_WithWrongSpanLength_NamesTheSpanAndQuotesBothLengths(int aLength, int bLength, int cLength, string param, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(new float[aLength], new float[bLength], new float[cLength], m: 3, n: 2, k: 4));
        Assert.Equal(param, ex.ParamName);
        Assert.Contains(message, ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Multiply_WithTransposedOperandOfWrongLength_DescribesTheStoredShape()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(new float[12], new float[7], new float[6], m: 3, n: 2, k: 4, transposeB: true));
        Assert.Contains("Bᵀ stored n×k = 2×4", ex.Message);
    }

    [Fact]
    public void Multiply_WithNegativeDimension_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Gemm.Multiply([], [], [], m: -1, n: 2, k: 2));
        Assert.Equal("m", ex.ParamName);
        Assert.Contains("(received -1)", ex.Message);
    }

    [Fact]
    public void Multiply_WithOutputOverlappingAnInput_Throws()
    {
        var buffer = new float[20];
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.Multiply(buffer.AsSpan(0, 4), new float[4], buffer.AsSpan(2, 4), m: 2, n: 2, k: 2));
        Assert.Contains("c overlaps a", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void MultiplyAddBias_WithWrongBiasLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() =>
            Gemm.MultiplyAddBias(new float[4], new float[4], new float[3], new float[4], m: 2, n: 2, k: 2));
        Assert.Equal("bias", ex.ParamName);
        Assert.Contains("bias must hold n = 2 values", ex.Message);
    }

    [Theory]
    [InlineData(4, 4, 2, false, false)]
    [InlineData(128, 10, 128, true, false)]
    [InlineData(128, 128, 784, false, false)]
    [InlineData(200, 300, 100, false, true)]
    public void Multiply_AfterWarmUp_AllocatesNothingOnTheCallingThread(int m, int n, int k, bool transposeA, bool transposeB)
    {
        var rng = new Random(2);
        float[] a = GemmReference.Random(rng, m * k), b = GemmReference.Random(rng, k * n), c = new float[m * n];
        Gemm.Multiply(a, b, c, m, n, k, transposeA, transposeB);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Gemm.Multiply(a, b, c, m, n, k, transposeA, transposeB);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static void AssertMatchesReference(Random rng, int m, int n, int k, bool transposeA, bool transposeB, float beta)
    {
        float[] a = GemmReference.Random(rng, m * k);
        float[] b = GemmReference.Random(rng, k * n);
        float[] c = GemmReference.Random(rng, m * n);
        var (expected, scale) = GemmReference.Multiply(a, b, c, m, n, k, transposeA, transposeB, beta);
        Gemm.Multiply(a, b, c, m, n, k, transposeA, transposeB, beta);
        double tolerance = GemmReference.Tolerance(k);
        for (int i = 0; i < c.Length; i++)
        {
            double error = Math.Abs(c[i] - expected[i]);
            if (!(error <= tolerance * scale[i]))
            {
                Assert.Fail($"m={m} n={n} k={k} transposeA={transposeA} transposeB={transposeB} beta={beta}: " +
                    $"C[{i / n},{i % n}] = {c[i]} but reference is {expected[i]} (error {error:E2} > bound {tolerance * scale[i]:E2}).");
            }
        }
    }
}
