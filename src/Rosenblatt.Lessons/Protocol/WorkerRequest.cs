namespace Rosenblatt.Lessons.Protocol;

/// <summary>One request to the worker process: run a chain of cells in order, then optionally a hidden check.</summary>
/// <remarks>
/// Sent as one line of JSON on the worker's standard input. The cells are the whole notebook prefix up to the cell
/// asked for: the worker keeps the script state after each cell it has run, keyed by the text of every cell so far,
/// so a prefix it has already run is not run again (the chain of Roslyn submissions is continued instead).
/// </remarks>
/// <param name="Id">Echoed in the answer, so a late answer to an abandoned request is recognised.</param>
/// <param name="Cells">The cells to run, in lesson order; the last one is the one whose output is returned.</param>
/// <param name="Check">The hidden check code run after the last cell, or null to only run the cells.</param>
/// <param name="MaxOutputChars">Captured output past this many characters is dropped and marked as truncated.</param>
public sealed record WorkerRequest(long Id, IReadOnlyList<WorkerCell> Cells, string? Check, int MaxOutputChars);
