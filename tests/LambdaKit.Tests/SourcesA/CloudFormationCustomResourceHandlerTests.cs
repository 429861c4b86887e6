using System.Text;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Events.CloudFormation;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.SourcesA;

/// <summary>The custom resource base class always PUTs SUCCESS or FAILED to the ResponseURL (a Kestrel server on 127.0.0.1 here).</summary>
public sealed class CloudFormationCustomResourceHandlerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private ResponseUrlServer _server = null!;

    public async Task InitializeAsync() => _server = await ResponseUrlServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private sealed class EchoResource(Func<CloudFormationCustomResourceRequest, CancellationToken, ValueTask<CloudFormationCustomResourceResult>> body, TimeProvider? time = null)
        : CloudFormationCustomResourceHandler(time)
    {
        protected override ValueTask<CloudFormationCustomResourceResult> HandleResourceAsync(CloudFormationCustomResourceRequest request, ILambdaContext context, CancellationToken cancellationToken)
            => body(request, cancellationToken);
    }

    private CloudFormationCustomResourceRequest Request(string file)
    {
        var request = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", file)), LambdaKitEventsJsonContext.Default.CloudFormationCustomResourceRequest)!;
        request.ResponseURL = _server.Url("/answers/" + request.RequestId + "?X-Amz-Signature=abc");
        return request;
    }

    private static InvocationContext Context(TimeProvider time, TimeSpan remaining) =>
        new(new InvocationHeaders("r", (Start + remaining).ToUnixTimeMilliseconds()), new LambdaEnvironment(n => n == "AWS_LAMBDA_LOG_STREAM_NAME" ? "2026/11/22/[$LATEST]abc" : null), time, new RecordingLogger(), false);

    private JsonElement Answer()
    {
        var (method, path, contentType, body) = Assert.Single(_server.Received);
        Assert.Equal("PUT", method);
        Assert.Contains("X-Amz-Signature=abc", path, StringComparison.Ordinal);
        Assert.Null(contentType);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Success_is_put_with_the_ids_of_the_request_and_the_handler_s_physical_id_and_data()
    {
        var handler = new EchoResource((r, _) => ValueTask.FromResult(new CloudFormationCustomResourceResult
        {
            PhysicalResourceId = "showcase-" + r.LogicalResourceId,
            Data = new() { ["Echo"] = r.ResourceProperties!["Echo"] },
        }));

        await handler.HandleAsync(Request("cloudformation/create.json"), Context(new ManualTimeProvider(Start), TimeSpan.FromMinutes(1)), CancellationToken.None);

        var answer = Answer();
        Assert.Equal("SUCCESS", answer.GetProperty("Status").GetString());
        Assert.Equal("showcase-EchoThing", answer.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("arn:aws:cloudformation:eu-west-1:210987654321:stack/demo/5e1d0a90-c8b3-11f0-9b1f-0a4f3c2d1e55", answer.GetProperty("StackId").GetString());
        Assert.Equal("6c4b2f0e-1d3a-4a8e-9f71-2b5c8e0d4a19", answer.GetProperty("RequestId").GetString());
        Assert.Equal("EchoThing", answer.GetProperty("LogicalResourceId").GetString());
        Assert.Equal("hello stack", answer.GetProperty("Data").GetProperty("Echo").GetString());
        Assert.False(answer.TryGetProperty("Reason", out _));
    }

    [Fact]
    public async Task Delete_keeps_the_request_s_physical_id_when_the_handler_gives_none()
    {
        var handler = new EchoResource((_, _) => ValueTask.FromResult(new CloudFormationCustomResourceResult()));

        await handler.HandleAsync(Request("cloudformation/delete.json"), Context(new ManualTimeProvider(Start), TimeSpan.FromMinutes(1)), CancellationToken.None);

        Assert.Equal("echo-thing-physical-1", Answer().GetProperty("PhysicalResourceId").GetString());
    }

    [Fact]
    public async Task A_throwing_handler_is_answered_failed_with_its_message_as_reason()
    {
        var handler = new EchoResource((_, _) => throw new InvalidOperationException("bucket name taken"));

        await handler.HandleAsync(Request("cloudformation/update.json"), Context(new ManualTimeProvider(Start), TimeSpan.FromMinutes(1)), CancellationToken.None);

        var answer = Answer();
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.StartsWith("bucket name taken", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("showcase-EchoThing", answer.GetProperty("PhysicalResourceId").GetString());
        Assert.Equal("7d5c3a1f-2e4b-4b9f-8a82-3c6d9f1e5b20", answer.GetProperty("RequestId").GetString());
    }

    [Fact]
    public async Task A_handler_still_running_at_the_response_margin_is_answered_failed_before_the_deadline()
    {
        var time = new ManualTimeProvider(Start);
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new EchoResource(async (_, ct) =>
        {
            ct.Register(() => cancelled.TrySetResult());
            await Task.Delay(Timeout.Infinite, CancellationToken.None);
            return new CloudFormationCustomResourceResult();
        }, time);

        var running = handler.HandleAsync(Request("cloudformation/create.json"), Context(time, TimeSpan.FromSeconds(10)), CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(running.IsCompleted);
        Assert.Empty(_server.Received);

        time.Advance(TimeSpan.FromSeconds(1));   // 7 s: 3 s (the margin) before the deadline
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        var answer = Answer();
        Assert.Equal("FAILED", answer.GetProperty("Status").GetString());
        Assert.Contains("deadline", answer.GetProperty("Reason").GetString(), StringComparison.Ordinal);
        Assert.Equal("2026/11/22/[$LATEST]abc", answer.GetProperty("PhysicalResourceId").GetString());
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_refused_answer_fails_the_invocation()
    {
        _server.Status = 403;
        var handler = new EchoResource((_, _) => ValueTask.FromResult(new CloudFormationCustomResourceResult()));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => handler.HandleAsync(Request("cloudformation/create.json"), Context(new ManualTimeProvider(Start), TimeSpan.FromMinutes(1)), CancellationToken.None).AsTask());

        Assert.Contains("403", error.Message, StringComparison.Ordinal);
    }
}
