using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Rosenblatt.Activations;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;
using Rosenblatt.Training;

namespace Rosenblatt.Serialization;

/// <summary>Turns a fitted model into a <see cref="ModelDocument"/>; every check runs here, before the disk is touched.</summary>
internal static partial class ModelWriter
{
    internal static string LibraryVersion { get; } = ReadLibraryVersion();

    internal static ModelDocument Perceptron<TLabel>(string path, Perceptron<TLabel> model, ModelSaveOptions options) where TLabel : notnull
    {
        var labels = Labels(path, model.Classes);
        var coefficients = model.Coefficients;
        var intercepts = model.Intercepts;
        int inputs = model.FeatureCount, units = coefficients.Count;
        var w = new double[inputs * units];
        for (int u = 0; u < units; u++)
        {
            for (int i = 0; i < inputs; i++)
                w[i * units + u] = coefficients[u][i];
        }
        var bias = intercepts.ToArray();
        CheckFinite(path, w, bias);
        var report = model.Report;
        var metrics = new Dictionary<string, double> { ["training_accuracy"] = report.TrainingAccuracy };
        return Document(path, ModelKind.Perceptron, inputs, "float64", [new LayerDto { Units = units, Activation = "step" }],
            [new LayerWeightsDto { Weights = WeightArray.From(w), Bias = WeightArray.From(bias) }],
            JsonSerializer.SerializeToElement(model.Options, ModelJsonContext.Default.PerceptronOptions),
            labels, options, new TrainingDto
            {
                Seed = model.Options.Seed,
                Epochs = report.EpochsRun,
                Metrics = metrics,
                Perceptron = new PerceptronReportDto
                {
                    Converged = report.Converged,
                    MistakesPerEpoch = report.MistakesPerEpoch.ToArray(),
                    Updates = report.Updates,
                    TrainingAccuracy = report.TrainingAccuracy,
                    Summary = report.Summary,
                },
            });
    }

    internal static ModelDocument LogisticRegression<TLabel>(string path, LogisticRegression<TLabel> model, ModelSaveOptions options) where TLabel : notnull =>
        FromNetwork(path, ModelKind.LogisticRegression, model.Network, Labels(path, model.Classes),
            JsonSerializer.SerializeToElement(model.Options, ModelJsonContext.Default.LogisticRegressionOptions),
            model.Options.Seed, model.History, options);

    internal static ModelDocument MlpClassifier<TLabel>(string path, MlpClassifier<TLabel> model, ModelSaveOptions options) where TLabel : notnull =>
        FromNetwork(path, ModelKind.MlpClassifier, model.Network, Labels(path, model.Classes),
            JsonSerializer.SerializeToElement(model.Options, ModelJsonContext.Default.MlpOptions),
            model.Options.Seed, model.History, options);

    internal static ModelDocument MlpRegressor(string path, MlpRegressor model, ModelSaveOptions options) =>
        FromNetwork(path, ModelKind.MlpRegressor, model.Network, null,
            JsonSerializer.SerializeToElement(model.Options, ModelJsonContext.Default.MlpOptions),
            model.Options.Seed, model.History, options);

    internal static ModelDocument Network(string path, Network network, ModelSaveOptions options) =>
        FromNetwork(path, ModelKind.Network, network, null, null, network.Seed, null, options);

    /// <summary>Each <see cref="ModelKind"/>'s name in the file's <c>kind</c> field, indexed by the enum value (the reader parses with the same table).</summary>
    internal static readonly string[] KindNames = ["perceptron", "logistic-regression", "mlp-classifier", "mlp-regressor", "network", "mark-one"];

    internal static string KindName(ModelKind kind) => KindNames[(int)kind];

    private static ModelDocument FromNetwork(string path, ModelKind kind, Network network, LabelsDto? labels,
        JsonElement? hyperparameters, int seed, TrainingHistory? history, ModelSaveOptions options)
    {
        var layers = new List<LayerDto>();
        var weights = new List<LayerWeightsDto>();
        foreach (var layer in network.Layers)
        {
            layers.Add(new LayerDto
            {
                Units = layer.Units,
                Activation = layer.Activation.Name,
                Slope = layer.Activation is LeakyRelu leaky ? leaky.Slope : null,
            });
            var w = layer.Weights.AsSpan().ToArray();
            var b = (float[])layer.Bias.Clone();
            CheckFinite(path, w, b);
            weights.Add(new LayerWeightsDto { Weights = WeightArray.From(w), Bias = WeightArray.From(b) });
        }
        var metrics = new Dictionary<string, double>();
        HistoryDto? historyDto = null;
        if (history is { Epochs.Count: > 0 })
        {
            var last = history.Last;
            metrics["loss"] = last.Loss;
            if (last.Accuracy is double a) metrics["accuracy"] = a;
            if (last.ValidationLoss is double vl) metrics["validation_loss"] = vl;
            if (last.ValidationAccuracy is double va) metrics["validation_accuracy"] = va;
            historyDto = new HistoryDto
            {
                TotalEpochs = last.TotalEpochs,
                Epoch = history.Epochs.Select((e, i) => e.Epoch != i + 1).Any(gap => gap) ? history.Epochs.Select(e => e.Epoch).ToArray() : null,
                Loss = history.Epochs.Select(e => e.Loss).ToArray(),
                Accuracy = history.Epochs.Select(e => e.Accuracy).ToArray(),
                ValidationLoss = history.Epochs.Select(e => e.ValidationLoss).ToArray(),
                ValidationAccuracy = history.Epochs.Select(e => e.ValidationAccuracy).ToArray(),
                LearningRate = history.Epochs.Select(e => e.LearningRate).ToArray(),
                BestEpoch = history.BestEpoch,
                StoppedEarly = history.StoppedEarly,
                Cancelled = history.Cancelled,
                RestoredBestWeights = history.RestoredBestWeights,
            };
        }
        return Document(path, kind, network.Inputs, "float32", layers, weights, hyperparameters, labels, options, new TrainingDto
        {
            Seed = seed,
            Epochs = history is { Epochs.Count: > 0 } ? history.Last.Epoch : options.Epochs,
            Metrics = metrics,
            History = historyDto,
        });
    }

