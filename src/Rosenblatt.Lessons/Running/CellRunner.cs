using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Running;

/// <summary>Runs cells in a warm worker process, one request at a time, replacing the worker when it is killed, dies or has served enough.</summary>
/// <remarks>
/// Thread-safe and asynchronous: callers queue on a semaphore (cancellably), so a web server can share one runner
/// and stay responsive while a cell runs. A replacement worker is started as soon as the old one goes, so the next
/// learner request finds it warm. A new worker has no cached cells: the engine always sends the whole chain, so the
/// worker replays what it lacks.
/// </remarks>
public sealed class CellRunner : IAsyncDisposable, IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string? _workerPath;
    private WorkerProcess? _worker;
    private bool _disposed;

    /// <summary>Creates a runner; the worker starts at once in the background when <paramref name="startNow"/>.</summary>
    /// <param name="limits">The limits every run gets; null for the defaults.</param>
    /// <param name="workerPath">The worker <c>.dll</c>; null for the one beside the application.</param>
    /// <param name="startNow">Start (and warm) the worker now instead of at the first run.</param>
    public CellRunner(RunnerLimits? limits = null, string? workerPath = null, bool startNow = true)
    {
        Limits = limits ?? new RunnerLimits();
        Limits.Validate();
        _workerPath = workerPath;
        if (startNow) _worker = StartWorker();
    }

    /// <summary>The limits every run gets.</summary>
    public RunnerLimits Limits { get; }

    /// <summary>How many worker processes this runner has started (a test and benchmark figure: recycling shows here).</summary>
    public int WorkersStarted { get; private set; }

    /// <summary>Waits until a worker is started and warm (useful before measuring latency).</summary>
    /// <param name="cancellation">Stops waiting.</param>
    public async Task WarmAsync(CancellationToken cancellation = default)
    {
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            await EnsureWorkerAsync(cancellation).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs <paramref name="cells"/> in order (reusing what the worker already ran), then <paramref name="check"/> if given.</summary>
    /// <param name="cells">The notebook prefix, ending with the cell whose output is wanted.</param>
    /// <param name="check">Hidden check code run after the last cell, or null.</param>
    /// <param name="cellLimits">Longer run limits for some cells, by name (heavy cells of a lesson); null for none.</param>
    /// <param name="cancellation">Cancels the wait or the run (the worker is then killed and replaced).</param>
    /// <returns>The worker's answer, or which limit stopped it.</returns>
    public async Task<RunOutcome> RunAsync(IReadOnlyList<WorkerCell> cells, string? check, IReadOnlyDictionary<string, TimeSpan>? cellLimits = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0) throw new ArgumentException("at least one cell is needed.", nameof(cells));
        await _gate.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            var worker = await EnsureWorkerAsync(cancellation).ConfigureAwait(false);
            RunOutcome outcome;
            try
            {
                outcome = await worker.RunAsync(cells, check, Limits, cellLimits, cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Replace();
                throw;
            }
            if (outcome.Status != RunStatus.Answered || !worker.IsAlive
                || worker.Requests >= Limits.RequestsPerWorker || worker.ResidentBytes > Limits.RecycleResidentBytes)
                Replace();
            return outcome;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<WorkerProcess> EnsureWorkerAsync(CancellationToken cancellation)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_worker is null || !_worker.IsAlive)
        {
            _worker?.Dispose();
            _worker = StartWorker();
        }
        await _worker.Ready.WaitAsync(Limits.StartTime, cancellation).ConfigureAwait(false);
        return _worker;
    }

    /// <summary>Kills the current worker and starts its replacement in the background, so the next run finds it warm.</summary>
    private void Replace()
    {
        _worker?.Kill();
        _worker?.Dispose();
        _worker = _disposed ? null : StartWorker();
    }

    private WorkerProcess StartWorker()
    {
        WorkersStarted++;
        return WorkerProcess.Start(Limits, _workerPath);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _worker?.Dispose();
        _worker = null;
        _gate.Dispose();
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
