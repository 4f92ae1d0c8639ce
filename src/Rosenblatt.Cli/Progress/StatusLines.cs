using System.Globalization;

namespace Rosenblatt.Cli.Progress;

/// <summary>The plain-text form of a status (a pipe, a log, stderr): a line when a step starts, a line for each thing it
/// says, and a heartbeat line whenever nothing was written for <see cref="Silence"/>.</summary>
/// <remarks>
/// <para>A live status on a terminal shows that work goes on by moving; a log cannot, so without this a step that takes
/// three seconds looks exactly like a hung process for three seconds. The heartbeat repeats what is under way with the
/// time since the step started, e.g. <c>Evaluating on 70000 rows ... 1.0s</c>, so no two lines are more than about a
/// second apart whatever the step does, and a step that says enough (each bench run, each epoch) gets no heartbeat.</para>
/// <para>The heartbeat runs on a timer from <see cref="CliContext.Clock"/> (a test's manual clock fires it by advancing
/// time, without sleeping). Writes from the timer and from <see cref="Say"/> take one lock, and after
/// <see cref="Dispose"/> returns the timer writes nothing more, so the command's next line always comes after.</para>
/// </remarks>
internal sealed class StatusLines : IPhase, IDisposable
{
    /// <summary>The longest stretch without a line: a little under a second, so a timer tick late by <see cref="Tick"/> still
    /// prints within the second.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromSeconds(0.9);

    /// <summary>How often the timer looks at the silence.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(0.1);

    private readonly Action<string> _write;
    private readonly TimeProvider _clock;
    private readonly long _start;
    private readonly ITimer _timer;
    private readonly Lock _gate = new();
    private long _lastLine, _lastSign;
    private string _current;
    private bool _stopped;

    /// <summary>Writes <c><paramref name="doing"/> ...</c> (unless <paramref name="announce"/> is false) and starts the heartbeat.</summary>
    /// <param name="write">Writes one line (the console, or stderr when stdout carries data).</param>
    /// <param name="clock">The clock; the heartbeat's timer comes from it.</param>
    /// <param name="doing">The step, e.g. <c>Loading mnist</c>.</param>
    /// <param name="announce">Whether to write the step now; training, whose heading says it, does not.</param>
    public StatusLines(Action<string> write, TimeProvider clock, string doing, bool announce = true)
    {
        _write = write;
        _clock = clock;
        _current = doing;
        _start = _lastLine = _lastSign = clock.GetTimestamp();
        if (announce)
            write($"{doing} ...");
        // The system's timers run on the thread pool, which the work itself fills (scoring runs Parallel.For over rows), so
        // a tick could wait behind it for a second or more; a thread of its own is not queued behind anything.
        _timer = clock == TimeProvider.System ? new Ticker(Beat, Tick) : clock.CreateTimer(_ => Beat(), null, Tick, Tick);
    }

    /// <summary>Time since the last line this object wrote.</summary>
    public TimeSpan SinceLastLine
    {
        get
        {
            lock (_gate)
                return _clock.GetElapsedTime(_lastLine);
        }
    }

    /// <summary>Notes that the work has just reported (a batch), without a line: the heartbeat stays quiet while reports
    /// arrive, since whoever receives them prints the better line (<see cref="Print"/>).</summary>
    public void Alive()
    {
        lock (_gate)
            _lastSign = _clock.GetTimestamp();
    }

    /// <summary>Writes <paramref name="line"/> now, leaving what the heartbeat repeats as it was (an epoch's figures are not
    /// what is under way after it).</summary>
    /// <param name="line">The line.</param>
    public void Print(string line)
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            _write(line);
            _lastLine = _lastSign = _clock.GetTimestamp();
        }
    }

    /// <summary>Makes <paramref name="text"/> what the heartbeat repeats from now on, without writing a line (a download's
    /// byte count, which changes thousands of times a second).</summary>
    /// <param name="text">What is under way.</param>
    public void Show(string text)
    {
        lock (_gate)
            _current = text;
    }

    /// <summary>Writes <paramref name="line"/> now; it also becomes what the heartbeat repeats.</summary>
    /// <param name="line">What the step is doing, e.g. <c>run 2/3 ...</c>.</param>
    public void Say(string line)
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            _current = line.EndsWith(" ...", StringComparison.Ordinal) ? line[..^4] : line;
            _write(line);
            _lastLine = _lastSign = _clock.GetTimestamp();
        }
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            long now = _clock.GetTimestamp();
            if (_clock.GetElapsedTime(_lastLine, now) < Silence || _clock.GetElapsedTime(_lastSign, now) < Silence)
                return;
            _write($"{_current} ... {Seconds(_clock.GetElapsedTime(_start, now))}");
            _lastLine = now;
        }
    }

    /// <summary>Seconds as the progress lines print them: <c>1.0s</c>.</summary>
    internal static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";

    /// <summary>Stops the heartbeat; no line is written after this returns.</summary>
    public void Dispose()
    {
        lock (_gate)
            _stopped = true;
        _timer.Dispose();
    }

    /// <summary>Calls a beat every tick on a background thread of its own, until disposed.</summary>
    private sealed class Ticker : ITimer
    {
        private readonly ManualResetEventSlim _stop = new();
        private readonly Thread _thread;

        public Ticker(Action beat, TimeSpan tick)
        {
            _thread = new Thread(() =>
            {
                while (!_stop.Wait(tick))
                    beat();
            })
            { IsBackground = true, Name = "status heartbeat", Priority = ThreadPriority.AboveNormal };
            _thread.Start();
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

        public void Dispose()
        {
            _stop.Set();
            if (Thread.CurrentThread != _thread)
                _thread.Join();
            _stop.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
