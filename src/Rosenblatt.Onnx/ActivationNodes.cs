using Rosenblatt.Activations;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Writes each of the library's activations as ONNX operators, and reads them back.</summary>
/// <remarks>The step has no ONNX operator: it is the comparison <c>z ≥ 0</c> (<c>GreaterOrEqual</c>) cast back to 0.0/1.0,
/// inclusive at 0 as the tutorials' <c>np.where(z &gt;= 0, 1, 0)</c>. Identity writes nothing.</remarks>
internal static class ActivationNodes
{
    /// <summary>The activation of layer <paramref name="layer"/> applied to <paramref name="z"/>; returns the activations' tensor.</summary>
    /// <exception cref="NotSupportedException">An activation from outside the library, which has no known ONNX form.</exception>
    internal static string Write(GraphBuilder g, Activation activation, string z, string layer, string output) => activation switch
    {
        Identity => z,
        Relu => g.Node("Relu", $"{layer}.relu", [z], output),
        LeakyRelu leaky => g.Node("LeakyRelu", $"{layer}.leaky_relu", [z], output, GraphBuilder.Float("alpha", (float)leaky.Slope)),
        Sigmoid => g.Node("Sigmoid", $"{layer}.sigmoid", [z], output),
        Tanh => g.Node("Tanh", $"{layer}.tanh", [z], output),
        Softmax => g.Node("Softmax", $"{layer}.softmax", [z], output, GraphBuilder.Int("axis", -1)),
        Step => g.Node("Cast", $"{layer}.step_cast",
            [g.Node("GreaterOrEqual", $"{layer}.step", [z, g.Constant($"{layer}.threshold", [0f])])], output,
            GraphBuilder.Int("to", (long)DataType.Float)),
        _ => throw new NotSupportedException(
            $"the activation '{activation.Name}' ({activation.GetType().Name}) has no ONNX form. help: ONNX export knows the library's own activations: {string.Join(", ", ActivationRegistry.Names)}."),
    };
}
