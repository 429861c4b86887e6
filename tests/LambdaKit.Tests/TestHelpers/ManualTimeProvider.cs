namespace LambdaKit.Tests.TestHelpers;

/// <summary>A <see cref="TimeProvider"/> whose clock moves only when told; its timers fire on <see cref="Advance"/>.</summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly List<ManualTimer> _timers = [];
    private long _ticks = start.UtcTicks;

    public int TimersCreated { get; private set; }

    public override DateTimeOffset GetUtcNow() => new(Now, TimeSpan.Zero);

    /// <summary>Timestamps follow the manual clock too, so that elapsed times (<c>GetElapsedTime</c>) are exact.</summary>
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    private DateTime Now => new(Interlocked.Read(ref _ticks), DateTimeKind.Utc);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        lock (_timers)
        {
            _timers.Add(timer);
            TimersCreated++;
        }

        return timer;
    }

    /// <summary>Whether a timer is armed to fire at exactly <paramref name="at"/>: the signal that some code waits on this clock.</summary>
    public bool HasTimerDueAt(DateTimeOffset at)
    {
        lock (_timers)
        {
            return _timers.Any(t => t.DueAt == at);
        }
    }

    public void Advance(TimeSpan by)
    {
        var now = new DateTimeOffset(new DateTime(Interlocked.Add(ref _ticks, by.Ticks), DateTimeKind.Utc));
        ManualTimer[] due;
        lock (_timers)
        {
            due = _timers.Where(t => t.DueAt is { } at && at <= now).ToArray();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? DueAt { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : owner.GetUtcNow() + dueTime;
            return true;
        }

        public void Fire()
        {
            DueAt = null;
            callback(state);
        }

        public void Dispose()
        {
            DueAt = null;
            lock (owner._timers)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
