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
        using var deadline = new DeadlineCancellation(time);

        var token = deadline.Arm(Now.AddSeconds(10), TimeSpan.FromMilliseconds(500));
        time.Advance(TimeSpan.FromMilliseconds(9_499));
        Assert.False(token.IsCancellationRequested);

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void Token_is_cancelled_at_once_when_the_deadline_is_inside_the_margin()
    {
        var time = new ManualTimeProvider(Now);
        using var deadline = new DeadlineCancellation(time);

        var token = deadline.Arm(Now.AddMilliseconds(200), TimeSpan.FromMilliseconds(500));

        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void Disarmed_source_is_reused_for_the_next_invocation_and_keeps_its_new_deadline()
    {
        var time = new ManualTimeProvider(Now);
        using var deadline = new DeadlineCancellation(time);

        var first = deadline.Arm(Now.AddSeconds(3), TimeSpan.FromMilliseconds(100));
        deadline.Disarm();
        var second = deadline.Arm(Now.AddSeconds(5), TimeSpan.FromMilliseconds(100));
        time.Advance(TimeSpan.FromSeconds(3));

        Assert.False(second.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.True(second.IsCancellationRequested);
    }

    [Fact]
    public void With_the_system_clock_the_same_source_serves_every_invocation_that_ended_in_time()
    {
        using var deadline = new DeadlineCancellation(TimeProvider.System);

        var first = deadline.Arm(DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(1));
        deadline.Disarm();
        var second = deadline.Arm(DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromSeconds(1));

        Assert.Equal(first, second);
        Assert.False(second.IsCancellationRequested);
    }

    [Fact]
    public void After_a_token_fired_the_next_invocation_gets_a_fresh_uncancelled_token()
    {
        var time = new ManualTimeProvider(Now);
        using var deadline = new DeadlineCancellation(time);

        var fired = deadline.Arm(Now.AddSeconds(1), TimeSpan.Zero);
        time.Advance(TimeSpan.FromSeconds(1));
        deadline.Disarm();
        var next = deadline.Arm(Now.AddSeconds(10), TimeSpan.Zero);

        Assert.True(fired.IsCancellationRequested);
        Assert.False(next.IsCancellationRequested);
    }

    [Fact]
    public void Deadline_further_than_the_timer_range_gives_a_token_that_does_not_fire()
    {
        using var deadline = new DeadlineCancellation(TimeProvider.System);

        var token = deadline.Arm(DateTimeOffset.UtcNow.AddYears(200), TimeSpan.FromMilliseconds(500));

        Assert.False(token.IsCancellationRequested);
        deadline.Disarm();
    }
}
