using System.Runtime.InteropServices;
using Google.Protobuf;
using Onnx;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Adds nodes, constants, inputs and outputs to an ONNX graph, naming each tensor once.</summary>
/// <remarks>Constants are stored as little-endian <c>raw_data</c>, the compact form every ONNX reader accepts.</remarks>
internal sealed class GraphBuilder
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    /// <summary>The graph being built.</summary>
    internal GraphProto Graph { get; } = new() { Name = "rosenblatt" };

    /// <summary>Adds a float32 constant and returns its name.</summary>
    internal string Constant(string name, ReadOnlySpan<float> values, params long[] dims) =>
        Constant(name, DataType.Float, MemoryMarshal.AsBytes(values), dims);

    /// <summary>Adds a float64 constant and returns its name.</summary>
    internal string Constant(string name, ReadOnlySpan<double> values, params long[] dims) =>
        Constant(name, DataType.Double, MemoryMarshal.AsBytes(values), dims);

    /// <summary>Adds an int64 constant and returns its name.</summary>
    internal string Constant(string name, ReadOnlySpan<long> values, params long[] dims) =>
        Constant(name, DataType.Int64, MemoryMarshal.AsBytes(values), dims);

    /// <summary>Adds a node computing one tensor and returns that tensor's name.</summary>
    /// <param name="op">The operator, e.g. <c>Gemm</c>.</param>
    /// <param name="name">The node's name; its output is called the same unless <paramref name="output"/> says otherwise.</param>
    /// <param name="inputs">The input tensors.</param>
    /// <param name="output">The output tensor's name, or null for <paramref name="name"/>.</param>
    /// <param name="attributes">The node's attributes.</param>
    internal string Node(string op, string name, string[] inputs, string? output = null, params AttributeProto[] attributes)
    {
        string result = Claim(output ?? name);
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.AddRange(inputs);
        node.Output.Add(result);
        node.Attribute.AddRange(attributes);
        Graph.Node.Add(node);
        return result;
    }

    /// <summary>Declares the graph input: <paramref name="type"/>, a dynamic row count <c>N</c> × <paramref name="columns"/>.</summary>
    internal string Input(string name, DataType type, int columns)
    {
        Graph.Input.Add(Value(Claim(name), type, columns));
        return name;
    }

    /// <summary>Declares a graph output; <paramref name="columns"/> null means one value per row (shape <c>[N]</c>).</summary>
    internal void Output(string name, DataType type, int? columns, string doc)
    {
        var value = Value(name, type, columns);
        value.DocString = doc;
        Graph.Output.Add(value);
    }

    internal static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    internal static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private string Constant(string name, DataType type, ReadOnlySpan<byte> bytes, long[] dims)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("ONNX raw tensor data is little-endian; this machine is big-endian. help: export on an x64 or arm64 machine.");
        var tensor = new TensorProto { Name = Claim(name), DataType = (int)type, RawData = ByteString.CopyFrom(bytes) };
        tensor.Dims.AddRange(dims);
        Graph.Initializer.Add(tensor);
        return name;
    }

    private static ValueInfoProto Value(string name, DataType type, int? columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "N" });
        if (columns is int c)
            shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = c });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)type, Shape = shape } },
        };
    }

    private string Claim(string name)
    {
        if (!_names.Add(name))
            throw new InvalidOperationException($"the tensor name '{name}' is used twice in one graph; this is a bug in Rosenblatt.Onnx.");
        return name;
    }
}
