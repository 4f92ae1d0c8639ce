using System.Numerics.Tensors;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>The fused bias + ReLU epilogue gives the bits of the two span calls it replaced, edge values included.</summary>
public class GemmEpilogueKernelTests
{
    [Fact]
    public void BiasRelu_GivesTheBitsOfTensorPrimitivesAddThenMax()
    {
        float[] specials = [float.NaN, -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon, 1e-40f, -1e-40f, 3.5f, -3.5f];
        var random = new Random(9);
        foreach (int width in new[] { 1, 7, 8, 13, 64, 67 })
        {
            for (int trial = 0; trial < 20; trial++)
            {
                float Pick() => random.Next(3) == 0 ? specials[random.Next(specials.Length)] : (float)(random.NextDouble() * 4 - 2);
                var row = Enumerable.Range(0, width).Select(_ => Pick()).ToArray();
                var bias = Enumerable.Range(0, width).Select(_ => Pick()).ToArray();
                var expected = (float[])row.Clone();
                TensorPrimitives.Add(expected, bias, expected);
                TensorPrimitives.Max(expected, 0f, expected);
                var actual = (float[])row.Clone();
                GemmEpilogueKernel.BiasRelu(actual, bias);
                for (int i = 0; i < width; i++)
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected[i]), BitConverter.SingleToInt32Bits(actual[i]));
            }
        }
    }
}
