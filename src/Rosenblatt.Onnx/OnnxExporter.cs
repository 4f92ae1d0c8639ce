using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Google.Protobuf;
using Onnx;
using Rosenblatt.Linear;
using Rosenblatt.MarkOne;
using Rosenblatt.Networks;
using Rosenblatt.Serialization;
using DataType = Onnx.TensorProto.Types.DataType;

namespace Rosenblatt.Onnx;

/// <summary>Writes fitted Rosenblatt models as ONNX files that ONNX Runtime, ML.NET, Windows ML or a browser can run.</summary>
/// <remarks>
/// <para>Every model kind exports: the perceptron (its step as the comparison <c>w·x + b ≥ 0</c>, in float64 as it learned),
/// logistic regression, the MLP classifier and regressor, and a bare <see cref="Network"/> with any of the library's
/// activations. The fitted scaler is the first part of the graph, so the file takes raw features; class names, label type,
/// feature names and the model kind travel in the model's metadata (keys in <see cref="OnnxFormat"/>).</para>
/// <para>Outputs: classifiers give <c>label</c> (int64, the class index) and <c>probabilities</c> (float32, one column per class,
/// the columns of <c>PredictProbabilities</c>) or, for the perceptron, <c>scores</c> (float64, <c>DecisionScores</c>);
/// regressors and networks give <c>output</c> (float32). Opset <see cref="OnnxFormat.Opset"/>, IR version
/// <see cref="OnnxFormat.IrVersion"/>; <c>docs/onnx.md</c> shows each graph.</para>
/// <para>This is a translator at the edge: the model types know nothing of ONNX.</para>
/// </remarks>
/// <example>
/// <code>
/// var model = ModelFile.Load("iris.json");
/// File.WriteAllBytes("iris.onnx", OnnxExporter.Export(model));
/// </code>
/// </example>
public static class OnnxExporter
{
    /// <summary>Exports a model loaded from a model file, with its scaler and feature names.</summary>
    /// <param name="model">A model read by <c>ModelFile.Load</c>.</param>
    /// <returns>The ONNX file's bytes.</returns>
    /// <exception cref="NotSupportedException">The model holds an activation from outside the library.</exception>
    public static byte[] Export(LoadedModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var options = new ModelSaveOptions { Scaler = model.Scaler, FeatureNames = model.FeatureNames };
        return model.Model switch
        {
            Perceptron<int> p => Export(p, options),
            Perceptron<string> p => Export(p, options),
            NetworkClassifier<int> c => Export(c, options),
            NetworkClassifier<string> c => Export(c, options),
            MlpRegressor r => Export(r, options),
            Network n => Export(n, options),
            MarkOnePerceptron<int> m => Export(m, options),
            MarkOnePerceptron<string> m => Export(m, options),
            var other => throw new NotSupportedException($"a {other.GetType().Name} has no ONNX export. help: export a perceptron, logistic regression, MLP classifier or regressor, or a network."),
        };
    }

    /// <summary>Exports a fitted perceptron: <c>scores = x·W + b</c> in float64, then the step (binary) or the largest score (one-vs-rest).</summary>
    /// <typeparam name="TLabel">The label type; its values become the class names.</typeparam>
    /// <param name="model">A fitted perceptron.</param>
    /// <param name="options">The scaler and feature names to include; none when null.</param>
    /// <returns>The ONNX file's bytes.</returns>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">The scaler does not fit the model.</exception>
    public static byte[] Export<TLabel>(Perceptron<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        var coefficients = model.Coefficients;
        var intercepts = model.Intercepts;
        int units = coefficients.Count, features = model.FeatureCount;
        var weights = new double[features * units];
        for (int u = 0; u < units; u++)
        {
            for (int j = 0; j < features; j++)
                weights[j * units + u] = coefficients[u][j];
        }
        var g = new GraphBuilder();
        string x = ScalerNodes.Write(g, g.Input(OnnxFormat.InputName, DataType.Float, features), options?.Scaler, features, keepDouble: true);
        string wx = g.Node("MatMul", "perceptron.matmul", [x, g.Constant("perceptron.weight", weights, features, units)]);
        string scores = g.Node("Add", "perceptron.add", [wx, g.Constant("perceptron.bias", intercepts.ToArray(), units)], OnnxFormat.ScoresName);
        if (units == 1)
        {
            string fires = g.Node("GreaterOrEqual", "perceptron.step", [scores, g.Constant("perceptron.threshold", [0.0])]);
            string index = g.Node("Cast", "perceptron.step_cast", [fires], null, GraphBuilder.Int("to", (long)DataType.Int64));
            g.Node("Reshape", "perceptron.label", [index, g.Constant("perceptron.label_shape", [-1L], 1)], OnnxFormat.LabelName);
        }
        else
        {
            g.Node("ArgMax", "perceptron.argmax", [scores], OnnxFormat.LabelName, GraphBuilder.Int("axis", 1), GraphBuilder.Int("keepdims", 0));
        }
        g.Output(OnnxFormat.LabelName, DataType.Int64, null, "the predicted class index; its name is metadata rosenblatt.classes[label]");
        g.Output(OnnxFormat.ScoresName, DataType.Double, units, "the decision score w·x + b of each unit (float64, as the perceptron computes it)");
        return Finish(g, "perceptron", model.Classes, options, features, OnnxFormat.ScoresName,
            $"Rosenblatt perceptron, {features} features, {model.Classes.Count} classes ({(units == 1 ? "one step unit" : "one-vs-rest")})");
    }

