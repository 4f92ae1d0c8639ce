using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Running;

/// <summary>What came back from the worker for one request, including the cases where the worker had to be killed.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="Result">The worker's answer when <paramref name="Status"/> is <see cref="RunStatus.Answered"/>.</param>
/// <param name="Cell">For a limit or a death: the cell that was running.</param>
/// <param name="WorkerError">For a death: the last lines the worker wrote to its error stream (e.g. <c>Stack overflow.</c>).</param>
/// <param name="Elapsed">Wall-clock time from sending the request to the answer (or the kill).</param>
/// <param name="TimeLimit">For <see cref="RunStatus.TimeLimit"/>: the limit that ran out.</param>
public sealed record RunOutcome(RunStatus Status, WorkerResult? Result, string? Cell, string? WorkerError, TimeSpan Elapsed, TimeSpan? TimeLimit = null);
