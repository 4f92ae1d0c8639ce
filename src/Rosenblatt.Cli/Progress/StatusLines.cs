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
    private long _lastLine;
    private string _current;
    private bool _stopped;

    /// <summary>Writes <c><paramref name="doing"/> ...</c> and starts the heartbeat.</summary>
    /// <param name="write">Writes one line (the console, or stderr when stdout carries data).</param>
    /// <param name="clock">The clock; the heartbeat's timer comes from it.</param>
    /// <param name="doing">The step, e.g. <c>Loading mnist</c>.</param>
    public StatusLines(Action<string> write, TimeProvider clock, string doing)
    {
        _write = write;
        _clock = clock;
        _current = doing;
        _start = _lastLine = clock.GetTimestamp();
        write($"{doing} ...");
        _timer = clock.CreateTimer(_ => Beat(), null, Tick, Tick);
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
            _lastLine = _clock.GetTimestamp();
        }
    }

    private void Beat()
    {
        lock (_gate)
        {
            if (_stopped)
                return;
            long now = _clock.GetTimestamp();
            if (_clock.GetElapsedTime(_lastLine, now) < Silence)
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
}
