using Rosenblatt.Activations;
using Rosenblatt.Neurons;

namespace Rosenblatt.Tests.Neurons;

public class NeuronTests
{
    [Fact]
    public void Predict_WithSeedAndWeights_ComputesAndGate()
    {
        var neuron = new Neuron([1, 1], bias: -1.5);
        Assert.Equal(1, neuron.Predict([1, 1]));
        Assert.Equal(0, neuron.Predict([1, 0]));
        Assert.Equal(0, neuron.Predict([0, 1]));
        Assert.Equal(0, neuron.Predict([0, 0]));
    }

    [Fact]
    public void Trace_ShowsEveryTermTheBiasTheSumAndTheOutput()
    {
        var trace = new Neuron([1, 1], bias: -1.5).Trace([1, 0]);
        Assert.Equal([1.0, 0.0], trace.Terms.Select(t => t.Product));
        Assert.Equal(-1.5, trace.Bias);
        Assert.Equal(-0.5, trace.Sum);
        Assert.Equal(0, trace.Output);
        Assert.Equal("1·1 + 0·1 + (-1.5) = -0.5 → step(-0.5) = 0", trace.ToString());
    }

    [Fact]
    public void Predict_AtExactlyZeroSum_FiresLikeTheSeedsStep()
    {
        Assert.Equal(1, new Neuron([1], bias: -1).Predict([1]));
    }

    [Fact]
    public void Predict_WithWrongInputCount_NamesBothCounts()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Neuron([1, 1], -1.5).Predict([1, 0, 1]));
        Assert.Contains("2 weights", ex.Message);
        Assert.Contains("3 inputs", ex.Message);
        Assert.Contains("help:", ex.Message);
    }

    [Fact]
    public void Predict_WithNaNInput_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Neuron([1, 1], -1.5).Predict([double.NaN, 0]));
        Assert.Contains("inputs[0] is NaN", ex.Message);
    }

    [Fact]
    public void Constructor_WithInfiniteBias_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Neuron([1, 1], double.PositiveInfinity));
    }

    [Fact]
    public void Predict_WithSigmoid_GivesProbabilityBetweenZeroAndOne()
    {
        var neuron = new Neuron([2, 2], bias: -3, Sigmoid.Instance);
        Assert.Equal(1 / (1 + Math.Exp(-1)), neuron.Predict([1, 1]), 15);
    }
}