    /// <summary>Exports a trained Mark I Perceptron: lit points (≥ 0.5), the plugboard's A-units, the R-units and the class scores.</summary>
    /// <remarks>Outputs <c>label</c> (int64), <c>scores</c> (float64, the class scores <c>ClassScores</c> gives) and <c>responses</c>
    /// (float32, the R-units' ρ). The input is a retina image per row, <c>width × height</c> values.</remarks>
    /// <typeparam name="TLabel">The label type; its values become the class names.</typeparam>
    /// <param name="model">A trained machine.</param>
    /// <param name="options">The scaler and feature names to include; none when null.</param>
    /// <returns>The ONNX file's bytes.</returns>
    /// <exception cref="Diagnostics.NotFittedException">The machine has not been trained.</exception>
    public static byte[] Export<TLabel>(MarkOnePerceptron<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        var g = new GraphBuilder();
        int points = model.FeatureCount;
        string input = g.Input(OnnxFormat.InputName, DataType.Float, points);
        string x = options?.Scaler is null ? input : ScalerNodes.Write(g, input, options.Scaler, points, keepDouble: true);
        MarkOneNodes.Write(g, model, x, options?.Scaler is null ? DataType.Float : DataType.Double);
        return Finish(g, "mark-one", model.Classes, options, points, OnnxFormat.ScoresName,
            $"Rosenblatt Mark I Perceptron, {model.Plugboard.RetinaWidth}x{model.Plugboard.RetinaHeight} retina, {model.Plugboard.Units} A-units, {model.Code.Describe()}");
    }

