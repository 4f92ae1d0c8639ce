using System.Globalization;
using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;
using Rosenblatt.Serialization;
using Rosenblatt.Training;

namespace Rosenblatt.Onnx;

/// <summary>A network read from an ONNX file, with what the file says about it: scaler, class names, feature names, producer.</summary>
/// <remarks>
/// <see cref="Network"/> predicts the same numbers as the file's network output (for a PyTorch or scikit-learn MLP, its one
/// output; for a file Rosenblatt wrote, the network before the label head). It expects <em>scaled</em> rows when
/// <see cref="Scaler"/> is set. <see cref="Save"/> writes a Rosenblatt model file, which the CLI's <c>predict</c>,
/// <c>evaluate</c> and <c>info</c> read.
/// </remarks>
public sealed class OnnxImportedModel
{
    internal OnnxImportedModel(Network network, Scaler? scaler, IReadOnlyList<string> classNames, string? labelType,
        IReadOnlyList<string>? featureNames, string? kind, string producer)
    {
        Network = network;
        Scaler = scaler;
        ClassNames = classNames;
        LabelType = labelType;
        FeatureNames = featureNames;
        Kind = kind;
        Producer = producer;
    }

    /// <summary>The network: one Dense layer per Gemm (or MatMul + Add), with the activation after it.</summary>
    public Network Network { get; }

    /// <summary>The scaler at the start of a graph Rosenblatt wrote, or null.</summary>
    public Scaler? Scaler { get; }

    /// <summary>The class names in class-index order, from a Rosenblatt file's metadata; empty otherwise.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The label type recorded with the class names (<c>int</c> or <c>string</c>), or null.</summary>
    public string? LabelType { get; }

    /// <summary>The feature names, when the file recorded them.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>The model kind a Rosenblatt file recorded (e.g. <c>mlp-classifier</c>); null for files from other tools.</summary>
    public string? Kind { get; }

    /// <summary>The tool that wrote the file and its version, e.g. <c>pytorch 1.13.1</c>.</summary>
    public string Producer { get; }

    /// <summary>Whether the model can be saved as a classifier: class names that fit the output (one sigmoid unit for two classes, one softmax unit per class).</summary>
    public bool IsClassifier
    {
        get
        {
            var output = Network.Layers[^1];
            return ClassNames.Count >= 2 && (ClassNames.Count == 2 && output.Units == 1 && output.Activation is Sigmoid
                || output.Units == ClassNames.Count && output.Activation is Softmax);
        }
    }

    /// <summary>Writes a Rosenblatt model file: a classifier (logistic regression or MLP) when <see cref="IsClassifier"/>, an MLP
    /// regressor when the file says it was one, else a bare network; with the scaler and feature names.</summary>
    /// <param name="path">The model file to write (JSON); an existing file is replaced atomically.</param>
    /// <exception cref="ModelFileException">The file cannot be written.</exception>
    public void Save(string path)
    {
        var options = new ModelSaveOptions { Scaler = Scaler, FeatureNames = FeatureNames };
        var history = new TrainingHistory();
        if (IsClassifier)
        {
            bool logistic = Kind == "logistic-regression" && Network.Layers.Count == 1;
            var hidden = Network.Layers.Take(Network.Layers.Count - 1).ToArray();
            var mlp = new MlpOptions
            {
                HiddenLayers = hidden.Select(l => l.Units).ToArray(),
                Activation = hidden.Length > 0 && hidden.All(l => l.Activation.Name == hidden[0].Activation.Name) && hidden[0].Activation is not Softmax
                    ? hidden[0].Activation.Name : new MlpOptions().Activation,
            };
            if (LabelType == "int" && ClassNames.All(c => int.TryParse(c, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)))
            {
                var ints = ClassNames.Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray();
                NetworkClassifier<int> model = logistic ? new LogisticRegression() : new MlpClassifier(mlp);
                model.Restore(ClassEncoder<int>.FromClasses(ints), Network, history);
                if (model is LogisticRegression l) ModelFile.Save(path, l, options);
                else ModelFile.Save(path, (MlpClassifier)model, options);
                return;
            }
            NetworkClassifier<string> named = logistic ? new LogisticRegression<string>() : new MlpClassifier<string>(mlp);
            named.Restore(ClassEncoder<string>.FromClasses(ClassNames.ToArray()), Network, history);
            if (named is LogisticRegression<string> ls) ModelFile.Save(path, ls, options);
            else ModelFile.Save(path, (MlpClassifier<string>)named, options);
            return;
        }
        if (Kind == "mlp-regressor" && Network.Layers[^1].Activation is Identity)
        {
            var regressor = new MlpRegressor();
            regressor.Restore(Network, history);
            ModelFile.Save(path, regressor, options);
            return;
        }
        ModelFile.Save(path, Network, options);
    }
}
