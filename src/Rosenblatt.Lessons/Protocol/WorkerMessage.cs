namespace Rosenblatt.Lessons.Protocol;

/// <summary>One line the worker writes on its standard output: a progress event or the final answer to a request.</summary>
/// <remarks>
/// <c>running</c> is sent when a cell starts executing (after it compiled), so the host can start that cell's
/// wall-clock limit; compilation has its own, more generous limit. <c>done</c> carries the result.
/// </remarks>
/// <param name="Id">The request this line belongs to (0 for the <c>ready</c> line sent at start).</param>
/// <param name="Kind"><c>ready</c>, <c>running</c> or <c>done</c>.</param>
/// <param name="Cell">For <c>running</c>: the name of the cell that started.</param>
/// <param name="Result">For <c>done</c>: what happened.</param>
public sealed record WorkerMessage(long Id, string Kind, string? Cell = null, WorkerResult? Result = null)
{
    /// <summary>The prefix every protocol line starts with, so text a learner's code writes to the real stdout is ignored.</summary>
    public const string Marker = "\u001e@rosenblatt-worker ";
}
