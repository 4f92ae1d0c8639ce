using System.Text.Json.Serialization;
using Rosenblatt.Linear;
using Rosenblatt.Networks;

namespace Rosenblatt.Serialization;

/// <summary>The source-generated System.Text.Json metadata for model files (no reflection at run time).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ModelDocument))]
[JsonSerializable(typeof(PerceptronOptions))]
[JsonSerializable(typeof(LogisticRegressionOptions))]
[JsonSerializable(typeof(MlpOptions))]
[JsonSerializable(typeof(Rosenblatt.MarkOne.MarkOneOptions))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
