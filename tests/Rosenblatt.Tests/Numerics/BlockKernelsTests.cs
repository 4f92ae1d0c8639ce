using System.Numerics.Tensors;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>The column-block kernels of a split training step give each value the bits of the whole-matrix kernels.</summary>
public class BlockKernelsTests
{
    [Theory]
    [InlineData(7, 40, 0, 16)]
    [InlineData(7, 40, 16, 40)]   // a partial last tile: 24 columns
    [InlineData(3, 128, 64, 128)]
    [InlineData(5, 13, 0, 13)]     // narrower than a vector
    public void MultiplyAddIfFinite_OnABlock_GivesTheBitsOfMultiplyAddOnTheWholeMatrix(int rows, int columns, int first, int end)
    {
        var random = new Random(rows * 1000 + columns);
        var gradient = Enumerable.Range(0, rows * columns).Select(_ => (float)(random.NextDouble() * 2 - 1) * 1e-2f).ToArray();
        var weights = Enumerable.Range(0, rows * columns).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var expected = (float[])weights.Clone();
        TensorPrimitives.MultiplyAdd(gradient, -0.1f, expected, expected);

        var actual = (float[])weights.Clone();
        Assert.True(BlockKernels.MultiplyAddIfFinite(gradient, -0.1f, actual, columns, first, end));
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int i = r * columns + c;
                Assert.Equal(c >= first && c < end ? expected[i] : weights[i], actual[i]);
            }
        }
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void MultiplyAddIfFinite_WithANonFiniteGradientInTheBlock_ReportsItAndLeavesThatRowAlone(float bad)
    {
        var gradient = new float[4 * 32];
        var weights = Enumerable.Repeat(1f, 4 * 32).ToArray();
        gradient[2 * 32 + 20] = bad; // row 2, inside the block [16, 32)
        Assert.False(BlockKernels.MultiplyAddIfFinite(gradient, -0.5f, weights, 32, 16, 32));
        Assert.All(weights.AsSpan(2 * 32, 32).ToArray(), w => Assert.Equal(1f, w));
        Assert.False(BlockKernels.AllFinite(gradient, 32, 16, 32));
        Assert.True(BlockKernels.AllFinite(gradient, 32, 0, 16)); // outside the block: not looked at
    }
}
