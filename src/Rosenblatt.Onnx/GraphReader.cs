using System.Text.Json;
using Onnx;
using Rosenblatt.Activations;
using Rosenblatt.Layers;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Turns a feed-forward ONNX graph into layers: it walks back from the output to the input, then reads the chain forward.</summary>
/// <remarks>
/// <para>A layer is <c>Gemm</c>, or <c>MatMul</c> followed by <c>Add</c> (what <c>torch.onnx.export</c> and skl2onnx write for a
/// linear layer), then at most one activation: <c>Relu</c>, <c>LeakyRelu</c>, <c>Sigmoid</c>, <c>Tanh</c>, <c>Softmax</c>;
/// <c>Identity</c> changes nothing anywhere. Every other node of a foreign graph is refused by name and operator.</para>
/// <para>A file Rosenblatt wrote names its network's output tensor in its metadata; the label and probability heads after it
/// are ignored (they derive from it), its scaler is read back from the first nodes, and its step is the comparison
/// <c>GreaterOrEqual</c> + <c>Cast</c>.</para>
/// </remarks>
internal sealed class GraphReader
{
    private const string Accepted = "help: import reads feed-forward networks made of Gemm, or MatMul + Add, each followed by at most one of Relu, LeakyRelu, Sigmoid, Tanh, Softmax (Identity anywhere), as torch.onnx.export and skl2onnx write an MLP.";
    private static readonly HashSet<string> NetworkOperators = ["Gemm", "MatMul", "Add", "Relu", "LeakyRelu", "Sigmoid", "Tanh", "Softmax", "Identity"];

