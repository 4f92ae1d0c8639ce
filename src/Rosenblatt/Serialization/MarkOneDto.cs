using System.Text.Json.Serialization;

namespace Rosenblatt.Serialization;

/// <summary>A Mark I's own part of the file: the plugboard (retina, wires, threshold), the R-unit code and the training report.</summary>
internal sealed record MarkOneDto
{
    public int? RetinaWidth { get; init; }
    public int? RetinaHeight { get; init; }
    public int? Excitatory { get; init; }
    public int? Inhibitory { get; init; }
    public int? Threshold { get; init; }

    /// <summary>Unit after unit, its excitatory retina points then its inhibitory ones (row-major point indices).</summary>
    [JsonConverter(typeof(Int32ArrayConverter))] public int[]? Wiring { get; init; }

    /// <summary><c>one-per-class</c> or <c>output-code</c>.</summary>
    public string? Coding { get; init; }

    /// <summary>One codeword per class in label order, as + and − per trained R-unit (e.g. <c>"−−−−++++"</c> written with ASCII <c>-</c>).</summary>
    public IReadOnlyList<string>? Codewords { get; init; }

    public int? ResponseUnits { get; init; }
    public MarkOneReportDto? Report { get; init; }
}

/// <summary>The Mark I's training report.</summary>
internal sealed record MarkOneReportDto
{
    public bool? Converged { get; init; }
    [JsonConverter(typeof(Int32ArrayConverter))] public int[]? MistakesPerEpoch { get; init; }
    [JsonConverter(typeof(Int32ArrayConverter))] public int[]? CorrectionsPerEpoch { get; init; }
    [JsonConverter(typeof(Int32ArrayConverter))] public int[]? CorrectionsPerUnit { get; init; }
    public double? TrainingAccuracy { get; init; }
    public double? MeanActiveUnits { get; init; }
    public bool? Cancelled { get; init; }
    public string? Summary { get; init; }
}
