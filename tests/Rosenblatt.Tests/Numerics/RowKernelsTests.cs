using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

public class RowKernelsTests
{
    public static TheoryData<int> Lengths()
    {
        var data = new TheoryData<int>();
        for (int n = 0; n <= 256; n++)
            data.Add(n);
        return data;
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AddRowVector_AtEveryWidthUpTo256_MatchesScalarLoop(int columns)
    {
        var rng = new Random(columns);
        const int rows = 3;
        float[] x = Values(rng, rows * columns), row = Values(rng, columns);
        var d = new float[x.Length];
        RowKernels.AddRowVector(x, rows, columns, row, d);
        for (int i = 0; i < x.Length; i++)
            Assert.Equal(x[i] + row[i % columns], d[i]);
        RowKernels.AddRowVector(x, rows, columns, row, x);
        Assert.Equal(d, x);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SumColumns_AtEveryWidthUpTo256_AddsRowsInOrderLikeScalarLoop(int columns)
    {
        var rng = new Random(columns);
        const int rows = 5;
        float[] x = Values(rng, rows * columns);
        var d = new float[columns];
        RowKernels.SumColumns(x, rows, columns, d);
        var acc = Values(rng, columns);
        var expectedAcc = (float[])acc.Clone();
        RowKernels.SumColumns(x, rows, columns, acc, accumulate: true);
        for (int c = 0; c < columns; c++)
        {
            float sum = 0f, fromAcc = expectedAcc[c];
            for (int r = 0; r < rows; r++)
            {
                sum += x[r * columns + c];
                fromAcc += x[r * columns + c];
            }
            Assert.Equal(sum, d[c]);
            Assert.Equal(fromAcc, acc[c]);
        }
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void SoftmaxRows_AtEveryWidthUpTo256_MatchesDoubleReferenceAndSumsToOne(int columns)
    {
        if (columns == 0)
            return;
        var rng = new Random(columns);
        const int rows = 2;
        float[] x = Values(rng, rows * columns).Select(v => v * 20).ToArray();
        var d = new float[x.Length];
        RowKernels.SoftmaxRows(x, rows, columns, d);
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * columns, columns).ToArray();
            double max = row.Max();
            double total = row.Sum(v => Math.Exp(v - max));
            for (int c = 0; c < columns; c++)
                Assert.Equal(Math.Exp(row[c] - max) / total, d[r * columns + c], 1e-6);
            Assert.Equal(1.0, d.AsSpan(r * columns, columns).ToArray().Sum(v => (double)v), 1e-5);
        }
        RowKernels.SoftmaxRows(x, rows, columns, x);
        Assert.Equal(d, x);
    }

    [Fact]
    public void SoftmaxRows_GivesTheSameBitsAsRowByRowVectorSteps()
    {
        // The kernel replaces library calls by loops where that is exact; the library steps per row (max, subtract, exp, sum, divide) must give identical bits.
        var rng = new Random(21);
        foreach (int rows in new[] { 1, 2, 3, 7, 128 })
        {
            for (int columns = 1; columns <= 40; columns++)
            {
                var x = new float[rows * columns];
                for (int i = 0; i < x.Length; i++)
                    x[i] = (float)(rng.NextDouble() * 40 - 20);
                x[0] = -0f;
                var expected = new float[x.Length];
                for (int r = 0; r < rows; r++)
                {
                    var src = x.AsSpan(r * columns, columns);
                    var dst = expected.AsSpan(r * columns, columns);
                    float max = System.Numerics.Tensors.TensorPrimitives.Max(src);
                    System.Numerics.Tensors.TensorPrimitives.Subtract(src, max, dst);
                    System.Numerics.Tensors.TensorPrimitives.Exp(dst, dst);
                    float sum = System.Numerics.Tensors.TensorPrimitives.Sum(dst);
                    System.Numerics.Tensors.TensorPrimitives.Divide(dst, sum, dst);
                }
                var actual = new float[x.Length];
                RowKernels.SoftmaxRows(x, rows, columns, actual);
                Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), actual.Select(BitConverter.SingleToInt32Bits));
            }
        }
    }

    [Fact]
    public void SoftmaxRows_WithHugeLogits_StaysFinite()
    {
        float[] x = [1000f, 999f, -1000f];
        var d = new float[3];
        RowKernels.SoftmaxRows(x, 1, 3, d);
        Assert.All(d, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1 / (1 + Math.Exp(-1)), d[0], 1e-6);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ArgmaxRows_AtEveryWidthUpTo256_FindsFirstLargest(int columns)
    {
        if (columns == 0)
            return;
        var rng = new Random(columns);
        const int rows = 3;
        float[] x = Values(rng, rows * columns).Select(v => MathF.Round(v * 4)).ToArray(); // many ties
        var d = new int[rows];
        RowKernels.ArgmaxRows(x, rows, columns, d);
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * columns, columns);
            int best = 0;
            for (int c = 1; c < columns; c++)
                if (row[c] > row[best])
                    best = c;
            Assert.Equal(best, d[r]);
        }
    }

    [Fact]
    public void AddRowVector_WithWrongMatrixLength_QuotesShapeAndLength()
    {
        var ex = Assert.Throws<ArgumentException>(() => RowKernels.AddRowVector(new float[5], 2, 3, new float[3], new float[6]));
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("x must hold rows · columns = 2 · 3 = 6 floats (received 5)", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void SumColumns_WithDestinationOfWrongLength_NamesDestination()
    {
        var ex = Assert.Throws<ArgumentException>(() => RowKernels.SumColumns(new float[6], 2, 3, new float[2]));
        Assert.Equal("destination", ex.ParamName);
    }

    [Fact]
    public void SoftmaxRows_WithZeroColumns_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => RowKernels.SoftmaxRows([], 2, 0, []));
        Assert.Equal("columns", ex.ParamName);
    }

    private static float[] Values(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        return x;
    }
}
