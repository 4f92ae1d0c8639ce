using Rosenblatt.Activations;

namespace Rosenblatt.Tests.Activations;

/// <summary>Every activation's batch forward pass at known points, and the step function's refusal to be trained through.</summary>
public class ActivationTests
{
    private static readonly float[] Z = [-2f, -0.5f, 0f, 0.5f, 2f];

    private static float[] Forward(string name, float[] z, int columns = 1)
    {
        var a = new float[z.Length];
        ActivationRegistry.FromName(name).Forward(z, a, columns);
        return a;
    }

    [Theory]
    [InlineData("step", new[] { 0.0, 0.0, 1.0, 1.0, 1.0 })]
    [InlineData("relu", new[] { 0.0, 0.0, 0.0, 0.5, 2.0 })]
    [InlineData("leaky_relu", new[] { -0.02, -0.005, 0.0, 0.5, 2.0 })]
    [InlineData("identity", new[] { -2.0, -0.5, 0.0, 0.5, 2.0 })]
    public void Forward_PiecewiseActivations_GiveTheirDefiningValues(string name, double[] expected) =>
        Assert.Equal(expected.Select(v => (float)v), Forward(name, Z));

    [Theory]
    [InlineData("sigmoid")]
    [InlineData("tanh")]
    public void Forward_SmoothActivations_MatchTheMathLibrary(string name)
    {
        Func<double, double> f = name == "sigmoid" ? z => 1 / (1 + Math.Exp(-z)) : Math.Tanh;
        var a = Forward(name, Z);
        for (int i = 0; i < Z.Length; i++)
            Assert.Equal(f(Z[i]), a[i], 6);
    }

    [Fact]
    public void Softmax_EachRowSumsToOne_AndHugeLogitsStayFinite()
    {
        var a = Forward("softmax", [1f, 2f, 3f, 1000f, 0f, -1000f], columns: 3);
        double e = Math.Exp(1) + Math.Exp(2) + Math.Exp(3);
        Assert.Equal(Math.Exp(3) / e, a[2], 6);
        Assert.Equal(1.0, a[0] + a[1] + a[2], 6);
        Assert.Equal([1f, 0f, 0f], a[3..]);
    }

    [Fact]
    public void Step_Backward_ExplainsWhyAndSuggestsSigmoid()
    {
        var g = new float[Z.Length];
        var ex = Assert.Throws<InvalidOperationException>(() => Step.Instance.Backward(Z, Forward("step", Z), g, g, 1));
        Assert.Contains("The step activation has no gradient: its slope is 0 everywhere except at 0", ex.Message);
        Assert.Contains("help: use the sigmoid activation", ex.Message);
        Assert.False(Step.Instance.IsDifferentiable);
    }

    [Fact]
    public void Registry_KnowsEveryActivationAndNamesTheRest()
    {
        Assert.Equal(["step", "sigmoid", "tanh", "relu", "leaky_relu", "softmax", "identity"], ActivationRegistry.Names);
        Assert.All(ActivationRegistry.Names, n => Assert.Equal(n, ActivationRegistry.FromName(n).Name));
        Assert.Contains("use one of: step, sigmoid", Assert.ThrowsAny<ArgumentException>(() => ActivationRegistry.FromName("swish")).Message);
    }
}
