namespace LambdaKit.Context;

/// <summary>
/// The cancellation token of one invocation: it fires a margin before the invocation's deadline. Every invocation gets
/// its own instance (and so its own <see cref="CancellationTokenSource"/>): a token that user code kept after its
/// invocation ended is never re-armed for a later invocation.
/// </summary>
/// <remarks>
/// The loop disposes the instance once the invocation and any work abandoned at its deadline have finished; a token that
/// did not fire by then never fires (disposing stops its timer; registering on it afterwards is harmless).
/// </remarks>
internal sealed class DeadlineCancellation : IDisposable
{
    // CancelAfter takes at most uint.MaxValue - 1 ms (about 49 days); a deadline further away never fires.
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMilliseconds(uint.MaxValue - 1);
    private readonly CancellationTokenSource _source;
    private readonly CancellationTokenRegistration _alsoRegistration;

    /// <summary>Starts the token for a deadline: it fires at <c>deadline - margin</c>, at once if that is past.</summary>
    public DeadlineCancellation(TimeProvider time, DateTimeOffset deadline, TimeSpan margin)
        : this(time, deadline, margin, CancellationToken.None)
    {
    }

    /// <summary>Starts the token for a deadline, which also fires when <paramref name="also"/> fires (the caller's own token).</summary>
    public DeadlineCancellation(TimeProvider time, DateTimeOffset deadline, TimeSpan margin, CancellationToken also)
    {
        ArgumentNullException.ThrowIfNull(time);
        var due = deadline - margin - time.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            _source = new CancellationTokenSource();
            _source.Cancel();
        }
        else
        {
            _source = new CancellationTokenSource(due < LongestDelay ? due : Timeout.InfiniteTimeSpan, time);
        }

        if (also.CanBeCanceled)
        {
            _alsoRegistration = also.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), _source);
        }
    }

    /// <summary>The invocation's token.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        _alsoRegistration.Dispose();
        _source.Dispose();
    }
}
