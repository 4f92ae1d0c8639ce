using System.Text.Json.Serialization;

namespace Rosenblatt.Lessons.Protocol;

/// <summary>Source-generated JSON for the worker protocol: camelCase, one object per line.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WorkerRequest))]
[JsonSerializable(typeof(WorkerMessage))]
internal sealed partial class ProtocolJson : JsonSerializerContext;
