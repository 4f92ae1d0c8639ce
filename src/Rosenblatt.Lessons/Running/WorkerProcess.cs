using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Rosenblatt.Lessons.Protocol;

namespace Rosenblatt.Lessons.Running;

/// <summary>One running worker process: started with its memory cap, fed requests on stdin, read on stdout, killed with its whole tree when it overruns.</summary>
/// <remarks>
/// Learner code never runs in the host. The host's only work per request is to write one line, then wait for the
/// answer under two clocks (compile, then per-cell run) while a watchdog samples the worker's resident memory.
/// One request at a time: <see cref="CellRunner"/> serializes callers.
/// </remarks>
internal sealed class WorkerProcess : IDisposable
{
    private const string WorkerFile = "Rosenblatt.Lessons.Worker.dll";
    private readonly Process _process;
    private readonly Channel<WorkerMessage> _messages = Channel.CreateUnbounded<WorkerMessage>();
    private readonly StringBuilder _errors = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _nextId;

    private WorkerProcess(Process process)
    {
        _process = process;
        _ = Task.Run(ReadOutputAsync);
        _ = Task.Run(ReadErrorsAsync);
    }

    /// <summary>How many requests this worker has answered.</summary>
    public int Requests { get; private set; }

    /// <summary>Whether the process is still alive.</summary>
    public bool IsAlive
    {
        get
        {
            try { return !_process.HasExited; }
            catch (InvalidOperationException) { return false; }
        }
    }

    /// <summary>The worker's resident memory in bytes right now (0 once it has exited).</summary>
    public long ResidentBytes
    {
        get
        {
            try
            {
                _process.Refresh();
                return _process.HasExited ? 0 : _process.WorkingSet64;
            }
            catch (InvalidOperationException) { return 0; }
        }
    }

    /// <summary>Completes when the worker has loaded the compiler and said <c>ready</c>; faults if it dies first.</summary>
    public Task Ready => _ready.Task;

