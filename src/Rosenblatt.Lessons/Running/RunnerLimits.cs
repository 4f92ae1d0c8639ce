namespace Rosenblatt.Lessons.Running;

/// <summary>The limits a learner's cell runs under: time, memory, output, and when the worker is replaced.</summary>
/// <remarks>
/// The defaults are what the lesson pages state: 5 seconds of running per cell (compiling is not counted: it has its
/// own generous limit, because a cold worker on a busy machine can take seconds), 512 MB of managed heap, 20,000
/// characters of output.
/// </remarks>
public sealed record RunnerLimits
{
    /// <summary>How long one cell may run before the worker is killed (default 5 s).</summary>
    public TimeSpan CellTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long compiling one request's cells may take (default 60 s; only a broken worker comes near it).</summary>
    public TimeSpan CompileTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a freshly started worker may take to say it is ready (default 60 s).</summary>
    public TimeSpan StartTime { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The worker's managed heap cap, passed as <c>DOTNET_GCHeapHardLimit</c> (default 512 MB).</summary>
    public long HeapBytes { get; init; } = 512L << 20;

    /// <summary>The worker's resident memory at which the watchdog kills it (default 1 GB: heap cap plus the runtime and Roslyn's code).</summary>
    public long ResidentBytes { get; init; } = 1L << 30;

    /// <summary>Output characters kept per run (default 20,000).</summary>
    public int OutputChars { get; init; } = 20_000;

    /// <summary>After this many requests the worker is replaced by a fresh one, so memory does not grow (default 40).</summary>
    public int RequestsPerWorker { get; init; } = 40;

    /// <summary>A worker whose resident memory is above this after a request is replaced (default 700 MB).</summary>
    public long RecycleResidentBytes { get; init; } = 700L << 20;

    /// <summary>Throws when a limit is not positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is zero or negative.</exception>
    public void Validate()
    {
        if (CellTime <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(CellTime), CellTime, "the cell time limit must be positive. help: use a few seconds, e.g. 5.");
        if (HeapBytes < 64L << 20) throw new ArgumentOutOfRangeException(nameof(HeapBytes), HeapBytes, "the worker heap limit must be at least 64 MB: the compiler itself needs that much.");
        if (OutputChars <= 0) throw new ArgumentOutOfRangeException(nameof(OutputChars), OutputChars, "the output limit must be positive.");
        if (RequestsPerWorker <= 0) throw new ArgumentOutOfRangeException(nameof(RequestsPerWorker), RequestsPerWorker, "requests per worker must be positive.");
    }
}
