using Google.Protobuf;
using Onnx;

namespace Rosenblatt.Onnx;

/// <summary>Reads a feed-forward network from an ONNX file (PyTorch, scikit-learn or Rosenblatt) into a Rosenblatt <c>Network</c>.</summary>
/// <remarks>
/// <para>Accepted: one float input of rows × features; layers of <c>Gemm</c> (any <c>transB</c>) or <c>MatMul</c> + <c>Add</c>, each
/// followed by at most one <c>Relu</c>, <c>LeakyRelu</c>, <c>Sigmoid</c>, <c>Tanh</c> or <c>Softmax</c>; <c>Identity</c> anywhere;
/// weights stored in the file as float32 or float64 (read as float32). That is what <c>torch.onnx.export</c> writes for an
/// <c>nn.Sequential</c> of <c>Linear</c> and activations, and what skl2onnx writes for an MLP. Anything else is refused with an
/// <see cref="OnnxImportException"/> naming the node and its operator.</para>
/// <para>A file Rosenblatt exported imports back to the same network (the label and probability heads are left out: they follow
/// from its output) with its scaler, class names and feature names; its predictions are the original model's, bit for bit.</para>
/// </remarks>
/// <example>
/// <code>
/// var imported = OnnxImporter.Load("mlp.onnx");
/// var outputs = imported.Network.Predict(Matrix.FromRows(rows));
/// imported.Save("mlp.json"); // a Rosenblatt model file
/// </code>
/// </example>
public static class OnnxImporter
{
    /// <summary>Reads the ONNX file at <paramref name="path"/>.</summary>
    /// <param name="path">An .onnx file.</param>
    /// <param name="output">The graph output to import when there are several (e.g. skl2onnx's <c>probabilities</c> beside its <c>label</c>);
    /// the nodes that feed only the other outputs are left out. Null: the file's one output (or, for a file Rosenblatt wrote, its network).</param>
    /// <returns>The network and what the file says about it.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="OnnxImportException">The file is not ONNX, or holds something other than a feed-forward network (the message names the node and operator).</exception>
    public static OnnxImportedModel Load(string path, string? output = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"the ONNX file '{path}' does not exist. help: check the path; torch.onnx.export(model, x, \"model.onnx\") writes one.", path);
        return Read(File.ReadAllBytes(path), path, output);
    }

    /// <summary>Reads an ONNX model from its bytes.</summary>
    /// <param name="onnx">The file's bytes.</param>
    /// <param name="source">How to name the bytes in messages, e.g. the file name.</param>
    /// <param name="output">The graph output to import when there are several; see <see cref="Load"/>.</param>
    /// <returns>The network and what the file says about it.</returns>
    /// <exception cref="OnnxImportException">The bytes are not ONNX, or hold something other than a feed-forward network.</exception>
    public static OnnxImportedModel Read(byte[] onnx, string source = "the ONNX model", string? output = null)
    {
        ArgumentNullException.ThrowIfNull(onnx);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(onnx);
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new OnnxImportException($"'{source}' is not an ONNX model ({ex.Message}). help: pass a .onnx file, e.g. one written by torch.onnx.export.", inner: ex);
        }
        if (model.Graph is null || model.Graph.Node.Count == 0)
            throw new OnnxImportException($"'{source}' holds no graph nodes, so it is not an ONNX model. help: pass a .onnx file, e.g. one written by torch.onnx.export.");
        try
        {
            return GraphReader.Read(model, output);
        }
        catch (OnnxImportException ex)
        {
            throw new OnnxImportException($"'{source}': {ex.Message}", ex.NodeName, ex.OperatorType, ex);
        }
    }
}
