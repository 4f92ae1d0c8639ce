using System.Globalization;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Numerics;
using Rosenblatt.Preprocessing;

namespace Rosenblatt.Serialization;

/// <summary>A model read from a model file, with everything saved alongside it: scaler, labels, feature names and training summary.</summary>
/// <remarks>
/// <see cref="Model"/> is the restored estimator (<c>Perceptron</c>, <c>LogisticRegression</c>,
/// <c>MlpClassifier</c> (each with int or string labels), <c>MlpRegressor</c>) or a bare <c>Network</c>;
/// int-labelled models come back as the non-generic types (<c>Perceptron</c>, not <c>Perceptron&lt;int&gt;</c>).
/// The estimator expects <em>scaled</em> rows when a scaler was saved: <see cref="PredictLabels"/> and
/// <see cref="PredictOutputs"/> check the feature count and apply the scaler for you. A Mark I
/// (<c>MarkOnePerceptron</c>) gives class scores from <see cref="PredictOutputs"/> (see <c>ResponseCode.Scores</c>).
/// </remarks>
public sealed class LoadedModel
{
    internal LoadedModel(string filePath, ModelKind kind, int version, object model, int featureCount, IReadOnlyList<string>? featureNames,
        IReadOnlyList<string> labelNames, Type? labelType, Scaler? scaler, TrainingSummary training)
    {
        FilePath = filePath;
        Kind = kind;
        Version = version;
        Model = model;
        FeatureCount = featureCount;
        FeatureNames = featureNames;
        LabelNames = labelNames;
        LabelType = labelType;
        Scaler = scaler;
        Training = training;
    }

    /// <summary>The file the model was read from.</summary>
    public string FilePath { get; }

    /// <summary>What kind of model the file holds.</summary>
    public ModelKind Kind { get; }

    /// <summary>The file's format version.</summary>
    public int Version { get; }

    /// <summary>The restored model, ready to predict (on scaled rows when <see cref="Scaler"/> is set).</summary>
    public object Model { get; }

    /// <summary>The number of features per row the model expects (before scaling).</summary>
    public int FeatureCount { get; }

    /// <summary>The feature column names in training order, when they were saved.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>The class labels as text, in class-index order; empty for regressors and bare networks.</summary>
    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>The label type the model was trained with (<c>int</c> or <c>string</c>); null for regressors and bare networks.</summary>
    public Type? LabelType { get; }

    /// <summary>Whether the model assigns class labels.</summary>
    public bool IsClassifier => LabelType is not null;

    /// <summary>The scaler fitted on the training features, or null when the model was trained on raw features.</summary>
    public Scaler? Scaler { get; }

    /// <summary>How the model was trained: seed, epochs, final metrics, date, library version.</summary>
    public TrainingSummary Training { get; }

    /// <summary>The model as <typeparamref name="T"/>, e.g. <c>As&lt;Perceptron&gt;()</c> or <c>As&lt;MlpClassifier&lt;string&gt;&gt;()</c>.</summary>
    /// <typeparam name="T">The model type expected.</typeparam>
    /// <exception cref="ModelFileException">The file holds another kind of model.</exception>
    public T As<T>() where T : class =>
        Model as T ?? throw new ModelFileException(FilePath,
            $"holds a {ModelWriter.KindName(Kind)} ({TypeName(Model.GetType())}), not a {TypeName(typeof(T))}.",
            $"load it as {TypeName(Model.GetType())}, or pass a file that holds a {TypeName(typeof(T))}.");

    /// <summary>Checks that data with <paramref name="featureCount"/> columns fits this model.</summary>
    /// <param name="featureCount">The data's feature count.</param>
    /// <param name="dataName">How to name the data in the message, e.g. the CSV file.</param>
    /// <exception cref="ModelFileException">The counts differ (the message gives both).</exception>
    public void CheckFeatureCount(int featureCount, string dataName = "the data")
    {
        if (featureCount != FeatureCount)
            throw new ModelFileException(FilePath, $"the model expects {FeatureCount} features, {dataName} has {featureCount}.",
                $"pass data with the {FeatureCount} feature columns the model was trained on{(FeatureNames is null ? "" : $" ({string.Join(", ", FeatureNames)})")}, in that order.");
    }

    /// <summary>Checks the feature count and applies the saved scaler, returning the rows the model expects.</summary>
    /// <param name="x">Raw rows, as the training data was before scaling.</param>
    /// <exception cref="ModelFileException">A feature-count mismatch.</exception>
    /// <exception cref="ArgumentException">Empty or ragged rows, or NaN values.</exception>
    public double[][] Preprocess(IReadOnlyList<double[]> x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Count > 0 && x[0] is { } first)
            CheckFeatureCount(first.Length);
        if (Scaler is not null)
            return Scaler.Transform(x);
        Diagnostics.Guard.Features(x, nameof(x), FeatureCount);
        return x.ToArray();
    }

    /// <summary>The predicted label of each raw row, as text (the scaler is applied first).</summary>
    /// <param name="x">Raw rows with <see cref="FeatureCount"/> values.</param>
    /// <exception cref="InvalidOperationException">The model is a regressor or a bare network.</exception>
    /// <exception cref="ModelFileException">A feature-count mismatch.</exception>
    public string[] PredictLabels(IReadOnlyList<double[]> x)
    {
        if (!IsClassifier)
            throw new InvalidOperationException($"the {ModelWriter.KindName(Kind)} in '{FilePath}' predicts numbers, not labels. help: use PredictOutputs.");
        var rows = Preprocess(x);
        return Model switch
        {
            Perceptron<int> m => Text(m.Predict(rows)),
            Perceptron<string> m => m.Predict(rows),
            NetworkClassifier<int> m => Text(m.Predict(rows)),
            NetworkClassifier<string> m => m.Predict(rows),
            MarkOne.MarkOnePerceptron<int> m => Text(m.Predict(rows)),
            MarkOne.MarkOnePerceptron<string> m => m.Predict(rows),
            _ => throw new InvalidOperationException($"unexpected model type {Model.GetType().Name}."),
        };
    }

    /// <summary>The model's numeric output for each raw row: class probabilities (logistic regression, MLP classifier; columns in
    /// <see cref="LabelNames"/> order), decision scores <c>w·x + b</c> (perceptron; one per unit), or predicted values (regressor, network).</summary>
    /// <param name="x">Raw rows with <see cref="FeatureCount"/> values.</param>
    /// <exception cref="ModelFileException">A feature-count mismatch.</exception>
    public double[][] PredictOutputs(IReadOnlyList<double[]> x)
    {
        var rows = Preprocess(x);
        return Model switch
        {
            Perceptron<int> m => m.DecisionScores(rows),
            Perceptron<string> m => m.DecisionScores(rows),
            NetworkClassifier<int> m => m.PredictProbabilities(rows),
            NetworkClassifier<string> m => m.PredictProbabilities(rows),
            MlpRegressor m => m.Predict(rows),
            Network n => n.Predict(Matrix.FromRows(rows)).ToRows().Select(r => Array.ConvertAll(r, v => (double)v)).ToArray(),
            MarkOne.MarkOnePerceptron<int> m => m.ClassScores(rows),
            MarkOne.MarkOnePerceptron<string> m => m.ClassScores(rows),
            _ => throw new InvalidOperationException($"unexpected model type {Model.GetType().Name}."),
        };
    }

    private static string[] Text(int[] labels) => Array.ConvertAll(labels, l => l.ToString(CultureInfo.InvariantCulture));

    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(TypeName))}>" : type.Name switch
        {
            "Int32" => "int",
            "String" => "string",
            var name => name,
        };
}