    /// <summary>Exports a fitted logistic regression or MLP classifier: its network, then <c>probabilities</c> and <c>label</c>.</summary>
    /// <remarks>A two-class model's one sigmoid unit p becomes the two columns [1 − p, p], as <c>PredictProbabilities</c> gives them.</remarks>
    /// <typeparam name="TLabel">The label type; its values become the class names.</typeparam>
    /// <param name="model">A fitted classifier.</param>
    /// <param name="options">The scaler and feature names to include; none when null.</param>
    /// <returns>The ONNX file's bytes.</returns>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">The scaler does not fit the model.</exception>
    public static byte[] Export<TLabel>(NetworkClassifier<TLabel> model, ModelSaveOptions? options = null) where TLabel : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        var network = model.Network;
        int classes = model.Classes.Count;
        var g = new GraphBuilder();
        string x = ScalerNodes.Write(g, g.Input(OnnxFormat.InputName, DataType.Float, network.Inputs), options?.Scaler, network.Inputs, keepDouble: false);
        string networkOutput, probabilities;
        if (network.Outputs == 1)
        {
            networkOutput = NetworkNodes.Write(g, network, x, "probability_1");
            string p0 = g.Node("Sub", "probability_0", [g.Constant("one", [1f]), networkOutput]);
            probabilities = g.Node("Concat", "probabilities.concat", [p0, networkOutput], OnnxFormat.ProbabilitiesName, GraphBuilder.Int("axis", 1));
        }
        else
        {
            networkOutput = probabilities = NetworkNodes.Write(g, network, x, OnnxFormat.ProbabilitiesName);
        }
        g.Node("ArgMax", "label.argmax", [probabilities], OnnxFormat.LabelName,
            GraphBuilder.Int("axis", 1), GraphBuilder.Int("keepdims", 0), GraphBuilder.Int("select_last_index", 0));
        g.Output(OnnxFormat.LabelName, DataType.Int64, null, "the predicted class index (the first on ties); its name is metadata rosenblatt.classes[label]");
        g.Output(OnnxFormat.ProbabilitiesName, DataType.Float, classes, "the probability of each class, columns in rosenblatt.classes order");
        string kind = model is LogisticRegression<TLabel> ? "logistic-regression" : "mlp-classifier";
        return Finish(g, kind, model.Classes, options, network.Inputs, networkOutput, $"Rosenblatt {kind} {network.Shape}, {classes} classes");
    }

    /// <summary>Exports a fitted MLP regressor: its network, with <c>output</c> the predicted values.</summary>
    /// <param name="model">A fitted regressor.</param>
    /// <param name="options">The scaler and feature names to include; none when null.</param>
    /// <returns>The ONNX file's bytes.</returns>
    /// <exception cref="Diagnostics.NotFittedException">The model has not been fitted.</exception>
    /// <exception cref="ArgumentException">The scaler does not fit the model.</exception>
    public static byte[] Export(MlpRegressor model, ModelSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ExportNetwork(model.Network, "mlp-regressor", options);
    }

    /// <summary>Exports a bare network of any of the library's activations, with <c>output</c> its last layer's activations.</summary>
    /// <param name="network">The network.</param>
    /// <param name="options">The scaler and feature names to include; none when null.</param>
    /// <returns>The ONNX file's bytes.</returns>
    /// <exception cref="ArgumentException">The scaler does not fit the network.</exception>
    /// <exception cref="NotSupportedException">A layer's activation comes from outside the library.</exception>
    public static byte[] Export(Network network, ModelSaveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        return ExportNetwork(network, "network", options);
    }

    private static byte[] ExportNetwork(Network network, string kind, ModelSaveOptions? options)
    {
        var g = new GraphBuilder();
        string x = ScalerNodes.Write(g, g.Input(OnnxFormat.InputName, DataType.Float, network.Inputs), options?.Scaler, network.Inputs, keepDouble: false);
        NetworkNodes.Write(g, network, x, OnnxFormat.OutputName);
        g.Output(OnnxFormat.OutputName, DataType.Float, network.Outputs, "the network's outputs (the last layer's activations)");
        return Finish(g, kind, null, options, network.Inputs, OnnxFormat.OutputName, $"Rosenblatt {kind} {network.Shape}");
    }

    private static byte[] Finish<TLabel>(GraphBuilder g, string kind, IReadOnlyList<TLabel>? classes, ModelSaveOptions? options, int features,
        string networkOutput, string description) where TLabel : notnull
    {
        if (options?.FeatureNames is { } names && names.Count != features)
            throw new ArgumentException($"featureNames holds {names.Count} names but the model has {features} features. help: pass one name per feature column.", nameof(options));
        string version = Version;
        var model = new ModelProto
        {
            IrVersion = OnnxFormat.IrVersion,
            ProducerName = "Rosenblatt",
            ProducerVersion = version,
            ModelVersion = 1,
            DocString = description,
            Graph = g.Graph,
        };
        g.Graph.DocString = description;
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxFormat.Opset });
        Add(model, OnnxFormat.KindKey, kind);
        if (classes is not null)
        {
            Add(model, OnnxFormat.ClassesKey, JsonSerializer.Serialize(classes.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray()));
            Add(model, OnnxFormat.LabelTypeKey, typeof(TLabel) == typeof(int) ? "int" : "string");
        }
        if (options?.FeatureNames is { } featureNames)
            Add(model, OnnxFormat.FeaturesKey, JsonSerializer.Serialize(featureNames.ToArray()));
        Add(model, OnnxFormat.ScalerKey, options?.Scaler?.Kind ?? "none");
        Add(model, OnnxFormat.NetworkOutputKey, networkOutput);
        return model.ToByteArray();
    }

    private static byte[] Finish(GraphBuilder g, string kind, IReadOnlyList<string>? classes, ModelSaveOptions? options, int features, string networkOutput, string description) =>
        Finish<string>(g, kind, classes, options, features, networkOutput, description);

    private static void Add(ModelProto model, string key, string value) => model.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });

    /// <summary>This package's version, written as the file's producer version.</summary>
    internal static string Version { get; } =
        typeof(OnnxExporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
