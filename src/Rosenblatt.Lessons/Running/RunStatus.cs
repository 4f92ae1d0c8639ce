namespace Rosenblatt.Lessons.Running;

/// <summary>How a run in the worker ended.</summary>
public enum RunStatus
{
    /// <summary>The worker answered: the cells compiled and ran, or it reports a compiler error or an exception.</summary>
    Answered,

    /// <summary>A cell ran past the time limit; the worker was killed.</summary>
    TimeLimit,

    /// <summary>The worker went past its memory cap (heap or resident memory); it was stopped.</summary>
    MemoryLimit,

    /// <summary>The worker process died on its own (a stack overflow is the usual cause).</summary>
    WorkerDied,
}