    private readonly ModelProto _model;
    private readonly GraphProto _graph;
    private readonly Dictionary<string, TensorProto> _constants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NodeProto> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal);
    private readonly long _opset;

    private GraphReader(ModelProto model)
    {
        _model = model;
        _graph = model.Graph ?? throw new OnnxImportException("the file has no graph. help: pass an ONNX model file (.onnx), e.g. one written by torch.onnx.export.");
        foreach (var tensor in _graph.Initializer)
            _constants[tensor.Name] = tensor;
        foreach (var entry in model.MetadataProps)
            _metadata[entry.Key] = entry.Value;
        _opset = model.OpsetImport.Where(o => o.Domain is "" or "ai.onnx").Select(o => o.Version).DefaultIfEmpty(1).Max();
        foreach (var node in _graph.Node)
        {
            if (node.OpType == "Constant" && node.Domain is "" or "ai.onnx" && node.Attribute.FirstOrDefault(a => a.Name == "value")?.T is { } value && node.Output.Count == 1)
            {
                value.Name = node.Output[0];
                _constants[node.Output[0]] = value;
                continue;
            }
            foreach (string output in node.Output)
                _producers[output] = node;
        }
    }

    internal static OnnxImportedModel Read(ModelProto model, string? output) => new GraphReader(model).Read(output);

    private bool IsRosenblatt => _metadata.ContainsKey(OnnxFormat.KindKey) && _metadata.ContainsKey(OnnxFormat.NetworkOutputKey);

    private OnnxImportedModel Read(string? output)
    {
        if (IsRosenblatt && _metadata[OnnxFormat.KindKey] is "perceptron" or "mark-one")
            throw new OnnxImportException($"this file holds a Rosenblatt {_metadata[OnnxFormat.KindKey]}, which decides with steps and float64 scores; import builds float32 networks of the operators it lists. help: load the model's own file (rosenblatt predict --model m.json) instead.");
        var inputs = _graph.Input.Where(i => !_constants.ContainsKey(i.Name)).ToArray();
        if (inputs.Length != 1)
            throw new OnnxImportException($"the graph has {inputs.Length} inputs ({string.Join(", ", inputs.Select(i => i.Name))}). help: import reads a network with one input tensor of rows × features.");
        string input = inputs[0].Name;
        string target = output is not null ? NamedOutput(output) : IsRosenblatt ? _metadata[OnnxFormat.NetworkOutputKey] : SingleOutput();
        var chain = Chain(input, target);
        if (!IsRosenblatt && output is null)
        {
            foreach (var node in _graph.Node)
            {
                if (node.OpType == "Constant" && _constants.ContainsKey(node.Output.FirstOrDefault() ?? ""))
                    continue;
                if (!NetworkOperators.Contains(node.OpType) || node.Domain is not ("" or "ai.onnx"))
                    throw Refuse(node, $"uses the operator {Op(node)}, which a Rosenblatt network does not have.");
                if (!chain.Contains(node))
                    throw Refuse(node, $"is not on the one path from the input '{input}' to the output '{target}'; import reads a plain chain of layers.");
            }
        }
        int at = 0;
        var scaler = IsRosenblatt && _metadata.GetValueOrDefault(OnnxFormat.ScalerKey, "none") != "none" ? ReadScaler(chain, ref at) : null;
        var layers = ReadLayers(chain, at, FeatureCount(inputs[0]));
        if (layers.Count == 0)
            throw new OnnxImportException($"no layer (Gemm or MatMul) lies between the input '{input}' and the output '{target}'. " + Accepted);
        var dense = layers.Select(l => new Dense(l.Units, l.Activation ?? Identity.Instance)).ToArray();
        var network = new Network(layers[0].Inputs, dense, seed: 0);
        for (int i = 0; i < layers.Count; i++)
        {
            try
            {
                dense[i].SetWeights(layers[i].Weights, layers[i].Bias);
            }
            catch (ArgumentException ex)
            {
                throw Refuse(layers[i].Node, $"holds weights Rosenblatt cannot use: {ex.Message}", ex);
            }
        }
        if (scaler is not null && scaler.FeatureCount != network.Inputs)
            throw new OnnxImportException($"the scaler has {scaler.FeatureCount} features but the first layer has {network.Inputs} inputs. help: the file is damaged; export it again.");
        return new OnnxImportedModel(network, scaler, JsonList(OnnxFormat.ClassesKey) ?? [], _metadata.GetValueOrDefault(OnnxFormat.LabelTypeKey),
            JsonList(OnnxFormat.FeaturesKey), IsRosenblatt ? _metadata[OnnxFormat.KindKey] : null,
            string.IsNullOrEmpty(_model.ProducerName) ? "unknown" : $"{_model.ProducerName} {_model.ProducerVersion}".Trim());
    }

    /// <summary>The graph output the caller chose; the nodes that feed only other outputs (a label head, say) are then left out.</summary>
    private string NamedOutput(string output)
    {
        if (_graph.Output.All(o => o.Name != output))
            throw new OnnxImportException($"the graph has no output '{output}'; its outputs are {string.Join(", ", _graph.Output.Select(o => o.Name))}. help: name one of them (the network's numbers, e.g. the probabilities).");
        return output;
    }

    private string SingleOutput()
    {
        if (_graph.Output.Count != 1)
            throw new OnnxImportException($"the graph has {_graph.Output.Count} outputs ({string.Join(", ", _graph.Output.Select(o => o.Name))}). help: name the output to import (OnnxImporter.Load(path, output), rosenblatt import --output), e.g. skl2onnx's probabilities; the nodes that feed only the other outputs are then left out.");
        return _graph.Output[0].Name;
    }

    /// <summary>The nodes from the input to <paramref name="target"/>, input side first; each takes one computed tensor (the rest are constants).</summary>
    private List<NodeProto> Chain(string input, string target)
    {
        var chain = new List<NodeProto>();
        string tensor = target;
        while (tensor != input)
        {
            if (!_producers.TryGetValue(tensor, out var node))
                throw new OnnxImportException($"the tensor '{tensor}' is neither the input '{input}' nor produced by a node. help: the file is damaged or not a feed-forward network; export it again.");
            if (chain.Contains(node))
                throw Refuse(node, "is part of a cycle. help: export a feed-forward network.");
            chain.Add(node);
            var computed = node.Input.Where(name => name.Length > 0 && !_constants.ContainsKey(name)).ToArray();
            if (computed.Length != 1)
                throw Refuse(node, computed.Length == 0
                    ? "computes from constants only. help: the file is damaged; export it again."
                    : $"combines {computed.Length} computed tensors ({string.Join(", ", computed)}), as a skip connection does; import reads a plain chain of layers. {Accepted}");
            tensor = computed[0];
        }
        chain.Reverse();
        return chain;
    }

    private sealed record Layer(NodeProto Node, int Inputs, int Units, float[] Weights, float[] Bias)
    {
        public Activation? Activation { get; set; }
    }

    private List<Layer> ReadLayers(List<NodeProto> chain, int at, int? features)
    {
        var layers = new List<Layer>();
        for (int i = at; i < chain.Count; i++)
        {
            var node = chain[i];
            switch (node.OpType)
            {
                case "Gemm":
                    layers.Add(Gemm(node, layers.Count > 0 ? layers[^1].Units : features));
                    break;
                case "MatMul":
                    var add = i + 1 < chain.Count && chain[i + 1].OpType == "Add" ? chain[++i] : null;
                    layers.Add(MatMul(node, add, layers.Count > 0 ? layers[^1].Units : features));
                    break;
                case "Identity":
                    break;
                case "Relu" or "LeakyRelu" or "Sigmoid" or "Tanh" or "Softmax":
                    SetActivation(layers, node, Activation(node));
                    break;
                case "GreaterOrEqual" when IsRosenblatt && i + 1 < chain.Count && chain[i + 1].OpType == "Cast" && IsZero(node):
                    SetActivation(layers, node, Step.Instance);
                    i++;
                    break;
                case "Add":
                    throw Refuse(node, $"follows no MatMul; import reads Add only as a MatMul's bias. {Accepted}");
                default:
                    throw Refuse(node, $"uses the operator {Op(node)}, which a Rosenblatt network does not have.");
            }
        }
        return layers;
    }

    private static void SetActivation(List<Layer> layers, NodeProto node, Activation activation)
    {
        if (layers.Count == 0)
            throw Refuse(node, $"comes before any layer; a Rosenblatt network starts with a Dense layer (Gemm or MatMul). {Accepted}");
        if (layers[^1].Activation is { } previous)
            throw Refuse(node, $"follows {previous.Name} on the same layer; a Dense layer has one activation. {Accepted}");
        layers[^1].Activation = activation;
    }

    private Activation Activation(NodeProto node)
    {
        switch (node.OpType)
        {
            case "Relu": return Relu.Instance;
            case "Sigmoid": return Sigmoid.Instance;
            case "Tanh": return Tanh.Instance;
            case "LeakyRelu":
                float alpha = node.Attribute.FirstOrDefault(a => a.Name == "alpha")?.F ?? 0.01f;
                try
                {
                    return new LeakyRelu(alpha);
                }
                catch (ArgumentException ex)
                {
                    throw Refuse(node, $"has alpha {alpha}; Rosenblatt's leaky ReLU takes a slope in [0, 1). help: {ex.Message}", ex);
                }
            default:
                long axis = node.Attribute.FirstOrDefault(a => a.Name == "axis")?.I ?? (_opset >= 13 ? -1 : 1);
                if (axis is not (-1 or 1))
                    throw Refuse(node, $"normalizes axis {axis}; a Rosenblatt softmax normalizes each row (axis 1 or -1). {Accepted}");
                return Softmax.Instance;
        }
    }

    private Layer Gemm(NodeProto node, int? inputs)
    {
        if (Float(node, "alpha", 1f) != 1f || Float(node, "beta", 1f) != 1f || Int(node, "transA", 0) != 0)
            throw Refuse(node, "has alpha or beta other than 1, or transA = 1; import reads Gemm as X·W + b. help: export the linear layer plainly (torch.nn.Linear does).");
        if (node.Input.Count < 2 || !_constants.TryGetValue(node.Input[1], out var b))
            throw Refuse(node, "takes its weights from a computed tensor, not a constant. " + Accepted);
        bool transposed = Int(node, "transB", 0) != 0;
        var (rows, columns) = Matrix2D(node, b);
        int inCount = transposed ? columns : rows, units = transposed ? rows : columns;
        CheckInputs(node, inputs, inCount);
        var values = TensorValues.Read(b, Describe(node));
        var weights = new float[inCount * units];
        for (int i = 0; i < inCount; i++)
        {
            for (int u = 0; u < units; u++)
                weights[i * units + u] = (float)(transposed ? values[u * inCount + i] : values[i * units + u]);
        }
        var bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? Bias(node, node.Input[2], units) : new float[units];
        return new Layer(node, inCount, units, weights, bias);
    }

    private Layer MatMul(NodeProto node, NodeProto? add, int? inputs)
    {
        var constant = node.Input.Select(n => _constants.GetValueOrDefault(n)).FirstOrDefault(t => t is not null)
            ?? throw Refuse(node, "multiplies two computed tensors; a layer multiplies by constant weights. " + Accepted);
        if (node.Input[1] != constant.Name)
            throw Refuse(node, "multiplies the weights by the input (W·X); a layer computes X·W. " + Accepted);
        var (inCount, units) = Matrix2D(node, constant);
        CheckInputs(node, inputs, inCount);
        var weights = Array.ConvertAll(TensorValues.Read(constant, Describe(node)), v => (float)v);
        string? biasName = add?.Input.FirstOrDefault(_constants.ContainsKey);
        var bias = add is null ? new float[units]
            : biasName is null ? throw Refuse(add, "after a MatMul adds a computed tensor, not a constant bias. " + Accepted)
            : Bias(add, biasName, units);
        return new Layer(node, inCount, units, weights, bias);
    }

    private float[] Bias(NodeProto node, string name, int units)
    {
        var values = TensorValues.Read(_constants[name], Describe(node));
        if (values.Length == units)
            return Array.ConvertAll(values, v => (float)v);
        if (values.Length == 1)
            return Enumerable.Repeat((float)values[0], units).ToArray();
        throw Refuse(node, $"adds a bias of {values.Length} values to {units} units. help: the file is damaged; export it again.");
    }

    private (int Rows, int Columns) Matrix2D(NodeProto node, TensorProto tensor)
    {
        if (tensor.Dims.Count != 2)
            throw Refuse(node, $"has weights of rank {tensor.Dims.Count}; a layer's weights are a matrix. " + Accepted);
        return ((int)tensor.Dims[0], (int)tensor.Dims[1]);
    }

    private static void CheckInputs(NodeProto node, int? expected, int actual)
    {
        if (expected is int n && n != actual)
            throw Refuse(node, $"takes {actual} inputs but the tensor before it has {n} columns. help: the file is damaged, or reshapes between layers; export a plain MLP.");
    }

    private int? FeatureCount(ValueInfoProto input)
    {
        var dims = input.Type?.TensorType?.Shape?.Dim;
        if (input.Type?.TensorType is { } tensor && (DataType)tensor.ElemType is not (DataType.Float or DataType.Double))
            throw new OnnxImportException($"the input '{input.Name}' holds {(DataType)tensor.ElemType} values. help: import reads networks whose input is float32 rows × features.");
        if (dims is { Count: > 0 } && dims.Count != 2)
            throw new OnnxImportException($"the input '{input.Name}' has rank {dims.Count}; a Rosenblatt network reads rows × features. help: flatten the input before exporting (e.g. export the model after x.view(-1, features)).");
        return dims is { Count: 2 } && dims[1].HasDimValue ? (int)dims[1].DimValue : null;
    }

    private Scaler ReadScaler(List<NodeProto> chain, ref int at)
    {
        string kind = _metadata[OnnxFormat.ScalerKey];
        string[] pattern = kind == "standard" ? ["Cast", "Sub", "Div", "Cast"] : ["Cast", "Sub", "Div", "Mul", "Add", "Cast"];
        if (chain.Count < pattern.Length || !pattern.Select((op, i) => chain[i].OpType == op).All(ok => ok))
            throw new OnnxImportException($"the metadata names a {kind} scaler but the graph does not start with {string.Join(", ", pattern)}. help: the file was edited after export; export it again.");
        double[] Values(int i) => TensorValues.Read(_constants[chain[i].Input.First(_constants.ContainsKey)], Describe(chain[i]));
        at = pattern.Length;
        try
        {
            if (kind == "standard")
            {
                var mean = Values(1);
                return StandardScaler.Restore(mean, Values(2));
            }
            var min = Values(1);
            var range = Values(2);
            double width = Values(3)[0], low = Values(4)[0];
            return MinMaxScaler.Restore(low, low + width, min, min.Select((m, j) => m + range[j]).ToArray());
        }
        catch (ArgumentException ex)
        {
            throw new OnnxImportException($"the {kind} scaler's constants are not valid: {ex.Message}", inner: ex);
        }
    }

    private bool IsZero(NodeProto node) =>
        node.Input.Count == 2 && _constants.TryGetValue(node.Input[1], out var t) && TensorValues.Read(t, Describe(node)) is [0.0];

    private IReadOnlyList<string>? JsonList(string key)
    {
        if (!_metadata.TryGetValue(key, out var json))
            return null;
        try
        {
            return JsonSerializer.Deserialize<string[]>(json);
        }
        catch (JsonException ex)
        {
            throw new OnnxImportException($"the metadata '{key}' is not a JSON list of names ({ex.Message}). help: the file was edited after export; export it again.", inner: ex);
        }
    }

    private static float Float(NodeProto node, string name, float fallback) => node.Attribute.FirstOrDefault(a => a.Name == name)?.F ?? fallback;

    private static long Int(NodeProto node, string name, long fallback) => node.Attribute.FirstOrDefault(a => a.Name == name)?.I ?? fallback;

    private static string Op(NodeProto node) => node.Domain is "" or "ai.onnx" ? node.OpType : $"{node.Domain}.{node.OpType}";

    private static string Describe(NodeProto node) => $"node '{(node.Name.Length > 0 ? node.Name : node.Output.FirstOrDefault())}' ({Op(node)})";

    private static OnnxImportException Refuse(NodeProto node, string problem, Exception? inner = null)
    {
        string message = $"{Describe(node)} {problem}";
        if (!message.Contains("help:", StringComparison.Ordinal))
            message += " " + Accepted;
        return new OnnxImportException(message, node.Name, node.OpType, inner);
    }
}
