using System.Reflection;
using System.Text.Json;
using LambdaKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HelloWorld.Tests;

/// <summary>The HelloWorld sample's own Program, run in-process up to RunAsync and invoked without a Runtime API.</summary>
public sealed class HelloWorldInProcessTests
{
    private static readonly Assembly Sample = Assembly.Load("bootstrap");

    private static readonly LambdaTestHostOptions Options = new() { FunctionName = "hello-world", Region = "eu-central-1" };

    [Fact]
    public async Task Says_hello_with_the_invocation_context()
    {
        await using var host = await LambdaTestHost.StartAsync(Sample, options: Options);

        var result = await host.InvokeAsync("""{"name":"Ada"}""", new InvocationRequest { RequestId = "req-ada", TraceId = "Root=1-6a1b2c3d-0123456789abcdef01234567" });

        Assert.True(result.IsSuccess, result.ToString());
        using var response = result.ParseResponse();
        var root = response.RootElement;
        Assert.Equal("hello Ada", root.GetProperty("message").GetString());
        Assert.Equal("req-ada", root.GetProperty("requestId").GetString());
        Assert.Equal("arn:aws:lambda:eu-central-1:123456789012:function:hello-world", root.GetProperty("functionArn").GetString());
        Assert.Equal("Root=1-6a1b2c3d-0123456789abcdef01234567", root.GetProperty("traceId").GetString());
        Assert.True(root.GetProperty("coldStart").GetBoolean());
        Assert.Contains(new TestLogLine(LogLevel.Information, "Saying hello to Ada"), result.Logs);
    }

    [Fact]
    public async Task Failure_is_reported_with_its_chosen_error_type_and_cause()
    {
        await using var host = await LambdaTestHost.StartAsync(Sample, options: Options);

        var result = await host.InvokeAsync("""{"name":"Bob","fail":"no greeting today"}""");

        Assert.Equal("HelloFailed", result.Error!.ErrorType);
        Assert.Equal("no greeting today", result.Error.ErrorMessage);
        Assert.Equal("InvalidOperationException", result.Error.Cause!.ErrorType);
        Assert.Equal("the inner cause", result.Error.Cause.ErrorMessage);
        Assert.Contains(result.Logs, l => l.Level == LogLevel.Error && l.Exception is not null);
    }

    [Theory]
    [InlineData("null", "JSON null, but the handler expects HelloRequest")]
    [InlineData("{\"name\":", "could not be deserialized as HelloRequest")]
    public async Task Unreadable_event_is_a_json_deserialization_error(string json, string expected)
    {
        await using var host = await LambdaTestHost.StartAsync(Sample, options: Options);

        var result = await host.InvokeAsync(json);

        Assert.Equal("Function.JsonDeserializationError", result.Error!.ErrorType);
        Assert.Contains(expected, result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sleeping_handler_is_cancelled_at_the_margin_before_the_deadline_on_the_functions_clock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var host = await LambdaTestHost.StartAsync(Sample, builder => builder.Services.AddSingleton<TimeProvider>(time), Options);

        var pending = host.InvokeAsync("""{"name":"Sleepy","sleepMs":600000}""", new InvocationRequest { Timeout = TimeSpan.FromSeconds(3) });
        time.Advance(TimeSpan.FromMilliseconds(2_400));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        using var response = result.ParseResponse();
        Assert.True(response.RootElement.GetProperty("cancelled").GetBoolean());
        Assert.Equal(500, response.RootElement.GetProperty("remainingMs").GetInt64());
    }

    [Fact]
    public async Task Disposing_the_host_lets_the_programs_RunAsync_return()
    {
        var host = await LambdaTestHost.StartAsync(Sample, options: Options);
        await host.InvokeAsync("""{"name":"once"}""");

        await host.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<ObjectDisposedException>(() => host.InvokeAsync("{}"));
    }
}
