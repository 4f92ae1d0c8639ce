using System.Globalization;
using System.Text.Json;
using Rosenblatt.Activations;
using Rosenblatt.Data;
using Rosenblatt.Layers;
using Rosenblatt.Linear;
using Rosenblatt.Networks;
using Rosenblatt.Preprocessing;
using Rosenblatt.Training;

namespace Rosenblatt.Serialization;

/// <summary>Reads a model file: syntax, format tag and version first, then every field, each error naming the file and the field.</summary>
internal sealed partial class ModelReader
{
    private const string Resave = "the file is damaged or was edited by hand; save the model again, or restore it from a backup.";
    private readonly string _path;

    private ModelReader(string path) => _path = path;

    internal static LoadedModel Read(string path) => new ModelReader(path).Read();

    private LoadedModel Read()
    {
        using var json = Parse(ReadBytes());
        var root = json.RootElement;
        CheckHeader(root);
        ModelDocument doc;
        try
        {
            doc = root.Deserialize(ModelJsonContext.Default.ModelDocument)!;
        }
        catch (JsonException ex)
        {
            throw WrongType(ex.Path?.TrimStart('$', '.') ?? "?", ex);
        }
        var kind = ParseKind(doc.Kind);
        if (kind == ModelKind.MarkOne)
            return MarkOne(doc);
        var arch = Required(doc.Architecture, "architecture");
        int inputs = Required(arch.Inputs, "architecture.inputs");
        if (inputs < 1)
            throw Error($"architecture.inputs is {inputs}; a model needs at least 1 input.", Resave);
        var layers = Required(arch.Layers, "architecture.layers");
        if (layers.Count == 0)
            throw Error("architecture.layers is empty; a model has at least one layer.", Resave);
        string dtype = kind == ModelKind.Perceptron ? "float64" : "float32";
        if (arch.Dtype != dtype)
            throw Error($"architecture.dtype is '{arch.Dtype}' but a {ModelWriter.KindName(kind)} stores {dtype} weights.", Resave);
        var weights = Required(doc.Weights, "weights");
        if (weights.Count != layers.Count)
            throw Error($"'weights' holds {weights.Count} layers but the architecture has {layers.Count}.", Resave);
        if (doc.FeatureNames is { } names && (names.Count != inputs || names.Any(n => n is null)))
            throw Error($"featureNames holds {names.Count} names but the model has {inputs} inputs.", Resave);
        var scaler = Scaler(Required(doc.Preprocessing, "preprocessing"), inputs);
        var training = doc.Training ?? new TrainingDto();
        var summary = new TrainingSummary
        {
            Seed = training.Seed,
            Epochs = training.Epochs,
            Metrics = training.Metrics ?? [],
            Date = training.Date,
            LibraryVersion = training.Library,
        };
        var labels = kind is ModelKind.MlpRegressor or ModelKind.Network ? null : Labels(doc.Labels);
        object model = kind == ModelKind.Perceptron
            ? Perceptron(doc, labels!, inputs, layers[0], weights, training)
            : NetworkModel(doc, kind, labels, inputs, layers, weights, training);
        return new LoadedModel(_path, kind, doc.Version!.Value, model, inputs, doc.FeatureNames?.ToArray(),
            labels?.Names ?? [], labels is null ? null : labels.IsInt ? typeof(int) : typeof(string), scaler, summary);
    }

