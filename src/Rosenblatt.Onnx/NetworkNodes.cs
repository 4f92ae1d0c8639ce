using Rosenblatt.Activations;
using Rosenblatt.Networks;

namespace Rosenblatt.Onnx;

/// <summary>Writes a network's layers: for each, <c>Gemm</c> (<c>X·W + b</c>, W stored inputs × units as the layer holds it) and its activation.</summary>
internal static class NetworkNodes
{
    /// <summary>The network applied to <paramref name="x"/>; the last layer's activations are named <paramref name="output"/>.</summary>
    internal static string Write(GraphBuilder g, Network network, string x, string output)
    {
        for (int i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            string name = $"dense_{i + 1}";
            bool last = i == network.Layers.Count - 1;
            string activations = last ? output : $"{name}.a";
            string weights = g.Constant($"{name}.weight", layer.Weights.AsSpan(), layer.Inputs, layer.Units);
            string bias = g.Constant($"{name}.bias", layer.Bias, layer.Units);
            string z = g.Node("Gemm", name, [x, weights, bias], layer.Activation is Identity ? activations : $"{name}.z");
            x = ActivationNodes.Write(g, layer.Activation, z, name, activations);
        }
        return x;
    }
}
