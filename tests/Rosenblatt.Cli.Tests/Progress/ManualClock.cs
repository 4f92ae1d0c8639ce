namespace Rosenblatt.Cli.Tests.Progress;

/// <summary>A clock that moves only when told: by <see cref="Advance"/>, which fires the timers that fall due, or by
/// <see cref="StepPerRead"/> on every reading. Progress output then depends on the test, never on the machine's load.</summary>
internal sealed class ManualClock : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private long _ticks;

    /// <summary>How far each <see cref="GetTimestamp"/> moves the clock (zero: frozen).</summary>
    public TimeSpan StepPerRead { get; init; }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, StepPerRead.Ticks) - StepPerRead.Ticks;

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(Interlocked.Read(ref _ticks));

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state, Interlocked.Read(ref _ticks) + dueTime.Ticks, period.Ticks);
        lock (_timers)
            _timers.Add(timer);
        return timer;
    }

    /// <summary>Moves the clock on by <paramref name="by"/>, firing each timer at each moment it falls due, in order.</summary>
    public void Advance(TimeSpan by)
    {
        long target = Interlocked.Read(ref _ticks) + by.Ticks;
        while (true)
        {
            ManualTimer? next;
            lock (_timers)
                next = _timers.Where(t => t.Due <= target).MinBy(t => t.Due);
            if (next is null)
                break;
            Interlocked.Exchange(ref _ticks, Math.Max(Interlocked.Read(ref _ticks), next.Due));
            next.Fire();
        }
        Interlocked.Exchange(ref _ticks, target);
    }

    private void Remove(ManualTimer timer)
    {
        lock (_timers)
            _timers.Remove(timer);
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state, long due, long period) : ITimer
    {
        public long Due { get; private set; } = due;

        public void Fire()
        {
            if (period <= 0)
                clock.Remove(this);
            else
                Due += period;
            callback(state);
        }

        public bool Change(TimeSpan dueTime, TimeSpan period) => throw new NotSupportedException();

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
