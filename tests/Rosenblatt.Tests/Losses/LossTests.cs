using Rosenblatt.Activations;
using Rosenblatt.Losses;

namespace Rosenblatt.Tests.Losses;

/// <summary>Each loss's value and output gradient by hand, and the fused pairs' stability at extreme logits.</summary>
public class LossTests
{
    private static float[] Apply(Activation f, float[] z, int columns)
    {
        var a = new float[z.Length];
        f.Forward(z, a, columns);
        return a;
    }

    [Fact]
    public void MeanSquaredError_IsTheMeanOfSquaredErrors_WithGradientTwoErrorOverNTimesTheSlope()
    {
        float[] z = [0.5f, -1f], y = [1f, 0f];
        var a = Apply(Identity.Instance, z, 1);
        Assert.Equal((0.25 + 1) / 2, MeanSquaredError.Instance.Compute(z, a, y, 1), 6);
        var grad = new float[2];
        MeanSquaredError.Instance.OutputGradient(Identity.Instance, z, a, y, grad, 1);
        Assert.Equal([2 * -0.5f / 2, 2 * -1f / 2], grad);
    }

    [Fact]
    public void BinaryCrossEntropy_MatchesTheTextbookFormula_WithFusedGradientAMinusYOverN()
    {
        float[] z = [0.3f, -1.2f, 2f], y = [1f, 0f, 0f];
        var a = Apply(Sigmoid.Instance, z, 1);
        double expected = 0;
        for (int i = 0; i < 3; i++)
        {
            double s = 1 / (1 + Math.Exp(-z[i]));
            expected -= y[i] * Math.Log(s) + (1 - y[i]) * Math.Log(1 - s);
        }
        Assert.Equal(expected / 3, BinaryCrossEntropy.Instance.Compute(z, a, y, 1), 6);
        var grad = new float[3];
        BinaryCrossEntropy.Instance.OutputGradient(Sigmoid.Instance, z, a, y, grad, 1);
        for (int i = 0; i < 3; i++)
            Assert.Equal((a[i] - y[i]) / 3, grad[i], 6);
    }

    [Fact]
    public void BinaryCrossEntropy_AtExtremeLogits_IsFiniteAndExact()
    {
        // σ(−100) rounds to 0 in float32, so log(a) would be −∞; from the logit the loss is exactly 100.
        float[] z = [-100f, 100f, 100f], y = [1f, 0f, 1f];
        var a = Apply(Sigmoid.Instance, z, 1);
        double loss = BinaryCrossEntropy.Instance.Compute(z, a, y, 1);
        Assert.Equal((100 + 100 + Math.Log(1 + Math.Exp(-100))) / 3, loss, 6);
        var grad = new float[3];
        BinaryCrossEntropy.Instance.OutputGradient(Sigmoid.Instance, z, a, y, grad, 1);
        Assert.All(grad, g => Assert.True(float.IsFinite(g)));
        Assert.Equal(-1f / 3, grad[0], 6);
    }

    [Fact]
    public void CategoricalCrossEntropy_IsMinusLogOfTheTrueClassProbability_WithFusedGradient()
    {
        float[] z = [1f, 2f, 0.5f, -1f, 0f, 3f], y = [0f, 1f, 0f, 1f, 0f, 0f];
        var a = Apply(Softmax.Instance, z, 3);
        double p0 = Math.Exp(2) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(0.5));
        double p1 = Math.Exp(-1) / (Math.Exp(-1) + Math.Exp(0) + Math.Exp(3));
        Assert.Equal(-(Math.Log(p0) + Math.Log(p1)) / 2, CategoricalCrossEntropy.Instance.Compute(z, a, y, 3), 6);
        var grad = new float[6];
        CategoricalCrossEntropy.Instance.OutputGradient(Softmax.Instance, z, a, y, grad, 3);
        for (int i = 0; i < 6; i++)
            Assert.Equal((a[i] - y[i]) / 2, grad[i], 6); // divided by the number of samples
    }

    [Fact]
    public void CategoricalCrossEntropy_WithHugeLogits_UsesLogSumExpAndStaysFinite()
    {
        // exp(1000) overflows even in double; the max-shifted log-sum-exp gives exactly 1000 − 0 for the wrong class.
        float[] z = [1000f, 0f, -1000f], y = [0f, 1f, 0f];
        var a = Apply(Softmax.Instance, z, 3);
        Assert.All(a, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1000, CategoricalCrossEntropy.Instance.Compute(z, a, y, 3), 6);
        Assert.Equal(0, CategoricalCrossEntropy.Instance.Compute(z, a, [1f, 0f, 0f], 3), 6);
    }

    [Theory]
    [InlineData("binary_crossentropy", "relu", 1, "binary cross-entropy needs a sigmoid output layer, but the output activation is relu.")]
    [InlineData("categorical_crossentropy", "sigmoid", 3, "categorical cross-entropy needs a softmax output layer, but the output activation is sigmoid.")]
    [InlineData("categorical_crossentropy", "softmax", 1, "categorical cross-entropy needs one output unit per class, at least 2 (received 1).")]
    public void CheckCompatible_PairThatMakesNoSense_ExplainsAndHelps(string loss, string activation, int units, string expected)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => LossRegistry.FromName(loss).CheckCompatible(ActivationRegistry.FromName(activation), units));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Registry_UnknownName_ListsTheKnownOnes() =>
        Assert.Contains("use one of: mse, binary_crossentropy, categorical_crossentropy", Assert.ThrowsAny<ArgumentException>(() => LossRegistry.FromName("hinge")).Message);
}
