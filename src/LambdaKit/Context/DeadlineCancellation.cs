namespace LambdaKit.Context;

/// <summary>
/// The cancellation token of an invocation: it fires a margin before the deadline. One instance serves every
/// invocation of a worker; its <see cref="CancellationTokenSource"/> and timer are reset and reused, so arming
/// it allocates nothing unless the previous invocation's token actually fired.
/// </summary>
/// <remarks>
/// A token must not be used after its invocation ended: the next invocation reuses the source.
/// </remarks>
internal sealed class DeadlineCancellation : IDisposable
{
    // CancelAfter takes at most uint.MaxValue - 1 ms (about 49 days); a deadline further away never fires.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private readonly TimeProvider _time;
    private CancellationTokenSource _source;

    public DeadlineCancellation(TimeProvider time)
    {
        _time = time;
        _source = Create(time);
    }

    /// <summary>Arms the token for a deadline: it fires at <c>deadline - margin</c>, at once if that is past.</summary>
    public CancellationToken Arm(DateTimeOffset deadline, TimeSpan margin)
    {
        var due = deadline - margin - _time.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            _source.Cancel();
        }
        else if (due < LongestDelay)
        {
            _source.CancelAfter(due);
        }

        return _source.Token;
    }

    /// <summary>Disarms the token after an invocation so that the source can serve the next one.</summary>
    public void Disarm()
    {
        if (!_source.TryReset())
        {
            _source.Dispose();
            _source = Create(_time);
        }
    }

    public void Dispose() => _source.Dispose();

    private static CancellationTokenSource Create(TimeProvider time)
        => new(Timeout.InfiniteTimeSpan, time);
}
