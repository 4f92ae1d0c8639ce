using Rosenblatt.Activations;
using Rosenblatt.Numerics;

namespace Rosenblatt.Tests.Numerics;

/// <summary>The tiny-layer kernels give the general path's bits: Gemm, SumColumns and the activation kernels, on every small shape.</summary>
public class TinyAffineTests
{
    private static readonly int[] Rows = [1, 2, 3, 4, 5, 6, 7, 8];
    private static readonly int[] Inputs = [1, 2, 3, 4, 5, 7];
    private static readonly int[] Units = [1, 2, 3, 4, 5, 8, 9, 16];

    public static TheoryData<string> Activations() => ["sigmoid", "tanh", "relu", "identity", "leaky_relu"];

    private static TinyActivation Kind(Activation f) => f switch
    {
        Sigmoid => TinyActivation.Sigmoid,
        Tanh => TinyActivation.Tanh,
        Relu => TinyActivation.Relu,
        Identity => TinyActivation.Identity,
        _ => TinyActivation.Other,
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Forward_OnEverySmallShape_GivesTheBitsOfGemmThenTheActivation(string name)
    {
        var f = ActivationRegistry.FromName(name);
        var rng = new Random(name.Length);
        foreach (int rows in Rows)
        foreach (int inputs in Inputs)
        foreach (int units in Units)
        {
            float[] x = Values(rng, rows * inputs, 2f), w = Values(rng, inputs * units, 1.5f), b = Values(rng, units, 1f);
            int n = rows * units;
            var expectedZ = new float[n];
            var expectedA = new float[n];
            if (f is Relu)
            {
                Gemm.MultiplyAddBias(x, w, b, expectedA, rows, units, inputs, GemmEpilogue.Relu);
            }
            else
            {
                Gemm.MultiplyAddBias(x, w, b, expectedZ, rows, units, inputs);
                f.Forward(expectedZ, expectedA, units);
            }

            var a = new float[n];
            var z = f is Relu ? a : new float[n];
            bool applied = TinyAffine.Forward(x, w, b, z, a, rows, inputs, units, Kind(f));
            if (!applied)
                f.Forward(z, a, units);

            Assert.Equal(Kind(f) != TinyActivation.Other, applied);
            string shape = $"{name} {rows}×{inputs}·{inputs}×{units}";
            if (f is not Relu)
                AssertBits(expectedZ, z, shape + " z");
            AssertBits(expectedA, a, shape + " a");
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void Backward_OnEverySmallShape_GivesTheBitsOfGemmSumColumnsAndTheActivationBackward(string name)
    {
        var f = ActivationRegistry.FromName(name); // the activation of the layer below, which produced x
        var kind = Kind(f);
        if (kind == TinyActivation.Other)
            return; // the layer falls back to the general path for these
        var rng = new Random(name.Length + 100);
        foreach (int rows in Rows)
        foreach (int inputs in Inputs)
        foreach (int units in Units)
        {
            float[] zBelow = Values(rng, rows * inputs, 3f), w = Values(rng, inputs * units, 1.5f), dz = Values(rng, rows * units, 0.5f);
            var x = new float[zBelow.Length];
            f.Forward(zBelow, x, inputs);
            var belowZ = f is Relu ? x : zBelow; // a ReLU layer keeps only max(z, 0)

            var expectedDw = new float[inputs * units];
            var expectedDb = new float[units];
            var expectedDx = new float[rows * inputs];
            Gemm.Multiply(x, dz, expectedDw, inputs, units, rows, transposeA: true);
            RowKernels.SumColumns(dz, rows, units, expectedDb);
            Gemm.Multiply(dz, w, expectedDx, rows, inputs, units, transposeB: true);
            f.Backward(belowZ, x, expectedDx, expectedDx, inputs);

            // Stale values in the outputs must not leak in: they are overwritten, not accumulated.
            float[] dw = Values(rng, inputs * units, 9f), db = Values(rng, units, 9f), dx = Values(rng, rows * inputs, 9f);
            TinyAffine.Backward(x, w, dz, dw, db, dx, kind, rows, inputs, units);

            string shape = $"{name} {rows}×{inputs}·{inputs}×{units}";
            AssertBits(expectedDw, dw, shape + " dW");
            AssertBits(expectedDb, db, shape + " db");
            AssertBits(expectedDx, dx, shape + " dX");

            var firstLayerDw = new float[inputs * units];
            TinyAffine.Backward(x, w, dz, firstLayerDw, new float[units], Span<float>.Empty, kind, rows, inputs, units);
            AssertBits(expectedDw, firstLayerDw, shape + " dW without dX");
        }
    }

    [Fact]
    public void Forward_SigmoidOnEveryBlockLengthUpTo64_GivesTensorPrimitivesBits()
    {
        // The sigmoid is computed in the kernel and must match the activation's TensorPrimitives call, whose method
        // changes with the length (scalar below 4 values, overlapping vectors above): one unit, 1 to 64 rows.
        var rng = new Random(64);
        for (int rows = 1; rows <= 64; rows++)
        {
            float[] x = Values(rng, rows, 12f), w = [1f], b = [0f];
            var expected = new float[rows];
            System.Numerics.Tensors.TensorPrimitives.Sigmoid(x, expected);
            var z = new float[rows];
            var a = new float[rows];
            TinyAffine.Forward(x, w, b, z, a, rows, 1, 1, TinyActivation.Sigmoid);
            AssertBits(expected, a, $"{rows} values");
        }
    }

    [Fact]
    public void Handles_ExactlyTheShapesGemmSmallRunsForAllThreeProducts()
    {
        Assert.True(TinyAffine.Handles(4, 2, 4));
        Assert.True(TinyAffine.Handles(16, 16, 16));
        Assert.False(TinyAffine.Handles(17, 16, 16));
        Assert.False(TinyAffine.Handles(128, 784, 128));
    }

    private static float[] Values(Random rng, int n, float scale) =>
        Enumerable.Range(0, n).Select(_ => (float)(rng.NextDouble() * 2 - 1) * scale).ToArray();

    private static void AssertBits(float[] expected, ReadOnlySpan<float> actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                Assert.Fail($"{what}[{i}]: general path {expected[i]:R}, tiny kernel {actual[i]:R}");
        }
    }
}
