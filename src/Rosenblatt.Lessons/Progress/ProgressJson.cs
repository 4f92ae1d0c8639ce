using System.Text.Json.Serialization;

namespace Rosenblatt.Lessons.Progress;

/// <summary>Source-generated JSON for the progress file: camelCase, indented so a learner can read it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(ProgressDocument))]
internal sealed partial class ProgressJson : JsonSerializerContext;
