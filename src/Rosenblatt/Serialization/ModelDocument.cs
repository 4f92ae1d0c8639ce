using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rosenblatt.Serialization;

// The model file's shape, version 1 (docs/model-files.md). Every field is nullable so a missing one is
// reported by name after reading, rather than as a deserializer error.

/// <summary>The whole model file.</summary>
internal sealed record ModelDocument
{
    public string? Format { get; init; }
    public int? Version { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<string>? FeatureNames { get; init; }
    public LabelsDto? Labels { get; init; }
    public PreprocessingDto? Preprocessing { get; init; }
    public ArchitectureDto? Architecture { get; init; }
    public IReadOnlyList<LayerWeightsDto>? Weights { get; init; }
    public JsonElement? Options { get; init; }
    public TrainingDto? Training { get; init; }
    public MarkOneDto? MarkOne { get; init; }
}

/// <summary>Class labels: their type (<c>int</c> or <c>string</c>) and their names in class-index order.</summary>
internal sealed record LabelsDto
{
    public string? Type { get; init; }
    public IReadOnlyList<string>? Names { get; init; }
}

/// <summary>The scaler applied before the model: kind <c>none</c>, <c>standard</c> (mean, std) or <c>minmax</c> (range, data min and max).</summary>
internal sealed record PreprocessingDto
{
    public string? Scaler { get; init; }
    [JsonConverter(typeof(DoubleArrayConverter))] public double[]? Mean { get; init; }
    [JsonConverter(typeof(DoubleArrayConverter))] public double[]? StandardDeviation { get; init; }
    public double? RangeMin { get; init; }
    public double? RangeMax { get; init; }
    [JsonConverter(typeof(DoubleArrayConverter))] public double[]? DataMin { get; init; }
    [JsonConverter(typeof(DoubleArrayConverter))] public double[]? DataMax { get; init; }
}

/// <summary>Input width, weight precision and the layers.</summary>
internal sealed record ArchitectureDto
{
    public int? Inputs { get; init; }
    public string? Dtype { get; init; }
    public IReadOnlyList<LayerDto>? Layers { get; init; }
}

/// <summary>One dense layer: unit count and activation name (with leaky ReLU's slope).</summary>
internal sealed record LayerDto
{
    public int? Units { get; init; }
    public string? Activation { get; init; }
    public double? Slope { get; init; }
}

/// <summary>One layer's weights (inputs × units, row-major) and biases, at the architecture's dtype (float32 for networks, float64 for the perceptron).</summary>
internal sealed record LayerWeightsDto
{
    public WeightArray? Weights { get; init; }
    public WeightArray? Bias { get; init; }
}

/// <summary>The training summary, plus the perceptron's report or the trainer's history.</summary>
internal sealed record TrainingDto
{
    public int? Seed { get; init; }
    public int? Epochs { get; init; }
    public Dictionary<string, double>? Metrics { get; init; }
    public DateTimeOffset? Date { get; init; }
    public string? Library { get; init; }
    public PerceptronReportDto? Perceptron { get; init; }
    public HistoryDto? History { get; init; }
}

/// <summary>A perceptron's report, without the per-epoch weight path and the step log.</summary>
internal sealed record PerceptronReportDto
{
    public bool? Converged { get; init; }
    [JsonConverter(typeof(Int32ArrayConverter))] public int[]? MistakesPerEpoch { get; init; }
    public int? Updates { get; init; }
    public double? TrainingAccuracy { get; init; }
    public string? Summary { get; init; }
}

/// <summary>The trainer's history, one array per figure with one entry per epoch (elapsed times are not kept).</summary>
internal sealed record HistoryDto
{
    public int? TotalEpochs { get; init; }
    /// <summary>Each entry's epoch number, written only when the history was thinned (otherwise entry i is epoch i + 1).</summary>
    [JsonConverter(typeof(Int32ArrayConverter))] public int[]? Epoch { get; init; }
    [JsonConverter(typeof(DoubleArrayConverter))] public double[]? Loss { get; init; }
    [JsonConverter(typeof(NullableDoubleArrayConverter))] public double?[]? Accuracy { get; init; }
    [JsonConverter(typeof(NullableDoubleArrayConverter))] public double?[]? ValidationLoss { get; init; }
    [JsonConverter(typeof(NullableDoubleArrayConverter))] public double?[]? ValidationAccuracy { get; init; }
    [JsonConverter(typeof(DoubleArrayConverter))] public double[]? LearningRate { get; init; }
    public int? BestEpoch { get; init; }
    public bool? StoppedEarly { get; init; }
    public bool? Cancelled { get; init; }
    public bool? RestoredBestWeights { get; init; }
}
