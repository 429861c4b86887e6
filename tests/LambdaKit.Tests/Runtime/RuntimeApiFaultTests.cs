using System.Net;
using System.Net.Sockets;
using LambdaKit.Runtime;
using LambdaKit.Testing;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Runtime;

/// <summary>
/// The real loop and socket client against the local Runtime API over HTTP, with injected faults. Each test checks what
/// the function does and that every invocation the API handed out was answered exactly once while the API was reachable.
/// </summary>
public sealed class RuntimeApiFaultTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connection_refused_at_start_is_retried_with_back_off_then_the_loop_stops_with_a_clear_message()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var loop = await LoopOverHttp.StartAsync(runtimeApiOverride: $"127.0.0.1:{port}");

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => loop.Loop.WaitAsync(Wait));
        Assert.True(failure.IsUnreachable);
        Assert.Contains($"127.0.0.1:{port}", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"after {RuntimeApiClient.ConnectAttempts} attempts", failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, loop.Api.NextCalls);
    }

    [Fact]
    public async Task Next_that_drops_the_connection_is_asked_again_and_the_loop_goes_on()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnNext(NextFault.DropConnection).OnNext(NextFault.DropConnection).OnNext(NextFault.DropConnection);

        var result = await loop.InvokeAsync("after-drops").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Contains("after-drops", result.BodyText, StringComparison.Ordinal);
        Assert.Equal(3, loop.Faults.NextFaultsInjected);
        Assert.False(loop.Loop.IsCompleted);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Theory]
    [InlineData(NextFault.Status500, HttpStatusCode.InternalServerError)]
    [InlineData(NextFault.Status403, HttpStatusCode.Forbidden)]
    public async Task Next_answering_500_or_403_stops_the_loop_at_once(NextFault fault, HttpStatusCode status)
    {
        var faults = new RuntimeApiFaults().OnNext(fault);
        await using var loop = await LoopOverHttp.StartAsync(faults: faults);
        var never = loop.InvokeAsync("never");

        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => loop.Loop.WaitAsync(Wait));

        Assert.Equal(status, failure.StatusCode);
        Assert.Equal(1, loop.Faults.NextFaultsInjected);
        Assert.Equal(0, loop.Api.NextCalls);
        Assert.Empty(loop.Faults.HandedOut);
        Assert.False(never.IsCompleted);
    }

    [Fact]
    public async Task Invocation_without_request_id_is_logged_and_the_loop_goes_on()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnNext(NextFault.NoRequestId);

        var lost = loop.InvokeAsync("no-id", requestId: "lost", timeout: TimeSpan.FromSeconds(1));
        var next = await loop.InvokeAsync("next").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Response, next.Outcome);
        Assert.Equal(InvocationOutcome.TimedOut, (await lost.WaitAsync(Wait)).Outcome);
        Assert.Contains(loop.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("cannot be answered", StringComparison.Ordinal));
        loop.AssertEachHandedOutAnsweredOnce(unanswerable: "lost");
    }

    [Theory]
    [InlineData(NextFault.NonNumericDeadline, "soon-ish")]
    [InlineData(NextFault.NoDeadline, "it is missing")]
    public async Task Invocation_with_a_bad_deadline_is_answered_on_error_for_its_id_and_the_loop_goes_on(NextFault fault, string reason)
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnNext(fault);

        var bad = await loop.InvokeAsync("bad", requestId: "bad-deadline").WaitAsync(Wait);
        var good = await loop.InvokeAsync("good").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Error, bad.Outcome);
        Assert.Equal(InvalidInvocationException.InvalidHeaderType, bad.ErrorTypeHeader);
        Assert.Contains(reason, bad.BodyText, StringComparison.Ordinal);
        Assert.Equal(InvocationOutcome.Response, good.Outcome);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Oversized_event_is_not_read_but_reported_for_its_id_and_the_loop_goes_on(bool chunked)
    {
        await using var loop = await LoopOverHttp.StartAsync();
        if (chunked)
        {
            loop.Faults.OnNext(NextFault.ChunkedBody);
        }

        var huge = await loop.InvokeAsync(new string('h', RuntimeApiClient.MaxEventBytes + 1024), requestId: "huge").WaitAsync(Wait);
        var good = await loop.InvokeAsync("good").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Error, huge.Outcome);
        Assert.Equal(InvalidInvocationException.EventTooLargeType, huge.ErrorTypeHeader);
        Assert.Equal(InvocationOutcome.Response, good.Outcome);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task Chunked_event_within_the_cap_is_read_whole()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnNext(NextFault.ChunkedBody);
        var text = new string('c', 40_000);

        var result = await loop.InvokeAsync(text).WaitAsync(Wait);

        Assert.True(result.Outcome == InvocationOutcome.Response, result.BodyText[..Math.Min(600, result.BodyText.Length)]);
        Assert.Contains(text, result.BodyText, StringComparison.Ordinal);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task Response_whose_connection_drops_once_is_sent_again_on_a_fresh_connection()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnAnswer(AnswerFault.DropConnection);

        var result = await loop.InvokeAsync("retried").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Equal(1, loop.Faults.AnswerFaultsInjected);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task Response_whose_connection_drops_twice_is_logged_and_the_loop_goes_on()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnAnswer(AnswerFault.DropConnection).OnAnswer(AnswerFault.DropConnection);

        var lost = loop.InvokeAsync("lost", requestId: "lost", timeout: TimeSpan.FromSeconds(2));
        var next = await loop.InvokeAsync("next").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Response, next.Outcome);
        Assert.Equal(InvocationOutcome.TimedOut, (await lost.WaitAsync(Wait)).Outcome);
        Assert.Contains(loop.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("could not be delivered", StringComparison.Ordinal));
        loop.AssertEachHandedOutAnsweredOnce(unanswerable: "lost");
    }

    [Fact]
    public async Task Response_refused_with_413_is_reported_on_error_instead()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnAnswer(AnswerFault.Status413);

        var result = await loop.InvokeAsync("refused").WaitAsync(Wait);

        Assert.Equal(InvocationOutcome.Error, result.Outcome);
        Assert.Equal("Function.ResponseSizeTooLarge", result.ErrorTypeHeader);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task Response_answered_with_500_stops_the_loop_at_once()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnAnswer(AnswerFault.Status500);

        _ = loop.InvokeAsync("broken", timeout: TimeSpan.FromSeconds(2));
        var failure = await Assert.ThrowsAsync<RuntimeApiException>(() => loop.Loop.WaitAsync(Wait));

        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
        Assert.Equal(1, loop.Api.NextCalls);
    }

    [Fact]
    public async Task Slow_response_is_waited_for_and_the_loop_goes_on()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.SlowAnswerDelay = TimeSpan.FromSeconds(1);
        loop.Faults.OnAnswer(AnswerFault.Slow);

        var slow = loop.InvokeAsync("slow");
        var fast = loop.InvokeAsync("fast");

        Assert.Equal(InvocationOutcome.Response, (await slow.WaitAsync(Wait)).Outcome);
        Assert.Equal(InvocationOutcome.Response, (await fast.WaitAsync(Wait)).Outcome);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task Runtime_api_address_with_a_path_prefix_is_used_for_every_call()
    {
        await using var loop = await LoopOverHttp.StartAsync(pathPrefix: "/SomeFunction");

        var result = await loop.InvokeAsync("prefixed").WaitAsync(Wait);

        Assert.EndsWith("/SomeFunction", loop.Api.RuntimeApiAddress, StringComparison.Ordinal);
        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Contains("prefixed", result.BodyText, StringComparison.Ordinal);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task Handler_failure_and_success_alternate_without_losing_an_answer_under_every_answer_fault()
    {
        await using var loop = await LoopOverHttp.StartAsync();
        loop.Faults.OnAnswer(AnswerFault.DropConnection).OnAnswer(AnswerFault.Slow).OnAnswer(AnswerFault.Status413).OnAnswer(AnswerFault.DropConnection);
        loop.Faults.OnNext(NextFault.DropConnection).OnNext(NextFault.NonNumericDeadline).OnNext(NextFault.ChunkedBody);

        var results = new List<InvocationResult>();
        for (var i = 0; i < 8; i++)
        {
            results.Add(await loop.InvokeAsync(i % 2 == 0 ? "throw" : "ok-" + i).WaitAsync(Wait));
        }

        Assert.All(results, r => Assert.NotEqual(InvocationOutcome.TimedOut, r.Outcome));
        Assert.Equal(8, loop.Faults.HandedOut.Count);
        loop.AssertEachHandedOutAnsweredOnce();
    }
}