    /// <summary>Starts a worker process (it warms up on its own; await <see cref="Ready"/>).</summary>
    /// <param name="limits">The memory cap to start it with.</param>
    /// <param name="workerPath">The worker's <c>.dll</c>, or null for the one beside this library.</param>
    public static WorkerProcess Start(RunnerLimits limits, string? workerPath)
    {
        string dll = workerPath ?? Path.Combine(AppContext.BaseDirectory, WorkerFile);
        if (!File.Exists(dll))
            throw new FileNotFoundException($"the lesson worker '{dll}' is missing. help: build or install Rosenblatt.Lessons.Worker next to the application (it is referenced by the CLI and the playground).", dll);
        var start = new ProcessStartInfo(DotnetHost(), $"\"{dll}\"")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limits.HeapBytes.ToString("X", CultureInfo.InvariantCulture);
        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["DOTNET_TieredPGO"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = Process.Start(start) ?? throw new InvalidOperationException("the lesson worker process could not be started.");
        return new WorkerProcess(process);
    }

    /// <summary>Sends one request and waits for its answer under the limits; kills the worker on a limit, a death or cancellation.</summary>
    /// <param name="cells">The cells to run.</param>
    /// <param name="check">The hidden check, or null.</param>
    /// <param name="limits">Time, memory and output limits.</param>
    /// <param name="cellLimits">Longer run limits for some cells, by name; others get <see cref="RunnerLimits.CellTime"/>.</param>
    /// <param name="cancellation">Cancelling kills the worker and throws <see cref="OperationCanceledException"/>.</param>
    public async Task<RunOutcome> RunAsync(IReadOnlyList<WorkerCell> cells, string? check, RunnerLimits limits,
        IReadOnlyDictionary<string, TimeSpan>? cellLimits, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        long id = Interlocked.Increment(ref _nextId);
        var request = new WorkerRequest(id, cells, check, limits.OutputChars);
        try
        {
            await _process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(request, ProtocolJson.Default.WorkerRequest).AsMemory(), cancellation).ConfigureAwait(false);
            await _process.StandardInput.FlushAsync(cancellation).ConfigureAwait(false);
        }
        catch (IOException)
        {
            return await DiedAsync(null, clock).ConfigureAwait(false);
        }

        string? running = null;
        TimeSpan? limit = null;
        var deadline = clock.Elapsed + limits.CompileTime;
        while (true)
        {
            var remaining = deadline - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                Kill();
                return new RunOutcome(RunStatus.TimeLimit, null, running, null, clock.Elapsed, limit ?? limits.CompileTime);
            }
            if (ResidentBytes > limits.ResidentBytes)
            {
                Kill();
                return new RunOutcome(RunStatus.MemoryLimit, null, running, null, clock.Elapsed);
            }
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            wait.CancelAfter(remaining < TimeSpan.FromMilliseconds(100) ? remaining : TimeSpan.FromMilliseconds(100));
            WorkerMessage message;
            try
            {
                message = await _messages.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                continue;
            }
            catch (OperationCanceledException)
            {
                Kill();
                throw;
            }
            catch (ChannelClosedException)
            {
                return await DiedAsync(running, clock).ConfigureAwait(false);
            }
            if (message.Id != id) continue;
            if (message.Kind == "running")
            {
                running = message.Cell;
                limit = running is not null && cellLimits?.GetValueOrDefault(running) is { } special && special > limits.CellTime ? special : limits.CellTime;
                deadline = clock.Elapsed + limit.Value;
                continue;
            }
            if (message.Kind == "done" && message.Result is { } result)
            {
                Requests++;
                if (result.Exception?.Type is "System.OutOfMemoryException" or "System.InsufficientExecutionStackException")
                {
                    Kill();
                    var status = result.Exception.Type == "System.OutOfMemoryException" ? RunStatus.MemoryLimit : RunStatus.WorkerDied;
                    return new RunOutcome(status, result, result.FailedCell, null, clock.Elapsed);
                }
                return new RunOutcome(RunStatus.Answered, result, null, null, clock.Elapsed);
            }
        }
    }

    private async Task<RunOutcome> DiedAsync(string? running, Stopwatch clock)
    {
        await Task.WhenAny(_process.WaitForExitAsync(), Task.Delay(2000)).ConfigureAwait(false);
        await Task.Delay(50).ConfigureAwait(false);
        string errors;
        lock (_errors) errors = _errors.ToString();
        var status = errors.Contains("OutOfMemory", StringComparison.Ordinal) ? RunStatus.MemoryLimit : RunStatus.WorkerDied;
        return new RunOutcome(status, null, running, Tail(errors), clock.Elapsed);
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join("\n", lines.Take(3));
    }

    /// <summary>Kills the worker and every process it started.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
                _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    /// <summary>Closes the worker: stdin closed, then killed if it does not leave at once.</summary>
    public void Dispose()
    {
        try { _process.StandardInput.Close(); }
        catch (IOException) { }
        catch (InvalidOperationException) { }
        if (!_process.WaitForExit(200))
            Kill();
        _process.Dispose();
    }

    private async Task ReadOutputAsync()
    {
        try
        {
            while (await _process.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                int at = line.IndexOf(WorkerMessage.Marker, StringComparison.Ordinal);
                if (at < 0) continue;
                WorkerMessage? message;
                try { message = JsonSerializer.Deserialize(line.AsSpan(at + WorkerMessage.Marker.Length), ProtocolJson.Default.WorkerMessage); }
                catch (JsonException) { continue; }
                if (message is null) continue;
                if (message.Kind == "ready") _ready.TrySetResult();
                else _messages.Writer.TryWrite(message);
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        finally
        {
            _messages.Writer.TryComplete();
            string errors;
            lock (_errors) errors = _errors.ToString();
            _ready.TrySetException(new InvalidOperationException($"the lesson worker stopped before it was ready. {Tail(errors)} help: run 'dotnet {WorkerFile}' to see why (is the .NET 10 runtime installed?)."));
        }
    }

    private async Task ReadErrorsAsync()
    {
        try
        {
            var buffer = new char[1024];
            int read;
            while ((read = await _process.StandardError.ReadAsync(buffer).ConfigureAwait(false)) > 0)
            {
                lock (_errors)
                {
                    if (_errors.Length < 8192) _errors.Append(buffer, 0, read);
                }
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
    }

    /// <summary>The <c>dotnet</c> host to start the worker with: the one running us, else the one beside the running runtime.</summary>
    private static string DotnetHost()
    {
        string exe = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
            return hostPath;
        if (Environment.ProcessPath is { } path && Path.GetFileName(path) == exe)
            return path;
        string runtime = RuntimeEnvironment.GetRuntimeDirectory();
        string? root = Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        string candidate = Path.Combine(root, exe);
        return File.Exists(candidate) ? candidate : exe;
    }
}
