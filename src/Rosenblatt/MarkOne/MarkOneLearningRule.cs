using System.Text.Json.Serialization;

namespace Rosenblatt.MarkOne;

/// <summary>How the Mark I's R-unit weights (its motor-driven potentiometers) change when an R-unit answers wrongly.</summary>
/// <remarks>
/// Written by name in JSON (model files, the CLI's <c>--json</c>). Both are error-corrective: nothing changes while an R-unit answers right. They differ in what happens to the
/// A-units that were silent, following Rosenblatt's reinforcement systems (Psychological Review, 1958).
/// </remarks>
[JsonConverter(typeof(JsonStringEnumConverter<MarkOneLearningRule>))]
public enum MarkOneLearningRule
{
    /// <summary>The α-system with error correction: each active A-unit's weight to a wrong R-unit moves one step (±1) toward the right answer, as does the R-unit's bias; silent A-units are untouched.</summary>
    /// <remarks>Exactly the perceptron rule <c>v += y·x̃</c> on the A-unit outputs with a constant input for the bias, so the convergence theorem's bound <c>(R/γ)²</c> applies to each R-unit.</remarks>
    ErrorCorrection,

    /// <summary>The γ-system with error correction: the active A-units gain one step and the silent ones pay for it, so the R-unit's total weight is unchanged by a correction (the bias still moves one step).</summary>
    Gamma,
}
