using Rosenblatt.Cli.Conventions;

namespace Rosenblatt.Cli.Tests.Conventions;

/// <summary>Expected strings are what NumPy ≥ 1.14 prints for <c>print(np.array([...]))</c>.</summary>
public class NumPyFormatTests
{
    [Theory]
    [InlineData(new[] { 0.03, 0.97, 0.97, 0.03 }, "[0.03 0.97 0.97 0.03]")]
    [InlineData(new[] { 1.0, 0.03 }, "[1.   0.03]")]
    [InlineData(new[] { 0.0, 1.0, 0.5, 0.5 }, "[0.  1.  0.5 0.5]")]
    [InlineData(new[] { 0.0, 1.0, 1.0, 0.0 }, "[0. 1. 1. 0.]")]
    [InlineData(new[] { -0.5, 0.25 }, "[-0.5   0.25]")]
    [InlineData(new[] { 12.34, 0.01 }, "[1.234e+01 1.000e-02]")]
    public void Array_PrintsLikeNumPy(double[] values, string expected)
    {
        Assert.Equal(expected, NumPyFormat.Array(values));
    }

    [Theory]
    [InlineData(0.025, 0.02)]
    [InlineData(0.035, 0.04)]
    [InlineData(0.02503192611038685, 0.03)]
    [InlineData(0.9747511744499207, 0.97)]
    public void Round_IsNumPysRoundHalfToEvenAfterScaling(double value, double expected)
    {
        Assert.Equal(expected, NumPyFormat.Round(value, 2));
    }
}