    private static ModelDocument Document(string path, ModelKind kind, int inputs, string dtype, List<LayerDto> layers, List<LayerWeightsDto> weights,
        JsonElement? hyperparameters, LabelsDto? labels, ModelSaveOptions options, TrainingDto training)
    {
        if (options.FeatureNames is { } names && names.Count != inputs)
            throw new ModelFileException(path, $"{names.Count} feature names were given but the model has {inputs} features.",
                "pass one name per feature column, in training order, or none.");
        if (options.FeatureNames?.Any(n => n is null) == true)
            throw new ModelFileException(path, "a feature name is null.", "pass a name for every feature column.");
        var metrics = new Dictionary<string, double>(training.Metrics ?? []);
        foreach (var (name, value) in options.Metrics ?? new Dictionary<string, double>())
            metrics[name] = value;
        return new ModelDocument
        {
            Format = ModelFile.FormatName,
            Version = ModelFile.CurrentVersion,
            Kind = KindName(kind),
            FeatureNames = options.FeatureNames?.ToArray(),
            Labels = labels,
            Preprocessing = Preprocessing(path, options.Scaler, inputs),
            Architecture = new ArchitectureDto { Inputs = inputs, Dtype = dtype, Layers = layers },
            Weights = weights,
            Options = hyperparameters,
            Training = training with { Metrics = metrics, Date = DateTimeOffset.UtcNow, Library = LibraryVersion },
        };
    }

    private static PreprocessingDto Preprocessing(string path, Scaler? scaler, int inputs)
    {
        if (scaler is null)
            return new PreprocessingDto { Scaler = "none" };
        if (!scaler.IsFitted)
            throw new ModelFileException(path, $"the {scaler.Kind} scaler has not been fitted.",
                "fit the scaler on the training features (scaler.Fit(trainX)) and train the model on its output before saving.");
        if (scaler.FeatureCount != inputs)
            throw new ModelFileException(path, $"the scaler was fitted on {scaler.FeatureCount} features but the model has {inputs}.",
                "pass the scaler whose output the model was trained on.");
        return scaler switch
        {
            StandardScaler s => new PreprocessingDto { Scaler = s.Kind, Mean = s.Mean.ToArray(), StandardDeviation = s.StandardDeviation.ToArray() },
            MinMaxScaler m => new PreprocessingDto { Scaler = m.Kind, RangeMin = m.RangeMin, RangeMax = m.RangeMax, DataMin = m.DataMin.ToArray(), DataMax = m.DataMax.ToArray() },
            _ => throw new ModelFileException(path, $"scalers of type {scaler.GetType().Name} cannot be saved.", "use StandardScaler or MinMaxScaler."),
        };
    }

    private static LabelsDto Labels<TLabel>(string path, IReadOnlyList<TLabel> classes) where TLabel : notnull
    {
        if (typeof(TLabel) == typeof(int))
            return new LabelsDto { Type = "int", Names = classes.Select(c => ((int)(object)c).ToString(CultureInfo.InvariantCulture)).ToArray() };
        if (typeof(TLabel) == typeof(string))
            return new LabelsDto { Type = "string", Names = classes.Select(c => (string)(object)c).ToArray() };
        throw new ModelFileException(path, $"labels of type {typeof(TLabel).Name} cannot be saved.",
            "train the model with int or string labels (e.g. the class names as strings).");
    }

    private static void CheckFinite<T>(string path, T[] weights, T[] bias) where T : System.Numerics.IFloatingPointIeee754<T>
    {
        if (weights.Any(v => !T.IsFinite(v)) || bias.Any(v => !T.IsFinite(v)))
            throw new ModelFileException(path, "the model's weights contain NaN or infinite values.",
                "the training diverged; lower the learning rate or scale the features, train again, then save.");
    }

    private static string ReadLibraryVersion()
    {
        string? version = typeof(ModelWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        version ??= typeof(ModelWriter).Assembly.GetName().Version?.ToString() ?? "unknown";
        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
