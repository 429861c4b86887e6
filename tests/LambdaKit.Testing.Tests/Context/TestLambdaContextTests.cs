using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LambdaKit.Testing.Tests.Context;

public sealed class TestLambdaContextTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Remaining_time_follows_the_clock_and_never_goes_below_zero()
    {
        var time = new FakeTimeProvider(Start);
        using var context = new TestLambdaContext(time) { RemainingTime = TimeSpan.FromSeconds(3) };

        Assert.Equal(Start.AddSeconds(3), context.Deadline);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(2), context.RemainingTime);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.Zero, context.RemainingTime);
    }

    [Fact]
    public void Default_deadline_is_thirty_seconds_after_creation()
    {
        var time = new FakeTimeProvider(Start);
        using var context = new TestLambdaContext(time);

        Assert.Equal(TimeSpan.FromSeconds(30), context.RemainingTime);
        Assert.False(context.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public void Token_fires_the_cancellation_margin_before_the_deadline_and_not_earlier()
    {
        var time = new FakeTimeProvider(Start);
        using var context = new TestLambdaContext(time) { RemainingTime = TimeSpan.FromSeconds(3) };
        var token = context.CancellationToken;

        time.Advance(TimeSpan.FromMilliseconds(2_499));
        Assert.False(token.IsCancellationRequested);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void Moving_the_deadline_rearms_the_token_and_a_custom_margin_is_honoured()
    {
        var time = new FakeTimeProvider(Start);
        using var context = new TestLambdaContext(time) { RemainingTime = TimeSpan.FromSeconds(1), CancellationMargin = TimeSpan.Zero };
        var token = context.CancellationToken;

        context.Deadline = Start.AddSeconds(10);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.False(token.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(token.IsCancellationRequested);
    }

    [Fact]
    public void Deadline_in_the_past_cancels_the_token_at_once()
    {
        var time = new FakeTimeProvider(Start);
        using var context = new TestLambdaContext(time) { Deadline = Start.AddSeconds(-1) };

        Assert.True(context.CancellationToken.IsCancellationRequested);
    }

    [Fact]
    public async Task A_handler_called_directly_sees_every_member_set_on_the_context()
    {
        var time = new FakeTimeProvider(Start);
        using var context = new TestLambdaContext(time)
        {
            AwsRequestId = "req-1",
            FunctionName = "orders",
            FunctionVersion = "7",
            InvokedFunctionArn = "arn:aws:lambda:eu-west-1:111122223333:function:orders:live",
            MemoryLimitInMB = 1024,
            LogGroupName = "/aws/lambda/orders",
            LogStreamName = "stream-1",
            TraceId = "Root=1-abc",
            TenantId = "tenant-9",
            IsColdStart = true,
            Identity = new TestCognitoIdentity { IdentityId = "id-1", IdentityPoolId = "pool-1" },
            ClientContext = new TestClientContext
            {
                Client = new TestClientApplication { AppTitle = "Orders", InstallationId = "inst-1" },
                Custom = new Dictionary<string, string> { ["tier"] = "gold" },
                Environment = new Dictionary<string, string> { ["platform"] = "ios" },
            },
            RemainingTime = TimeSpan.FromSeconds(2),
        };

        var seen = await new DescribeHandler().HandleAsync("x", context, context.CancellationToken);

        Assert.Equal("req-1|orders|7|arn:aws:lambda:eu-west-1:111122223333:function:orders:live|1024|/aws/lambda/orders|stream-1|Root=1-abc|tenant-9|True|id-1|pool-1|Orders|inst-1|gold|ios|2000", seen);
        var logger = Assert.IsType<TestLambdaLogger>(context.Logger);
        Assert.Equal([new TestLogLine(LogLevel.Information, "described req-1")], logger.Lines);
    }

    private sealed class DescribeHandler : ILambdaHandler<string, string>
    {
        public ValueTask<string> HandleAsync(string input, ILambdaContext context, CancellationToken cancellationToken)
        {
            context.Logger.LogInformation("described {RequestId}", context.AwsRequestId);
            return ValueTask.FromResult(string.Join('|',
                context.AwsRequestId, context.FunctionName, context.FunctionVersion, context.InvokedFunctionArn, context.MemoryLimitInMB,
                context.LogGroupName, context.LogStreamName, context.TraceId, context.TenantId, context.IsColdStart,
                context.Identity!.IdentityId, context.Identity.IdentityPoolId, context.ClientContext!.Client!.AppTitle,
                context.ClientContext.Client.InstallationId, context.ClientContext.Custom["tier"], context.ClientContext.Environment["platform"],
                (long)context.RemainingTime.TotalMilliseconds));
        }
    }
}
