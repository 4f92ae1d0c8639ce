namespace Rosenblatt.Playground.Lessons;

/// <summary>A request body carrying a cell's code and the code of the other cells on screen.</summary>
/// <param name="Code">The cell's (or exercise's) code as the learner has it now; null to use the saved code.</param>
/// <param name="Edits">Other cells' on-screen code, by name, so earlier cells run as shown; null to use the saved code.</param>
internal sealed record CodeRequest(string? Code, Dictionary<string, string>? Edits);
