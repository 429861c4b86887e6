using LambdaKit.Context;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.Context;

public sealed class DeadlineCancellationTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Token_fires_the_margin_before_the_deadline_and_not_earlier()
    {
        var time = new ManualTimeProvider(Now);
        using var deadline = new DeadlineCancellation(time, Now.AddSeconds(10), TimeSpan.FromMilliseconds(500));

        var token = deadline.Token;
        time.Advance(TimeSpan.FromMilliseconds(9_499));
        Assert.False(token.IsCancellationRequested);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void Token_is_cancelled_at_once_when_the_deadline_is_inside_the_margin()
    {
        var time = new ManualTimeProvider(Now);
        using var deadline = new DeadlineCancellation(time, Now.AddMilliseconds(200), TimeSpan.FromMilliseconds(500));

        Assert.True(deadline.Token.IsCancellationRequested);
    }

    [Fact]
    public void A_token_kept_after_its_invocation_is_not_re_armed_by_the_next_invocation()
    {
        var time = new ManualTimeProvider(Now);
        var first = new DeadlineCancellation(time, Now.AddSeconds(30), TimeSpan.Zero);
        var kept = first.Token;
        var keptFired = false;
        kept.Register(() => keptFired = true);
        first.Dispose();

        // The next invocation has an earlier deadline, which fires.
        using var second = new DeadlineCancellation(time, Now.AddSeconds(2), TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(second.Token.IsCancellationRequested);
        Assert.NotEqual(kept, second.Token);
        Assert.False(kept.IsCancellationRequested);
        Assert.False(keptFired);

        // Nor does the kept token fire later at its own (old) deadline: its invocation is over.
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.False(kept.IsCancellationRequested);
    }

    [Fact]
    public void After_a_token_fired_the_next_invocation_gets_a_fresh_uncancelled_token()
    {
        var time = new ManualTimeProvider(Now);
        using var first = new DeadlineCancellation(time, Now.AddSeconds(1), TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(1));
        using var next = new DeadlineCancellation(time, Now.AddSeconds(10), TimeSpan.Zero);

        Assert.True(first.Token.IsCancellationRequested);
        Assert.False(next.Token.IsCancellationRequested);
    }

    [Fact]
    public void Deadline_further_than_the_timer_range_gives_a_token_that_does_not_fire()
    {
        var time = new ManualTimeProvider(Now);
        using var deadline = new DeadlineCancellation(time, Now.AddYears(200), TimeSpan.FromMilliseconds(500));

        time.Advance(TimeSpan.FromDays(60));

        Assert.False(deadline.Token.IsCancellationRequested);
    }
}
