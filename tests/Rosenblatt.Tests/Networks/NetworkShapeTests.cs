using Rosenblatt.Layers;
using Rosenblatt.Networks;

namespace Rosenblatt.Tests.Networks;

/// <summary>Shapes between layers: inferred when the network is built, checked when weights are set by hand.</summary>
public class NetworkShapeTests
{
    [Fact]
    public void Constructor_WiresEachLayersInputsToTheLayerBelow()
    {
        var network = new Network(3, new Dense(5, "relu"), new Dense(4, "tanh"), new Dense(2, "softmax"));
        Assert.Equal("3-5-4-2", network.Shape);
        Assert.Equal([3, 5, 4], network.Layers.Select(l => l.Inputs));
        Assert.Equal((3 * 5 + 5) + (5 * 4 + 4) + (4 * 2 + 2), network.ParameterCount);
    }

    [Fact]
    public void SetWeights_WithTheWrongCount_NamesBothShapes()
    {
        var network = new Network(2, new Dense(4, "sigmoid"), new Dense(1, "sigmoid"));
        var ex = Assert.ThrowsAny<ArgumentException>(() => network.Layers[1].SetWeights(new float[8], new float[1]));
        Assert.Contains("the layer has 4×1 = 4 weights but received 8", ex.Message);
        Assert.Contains("help: pass inputs × units values", ex.Message);
    }

    [Fact]
    public void SetWeights_WithTheWrongBiasCount_SaysOnePerUnit() =>
        Assert.Contains("the layer has 4 biases but received 3",
            Assert.ThrowsAny<ArgumentException>(() => new Network(2, new Dense(4, "relu")).Layers[0].SetWeights(new float[8], new float[3])).Message);

    [Fact]
    public void Weights_BeforeTheLayerIsInANetwork_SaysWhatToDo() =>
        Assert.Contains("help: create new Network(inputs, layers...) first", Assert.Throws<InvalidOperationException>(() => new Dense(3, "relu").Weights).Message);

    [Fact]
    public void Constructor_WithNoLayers_SaysToAddAnOutputLayer() =>
        Assert.Contains("help: add at least an output layer", Assert.ThrowsAny<ArgumentException>(() => new Network(2)).Message);

    [Fact]
    public void Dense_WithZeroUnits_NamesUnits() =>
        Assert.Contains("units must be >= 1 (received 0)", Assert.ThrowsAny<ArgumentException>(() => new Dense(0, "relu")).Message);
}