    private byte[] ReadBytes()
    {
        if (Directory.Exists(_path))
            throw Error("is a folder, not a model file.", "pass the path of a .json file saved by ModelFile.Save or 'rosenblatt train --out'.");
        if (!File.Exists(_path))
            throw Error("does not exist.", "check the path; a model file is written by ModelFile.Save or 'rosenblatt train --out'.");
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            // A regular file says its length up front; a device or a pipe (/dev/zero, /dev/urandom) says 0 and is read
            // only as far as the cap, and stops at the first byte that cannot start a JSON document.
            long length = stream.CanSeek ? stream.Length : 0;
            if (length > ModelFile.MaxFileBytes)
                throw TooLarge(length.ToString("N0", CultureInfo.InvariantCulture));
            using var buffer = new MemoryStream(length > 0 ? (int)length : 65_536);
            var chunk = new byte[65_536];
            bool checkedStart = false;
            int n;
            while ((n = stream.Read(chunk)) > 0)
            {
                if (buffer.Length + n > ModelFile.MaxFileBytes)
                    throw TooLarge($"more than {ModelFile.MaxFileBytes:N0}");
                buffer.Write(chunk, 0, n);
                if (!checkedStart)
                    checkedStart = CheckStart(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            }
            if (buffer.Length == 0)
                throw Error("is empty (0 bytes).", "the save was interrupted or the file was overwritten; save the model again.");
            return buffer.ToArray();
        }
        catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not ModelFileException)
        {
            throw Error($"cannot be read ({ex.Message}).", "check the file's permissions.", ex);
        }
    }

    /// <summary>Whether the first meaningful byte has been seen; throws when it cannot start a model file's JSON object.</summary>
    private bool CheckStart(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("\uFEFF"u8))
            head = head[3..];
        int i = 0;
        while (i < head.Length && head[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            i++;
        if (i == head.Length)
            return false;
        if (head[i] == (byte)'{')
            return true;
        throw Error($"is not a Rosenblatt model file: it does not start with a JSON object ('{{') but with the byte 0x{head[i]:X2}{(head[i] is >= 0x20 and < 0x7F ? $" ('{(char)head[i]}')" : "")}.",
            "pass a .json file saved by ModelFile.Save or 'rosenblatt train --out'; a data file or a device is not a model.");
    }

    private ModelFileException TooLarge(string size) =>
        Error($"is {size} bytes long, more than a model file may be ({ModelFile.MaxFileBytes:N0} bytes, 1 GiB).",
            "pass a model file saved by ModelFile.Save or 'rosenblatt train --out'; a network within Network.MaxParameters saves well below the limit.");

    private JsonDocument Parse(byte[] bytes)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException ex)
        {
            string where = ex.LineNumber is long line
                ? $" at line {line + 1}, byte {ex.BytePositionInLine + 1}"
                : "";
            throw Error($"is not valid JSON{where} (truncated or broken by an edit): {FirstSentence(ex.Message)}.", Resave, ex);
        }
    }

    private void CheckHeader(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            throw Error($"holds a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not a Rosenblatt model.", "pass a file saved by ModelFile.Save or 'rosenblatt train --out'.");
        string? format = root.TryGetProperty("format", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
        if (format != ModelFile.FormatName)
            throw Error(format is null
                    ? $"is not a Rosenblatt model file (it has no \"format\": \"{ModelFile.FormatName}\" field)."
                    : $"is not a Rosenblatt model file (format is '{format}', expected '{ModelFile.FormatName}').",
                "pass a file saved by ModelFile.Save or 'rosenblatt train --out'.");
        if (!root.TryGetProperty("version", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int version) || version < 1)
            throw Error($"the field 'version' is missing or not a whole number ≥ 1 (found {(root.TryGetProperty("version", out var raw) ? raw.GetRawText() : "nothing")}).", Resave);
        if (version > ModelFile.CurrentVersion)
            throw Error($"was written by a newer Rosenblatt (model file version {version}; this Rosenblatt {ModelWriter.LibraryVersion} reads version {ModelFile.CurrentVersion} and older).",
                "upgrade Rosenblatt (dotnet tool update --global Rosenblatt.Cli, or update the Rosenblatt package) to load it.");
    }

    private ModelKind ParseKind(string? kind)
    {
        var names = ModelWriter.KindNames;
        int index = Array.IndexOf(names, Required(kind, "kind"));
        return index >= 0
            ? (ModelKind)index
            : throw Error($"the kind '{kind}' is not known.", $"use {string.Join(", ", names[..^1])} or {names[^1]}; a newer Rosenblatt may know more kinds.");
    }

    private sealed record LabelSet(bool IsInt, string[] Names, int[] Ints);

    private LabelSet Labels(LabelsDto? dto)
    {
        var labels = Required(dto, "labels");
        string type = Required(labels.Type, "labels.type");
        var names = Required(labels.Names, "labels.names").ToArray();
        if (names.Length < 2)
            throw Error($"labels.names holds {names.Length} label(s); a classifier has at least 2.", Resave);
        if (names.Any(n => n is null))
            throw Error("labels.names contains null.", Resave);
        if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            throw Error("labels.names contains a label twice.", Resave);
        if (type == "string")
            return new LabelSet(false, names, []);
        if (type != "int")
            throw Error($"labels.type is '{type}'.", "use \"int\" or \"string\".");
        var ints = new int[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            if (!int.TryParse(names[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out ints[i]))
                throw Error($"labels.names[{i}] is '{names[i]}', not a whole number, but labels.type is \"int\".", Resave);
        }
        return new LabelSet(true, names, ints);
    }

    private Scaler? Scaler(PreprocessingDto dto, int inputs)
    {
        Scaler? scaler;
        try
        {
            scaler = Required(dto.Scaler, "preprocessing.scaler") switch
            {
                "none" => null,
                "standard" => StandardScaler.Restore(dto.Mean, dto.StandardDeviation),
                "minmax" => MinMaxScaler.Restore(Required(dto.RangeMin, "preprocessing.rangeMin"), Required(dto.RangeMax, "preprocessing.rangeMax"), dto.DataMin, dto.DataMax),
                var other => throw Error($"preprocessing.scaler is '{other}'.", "use none, standard or minmax."),
            };
        }
        catch (ArgumentException ex)
        {
            throw Error($"preprocessing: {ex.Message.Split(" help:")[0]}", Resave, ex);
        }
        if (scaler is not null && scaler.FeatureCount != inputs)
            throw Error($"the {scaler.Kind} scaler has {scaler.FeatureCount} features but the model has {inputs} inputs.", Resave);
        return scaler;
    }

    private object Perceptron(ModelDocument doc, LabelSet labels, int inputs, LayerDto layer, IReadOnlyList<LayerWeightsDto> weights, TrainingDto training)
    {
        int units = Required(layer.Units, "architecture.layers[0].units");
        int expectedUnits = labels.Names.Length == 2 ? 1 : labels.Names.Length;
        if (units != expectedUnits)
            throw Error($"the perceptron has {units} units but {labels.Names.Length} labels need {expectedUnits}.", Resave);
        if (layer.Activation != "step")
            throw Error($"a perceptron's activation is 'step', not '{layer.Activation}'.", Resave);
        var values = CheckLayer(1, Required(weights[0], "weights[0]").Weights?.ToDoubles(), weights[0].Bias?.ToDoubles(), inputs, units);
        var unitWeights = new (double[] Weights, double Bias)[units];
        for (int u = 0; u < units; u++)
        {
            var row = new double[inputs];
            for (int i = 0; i < inputs; i++)
                row[i] = values.Weights[i * units + u];
            unitWeights[u] = (row, values.Bias[u]);
        }
        var options = Options(doc.Options, ModelJsonContext.Default.PerceptronOptions) ?? new PerceptronOptions();
        var dto = training.Perceptron ?? new PerceptronReportDto();
        var report = new PerceptronReport
        {
            Converged = dto.Converged ?? false,
            EpochsRun = training.Epochs ?? dto.MistakesPerEpoch?.Length ?? 0,
            MistakesPerEpoch = dto.MistakesPerEpoch ?? [],
            Updates = dto.Updates ?? 0,
            TrainingAccuracy = dto.TrainingAccuracy ?? double.NaN,
            WeightsAfterEachEpoch = [],
            Summary = dto.Summary ?? "Loaded from a model file without a training report.",
        };
        return Build<object>(() =>
        {
            if (labels.IsInt)
            {
                var p = new Perceptron(options);
                p.Restore(ClassEncoder<int>.FromClasses(labels.Ints), inputs, unitWeights, report);
                return p;
            }
            var s = new Perceptron<string>(options);
            s.Restore(ClassEncoder<string>.FromClasses(labels.Names), inputs, unitWeights, report);
            return s;
        });
    }

    private object NetworkModel(ModelDocument doc, ModelKind kind, LabelSet? labels, int inputs, IReadOnlyList<LayerDto> layers,
        IReadOnlyList<LayerWeightsDto> weights, TrainingDto training)
    {
        var dense = new Dense[layers.Count];
        for (int l = 0; l < layers.Count; l++)
        {
            int units = Required(layers[l].Units, $"architecture.layers[{l}].units");
            if (units < 1)
                throw Error($"architecture.layers[{l}].units is {units}; a layer needs at least 1 unit.", Resave);
            dense[l] = new Dense(units, Activation(layers[l], l));
        }
        if (labels is not null)
        {
            var output = dense[^1];
            int k = labels.Names.Length;
            var (units, activation) = k == 2 ? (1, "sigmoid") : (k, "softmax");
            if (output.Units != units || output.Activation.Name != activation || (kind == ModelKind.LogisticRegression && dense.Length != 1))
                throw Error($"a {ModelWriter.KindName(kind)} with {k} labels ends in {units} {activation} unit(s){(kind == ModelKind.LogisticRegression ? " in its only layer" : "")}, " +
                    $"but this file's architecture is {string.Join("-", layers.Select(x => $"{x.Units} {x.Activation}"))}.", Resave);
        }
        if (kind == ModelKind.MlpRegressor && dense[^1].Activation is not Identity)
            throw Error($"an mlp-regressor's output activation is 'identity', not '{dense[^1].Activation.Name}'.", Resave);
        CheckClaims(inputs, dense, weights);
        var network = Build(() => new Network(inputs, dense, training.Seed ?? 0));
        for (int l = 0; l < dense.Length; l++)
        {
            var values = CheckLayer(l + 1, Required(weights[l], $"weights[{l}]").Weights?.ToSingles(), weights[l].Bias?.ToSingles(), dense[l].Inputs, dense[l].Units);
            dense[l].SetWeights(values.Weights, values.Bias);
        }
        var history = History(training.History);
        return kind switch
        {
            ModelKind.LogisticRegression => Build<object>(() =>
            {
                var options = Options(doc.Options, ModelJsonContext.Default.LogisticRegressionOptions);
                return Classifier(labels!, network, history, () => new LogisticRegression(options), () => new LogisticRegression<string>(options));
            }),
            ModelKind.MlpClassifier => Build<object>(() =>
            {
                var options = Options(doc.Options, ModelJsonContext.Default.MlpOptions);
                return Classifier(labels!, network, history, () => new MlpClassifier(options), () => new MlpClassifier<string>(options));
            }),
            ModelKind.MlpRegressor => Build<object>(() =>
            {
                var m = new MlpRegressor(Options(doc.Options, ModelJsonContext.Default.MlpOptions));
                m.Restore(network, history);
                return (object)m;
            }),
            _ => network,
        };
    }

    /// <summary>A network classifier with int labels (as the non-generic type) or string labels, holding the loaded state.</summary>
    private static object Classifier(LabelSet labels, Network network, TrainingHistory history,
        Func<NetworkClassifier<int>> withInts, Func<NetworkClassifier<string>> withNames)
    {
        if (labels.IsInt)
        {
            var m = withInts();
            m.Restore(ClassEncoder<int>.FromClasses(labels.Ints), network, history);
            return m;
        }
        var s = withNames();
        s.Restore(ClassEncoder<string>.FromClasses(labels.Names), network, history);
        return s;
    }

    private Activation Activation(LayerDto layer, int index)
    {
        string name = Required(layer.Activation, $"architecture.layers[{index}].activation");
        try
        {
            var activation = ActivationRegistry.FromName(name);
            return activation is LeakyRelu && layer.Slope is double slope ? new LeakyRelu(slope) : activation;
        }
        catch (ArgumentException ex)
        {
            throw Error($"architecture.layers[{index}].activation: {ex.Message.Split(" help:")[0]}",
                $"use one of: {string.Join(", ", ActivationRegistry.Names)}; a newer Rosenblatt may know more.", ex);
        }
    }

    /// <summary>Checks the sizes the architecture claims against the numbers the file really holds, before any weight is allocated.</summary>
    /// <remarks>Sizes are multiplied in 64-bit arithmetic, so a claim of 65536 × 65536 cannot wrap to 0 and pass; a claim the file
    /// cannot back (a 15 KB file declaring a 40000 × 40000 layer) is refused here instead of allocating gigabytes first.</remarks>
    private void CheckClaims(int inputs, Dense[] dense, IReadOnlyList<LayerWeightsDto> weights)
    {
        long width = inputs;
        for (int l = 0; l < dense.Length; l++)
        {
            long needed = width * dense[l].Units;
            int held = Required(weights[l], $"weights[{l}]").Weights?.Texts.Length ?? 0;
            if (held != needed)
                throw Error($"layer {l + 1} has {held:N0} weights but its architecture needs {width:N0} inputs × {dense[l].Units:N0} units = {needed:N0}.", Resave);
            width = dense[l].Units;
        }
    }

    /// <summary>Checks one layer's weight and bias lengths against the architecture and that every value is finite.</summary>
    private (T[] Weights, T[] Bias) CheckLayer<T>(int layer, T[]? weights, T[]? bias, int inputs, int units)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        var w = Required(weights, $"weights[{layer - 1}].weights");
        var b = Required(bias, $"weights[{layer - 1}].bias");
        long needed = (long)inputs * units;
        if (w.Length != needed)
            throw Error($"layer {layer} has {w.Length:N0} weights but its architecture needs {inputs:N0} inputs × {units:N0} units = {needed:N0}.", Resave);
        if (b.Length != units)
            throw Error($"layer {layer} has {b.Length} biases but {units} units.", Resave);
        for (int i = 0; i < w.Length; i++)
        {
            if (!T.IsFinite(w[i]))
                throw Error($"layer {layer}'s weight {i} (input {i / units}, unit {i % units}) is {Text(w[i])}, not a finite number.", Resave);
        }
        for (int i = 0; i < b.Length; i++)
        {
            if (!T.IsFinite(b[i]))
                throw Error($"layer {layer}'s bias {i} is {Text(b[i])}, not a finite number.", Resave);
        }
        return (w, b);
    }

    private static string Text<T>(T value) where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    private TrainingHistory History(HistoryDto? dto)
    {
        var history = new TrainingHistory();
        if (dto?.Loss is not { } loss)
            return history;
        int n = loss.Length;
        if ((dto.Accuracy?.Length ?? n) != n || (dto.ValidationLoss?.Length ?? n) != n || (dto.ValidationAccuracy?.Length ?? n) != n || (dto.LearningRate?.Length ?? n) != n
            || (dto.Epoch?.Length ?? n) != n)
            throw Error("training.history's arrays have different lengths.", Resave);
        for (int e = 0; e < n; e++)
        {
            history.Add(new EpochRecord(dto.Epoch?[e] ?? e + 1, dto.TotalEpochs ?? n, loss[e], dto.Accuracy?[e], dto.ValidationLoss?[e], dto.ValidationAccuracy?[e],
                dto.LearningRate?[e] ?? double.NaN, TimeSpan.Zero));
        }
        history.BestEpoch = dto.BestEpoch ?? 0;
        history.StoppedEarly = dto.StoppedEarly ?? false;
        history.Cancelled = dto.Cancelled ?? false;
        history.RestoredBestWeights = dto.RestoredBestWeights ?? false;
        return history;
    }

    private T? Options<T>(JsonElement? element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class =>
        element is { ValueKind: not JsonValueKind.Null } e ? Deserialize(e, type, "options") : null;

    private T Deserialize<T>(JsonElement element, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string field)
    {
        try
        {
            return element.Deserialize(type) ?? throw Error($"the field '{field}' is null.", Resave);
        }
        catch (JsonException ex)
        {
            throw WrongType(field + ex.Path?.TrimStart('$'), ex);
        }
    }

    /// <summary>Runs a model constructor, turning an invalid stored option or shape into a file error.</summary>
    private T Build<T>(Func<T> create)
    {
        try
        {
            return create();
        }
        catch (ArgumentException ex)
        {
            throw Error($"a stored setting is invalid: {ex.Message.Split(" help:")[0]}", Resave, ex);
        }
    }

    private T Required<T>(T? value, string field) where T : class =>
        value ?? throw Error($"the field '{field}' is missing.", Resave);

    private T Required<T>(T? value, string field) where T : struct =>
        value ?? throw Error($"the field '{field}' is missing.", Resave);

    private ModelFileException Error(string problem, string help, Exception? inner = null) => new(_path, problem, help, inner);

    private ModelFileException WrongType(string field, JsonException ex)
    {
        // The serializer's own text names internal types; keep only the messages written for this format.
        string detail = ex.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) ? "" : $" ({FirstSentence(ex.Message)})";
        return Error($"the field '{field}' holds a value of the wrong type{detail}.", Resave, ex);
    }

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut < 0 ? message : message[..cut]).TrimEnd('.', ' ');
    }
}
