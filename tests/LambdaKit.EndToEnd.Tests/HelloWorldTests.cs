using System.Text.Json;
using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>The HelloWorld sample as a real process, driven through the local Runtime API over loopback.</summary>
public sealed class HelloWorldTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Good_event_is_answered_with_the_invocation_headers()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api);

        var request = new InvocationRequest { TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1" };
        var first = await api.InvokeAsync("""{"name":"lambda"}""", request).WaitAsync(Patience);
        var second = await api.InvokeAsync("""{"name":"again"}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Response, first.Outcome);
        using var body = first.ParseBody();
        var root = body.RootElement;
        Assert.Equal("hello lambda", root.GetProperty("message").GetString());
        Assert.Equal(first.RequestId, root.GetProperty("requestId").GetString());
        Assert.Equal(api.Options.FunctionArn, root.GetProperty("functionArn").GetString());
        Assert.Equal(request.TraceId, root.GetProperty("traceId").GetString());
        Assert.True(root.GetProperty("coldStart").GetBoolean());

        Assert.Equal(InvocationOutcome.Response, second.Outcome);
        using var secondBody = second.ParseBody();
        Assert.Equal("hello again", secondBody.RootElement.GetProperty("message").GetString());
        Assert.False(secondBody.RootElement.GetProperty("coldStart").GetBoolean());
    }

    [Fact]
    public async Task Handler_exception_posts_structured_error_and_next_invocation_is_answered()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api);

        var failed = await api.InvokeAsync("""{"name":"x","fail":"no greeting today"}""").WaitAsync(Patience);
        var next = await api.InvokeAsync("""{"name":"still alive"}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Error, failed.Outcome);
        Assert.Equal("HelloFailed", failed.ErrorTypeHeader);
        Assert.Equal("application/vnd.aws.lambda.error+json", failed.ContentType);
        using var error = failed.ParseBody();
        var root = error.RootElement;
        Assert.Equal("HelloFailed", root.GetProperty("errorType").GetString());
        Assert.Equal("no greeting today", root.GetProperty("errorMessage").GetString());
        Assert.Contains(root.GetProperty("stackTrace").EnumerateArray(), frame => frame.GetString()!.Contains("HelloHandler", StringComparison.Ordinal));
        Assert.Equal("InvalidOperationException", root.GetProperty("cause").GetProperty("errorType").GetString());

        Assert.Equal(InvocationOutcome.Response, next.Outcome);
        Assert.Contains("hello still alive", next.BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_json_posts_deserialization_error_and_the_loop_goes_on()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api);

        var malformed = await api.InvokeAsync("""{"name": "unterminated""").WaitAsync(Patience);
        var wrongShape = await api.InvokeAsync("""{"name": 42}""").WaitAsync(Patience);
        var next = await api.InvokeAsync("""{"name":"after"}""").WaitAsync(Patience);

        foreach (var result in new[] { malformed, wrongShape })
        {
            Assert.Equal(InvocationOutcome.Error, result.Outcome);
            Assert.Equal("Function.JsonDeserializationError", result.ErrorTypeHeader);
            using var error = result.ParseBody();
            Assert.Equal("Function.JsonDeserializationError", error.RootElement.GetProperty("errorType").GetString());
            Assert.Contains("HelloRequest", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
            Assert.Equal("JsonException", error.RootElement.GetProperty("cause").GetProperty("errorType").GetString());
        }

        Assert.Equal(InvocationOutcome.Response, next.Outcome);
    }

    [Fact]
    public async Task Exception_at_start_up_is_posted_to_init_error_and_the_process_exits_non_zero()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api, new Dictionary<string, string> { ["HELLO_FAIL_AT_START"] = "no config" });

        var initError = await api.InitError.WaitAsync(Patience);
        var exitCode = await function.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Equal("InvalidOperationException", initError.ErrorTypeHeader);
        using var error = initError.ParseBody();
        Assert.Equal("Start-up failed on purpose: no config", error.RootElement.GetProperty("errorMessage").GetString());
        Assert.Equal(0, api.NextCalls);
    }

    [Fact]
    public async Task Response_over_6_MB_becomes_an_error_report_and_the_loop_goes_on()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api);

        var tooLarge = await api.InvokeAsync("""{"name":"big","responseBytes":6300000}""").WaitAsync(Patience);
        var justUnder = await api.InvokeAsync("""{"name":"fits","responseBytes":6000000}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Error, tooLarge.Outcome);
        Assert.Equal("Function.ResponseSizeTooLarge", tooLarge.ErrorTypeHeader);
        Assert.Equal(InvocationOutcome.Response, justUnder.Outcome);
        Assert.True(justUnder.Body.Length > 6_000_000);
    }

    [Fact]
    public async Task Remaining_time_and_cancellation_token_follow_the_deadline_the_server_set()
    {
        var timeout = TimeSpan.FromSeconds(3);
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionTimeout = timeout });
        await using var function = SampleProcess.Start("HelloWorld", api);
        await api.InvokeAsync("""{"name":"warm up"}""").WaitAsync(Patience);

        var quick = await api.InvokeAsync("""{"name":"quick"}""").WaitAsync(Patience);
        var slow = await api.InvokeAsync("""{"name":"slow","sleepMs":20000}""").WaitAsync(Patience);

        using var quickBody = quick.ParseBody();
        Assert.Equal(quick.Deadline.ToUnixTimeMilliseconds(), quickBody.RootElement.GetProperty("deadlineMs").GetInt64());
        var remaining = quickBody.RootElement.GetProperty("remainingMs").GetInt64();
        Assert.InRange(remaining, 1, (long)timeout.TotalMilliseconds);
        Assert.False(quickBody.RootElement.GetProperty("cancelled").GetBoolean());

        // The token fires the default 500 ms margin before the deadline: the answer arrives in time, not as a timeout.
        Assert.Equal(InvocationOutcome.Response, slow.Outcome);
        using var slowBody = slow.ParseBody();
        Assert.True(slowBody.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.InRange(slowBody.RootElement.GetProperty("remainingMs").GetInt64(), 0, 700);
        Assert.InRange(slow.Duration, TimeSpan.FromSeconds(2), timeout);
    }

    [Fact]
    public async Task Sigterm_stops_the_loop_and_the_process_exits_cleanly()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("HelloWorld", api);
        var answered = await api.InvokeAsync("""{"name":"before shutdown"}""").WaitAsync(Patience);
        Assert.Equal(InvocationOutcome.Response, answered.Outcome);

        function.Terminate();
        var exitCode = await function.WaitForExitAsync(Patience);

        Assert.Equal(0, exitCode);
    }
}
