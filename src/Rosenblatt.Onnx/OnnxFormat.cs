namespace Rosenblatt.Onnx;

/// <summary>The ONNX versions, tensor names and metadata keys of the files Rosenblatt writes (<c>docs/onnx.md</c>).</summary>
/// <remarks>
/// Opset 13 with IR version 7 (ONNX 1.8) is old enough for every runtime that matters to a .NET developer
/// (ONNX Runtime, ML.NET, Windows ML, onnxruntime-web) and new enough to have every operator an exported
/// model needs: <c>Gemm</c>, <c>MatMul</c>, <c>Add</c>, <c>Sub</c>, <c>Mul</c>, <c>Div</c>, <c>Cast</c>, <c>Relu</c>,
/// <c>LeakyRelu</c>, <c>Sigmoid</c>, <c>Tanh</c>, <c>Softmax</c> (single-axis form), <c>GreaterOrEqual</c>,
/// <c>ArgMax</c>, <c>Concat</c>, <c>Reshape</c>, and for the Mark I <c>Where</c>, <c>Abs</c>, <c>ReduceSum</c> and <c>Identity</c>.
/// </remarks>
public static class OnnxFormat
{
    /// <summary>The default-domain operator set version of exported files.</summary>
    public const int Opset = 13;

    /// <summary>The ONNX IR (file format) version of exported files.</summary>
    public const int IrVersion = 7;

    /// <summary>The one graph input: float32, rows × features (raw features; the scaler runs inside the graph).</summary>
    public const string InputName = "input";

    /// <summary>The predicted class index of each row (int64, rows); the class name is <c>rosenblatt.classes[label]</c>.</summary>
    public const string LabelName = "label";

    /// <summary>The class probabilities (float32, rows × classes), for logistic regression and MLP classifiers.</summary>
    public const string ProbabilitiesName = "probabilities";

    /// <summary>A perceptron's decision scores <c>w·x + b</c> (float64, rows × units).</summary>
    public const string ScoresName = "scores";

    /// <summary>The predicted values of a regressor or bare network (float32, rows × outputs).</summary>
    public const string OutputName = "output";

    /// <summary>Metadata key: the model kind as in model files (<c>perceptron</c>, <c>logistic-regression</c>, <c>mlp-classifier</c>, <c>mlp-regressor</c>, <c>network</c>).</summary>
    public const string KindKey = "rosenblatt.kind";

    /// <summary>Metadata key: the class names in class-index order, as a JSON array of strings.</summary>
    public const string ClassesKey = "rosenblatt.classes";

    /// <summary>Metadata key: the label type the model was trained with, <c>int</c> or <c>string</c>.</summary>
    public const string LabelTypeKey = "rosenblatt.label_type";

    /// <summary>Metadata key: the feature names in column order, as a JSON array of strings (when known).</summary>
    public const string FeaturesKey = "rosenblatt.features";

    /// <summary>Metadata key: the scaler inside the graph: <c>none</c>, <c>standard</c> or <c>minmax</c>.</summary>
    public const string ScalerKey = "rosenblatt.scaler";

    /// <summary>Metadata key: the tensor holding the network's own output (before any label or probability head), which import reads up to.</summary>
    public const string NetworkOutputKey = "rosenblatt.network_output";
}
