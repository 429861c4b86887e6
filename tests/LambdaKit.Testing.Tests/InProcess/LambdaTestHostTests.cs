using System.Text.Json.Serialization;
using LambdaKit.Events.S3;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace LambdaKit.Testing.Tests.InProcess;

/// <summary>The in-process invoker: real routing, one DI scope per invocation, error reports and log lines, no sockets.</summary>
public sealed partial class LambdaTestHostTests
{
    internal sealed record Greet(string? Name, bool Fail = false, bool WaitForDeadline = false);

    internal sealed record Greeting(string Message, string RequestId, string FunctionArn, string FunctionName, bool ColdStart, int ScopeId, long RemainingMs);

    [JsonSerializable(typeof(Greet))]
    [JsonSerializable(typeof(Greeting))]
    [JsonSerializable(typeof(string))]
    internal sealed partial class HostJsonContext : JsonSerializerContext;

    [LambdaErrorType("GreetFailed")]
    internal sealed class GreetFailedException(string message) : Exception(message);

    /// <summary>Scoped: numbered on creation, records its disposal.</summary>
    internal sealed class PerInvocation(Probe probe) : IDisposable
    {
        public int Id { get; } = probe.NextScope();

        public void Dispose() => probe.Disposed(Id);
    }

    internal sealed class Probe
    {
        private int _scopes;

        public List<int> DisposedScopes { get; } = [];

        public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int NextScope() => Interlocked.Increment(ref _scopes);

        public void Disposed(int id)
        {
            lock (DisposedScopes)
            {
                DisposedScopes.Add(id);
            }
        }
    }

    internal sealed partial class GreetHandler(PerInvocation scoped, Probe probe, ILogger<GreetHandler> logger) : ILambdaHandler<Greet, Greeting>
    {
        public async ValueTask<Greeting> HandleAsync(Greet input, ILambdaContext context, CancellationToken cancellationToken)
        {
            context.Logger.LogInformation("greeting {Name}", input.Name ?? "nobody");
            LogScope(logger, scoped.Id);
            if (input.Fail)
            {
                throw new GreetFailedException($"cannot greet {input.Name}");
            }

            if (input.WaitForDeadline)
            {
                probe.Waiting.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            return new Greeting($"hello {input.Name}", context.AwsRequestId, context.InvokedFunctionArn, context.FunctionName, context.IsColdStart, scoped.Id, (long)context.RemainingTime.TotalMilliseconds);
        }

        [LoggerMessage(1, LogLevel.Information, "scope {ScopeId}")]
        private static partial void LogScope(ILogger logger, int scopeId);
    }

    internal sealed class S3Keys : ILambdaHandler<S3Event, string>
    {
        public ValueTask<string> HandleAsync(S3Event input, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.FromResult(string.Join(",", input.Records!.Select(r => r.S3!.Object!.KeyDecoded)));
    }

    private static LambdaTestHost Host(Action<IServiceCollection>? more = null, LambdaTestHostOptions? options = null) => LambdaTestHost.Create(builder =>
    {
        builder.Services.AddLambdaKit(o => o.AddJsonSerializerContext(HostJsonContext.Default));
        builder.Services.AddSingleton<Probe>();
        builder.Services.AddScoped<PerInvocation>();
        builder.Services.AddHandler<Greet, Greeting, GreetHandler>();
        more?.Invoke(builder.Services);
    }, options);

    [Fact]
    public async Task Invocation_returns_the_typed_response_with_the_context_the_options_describe()
    {
        await using var host = Host(options: new LambdaTestHostOptions { FunctionName = "greeter", Region = "eu-west-1" });

        var result = await host.InvokeAsync("""{"Name":"Ada"}""", new InvocationRequest { RequestId = "req-1" });

        Assert.True(result.IsSuccess, result.ToString());
        var greeting = result.ReadResponse(HostJsonContext.Default.Greeting);
        Assert.Equal("hello Ada", greeting.Message);
        Assert.Equal("req-1", greeting.RequestId);
        Assert.Equal("greeter", greeting.FunctionName);
        Assert.Equal("arn:aws:lambda:eu-west-1:123456789012:function:greeter", greeting.FunctionArn);
        Assert.StartsWith("{\"Message\":\"hello Ada\"", result.ResponseText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typed_event_is_serialized_with_its_metadata()
    {
        await using var host = Host();

        var result = await host.InvokeAsync(new Greet("Grace"), HostJsonContext.Default.Greet);

        Assert.Equal("hello Grace", result.ReadResponse(HostJsonContext.Default.Greeting).Message);
    }

    [Fact]
    public async Task Handler_failure_is_the_error_report_and_an_error_log_line()
    {
        await using var host = Host();

        var result = await host.InvokeAsync("""{"Name":"Bob","Fail":true}""", new InvocationRequest { RequestId = "req-f" });

        Assert.False(result.IsSuccess);
        Assert.Equal("GreetFailed", result.Error!.ErrorType);
        Assert.Equal("cannot greet Bob", result.Error.ErrorMessage);
        Assert.Contains(result.Error.StackTrace, frame => frame.Contains(nameof(GreetHandler), StringComparison.Ordinal));
        Assert.True(result.Response.IsEmpty);
        var line = Assert.Single(result.Logs, l => l.Level == LogLevel.Error);
        Assert.Equal("Invocation req-f failed", line.Message);
        Assert.IsType<GreetFailedException>(line.Exception);
        Assert.Throws<InvalidOperationException>(() => result.ReadResponse(HostJsonContext.Default.Greeting));
    }

    [Fact]
    public async Task Null_event_is_a_json_deserialization_error_naming_the_input_type()
    {
        await using var host = Host();

        var result = await host.InvokeAsync("null");

        Assert.Equal("Function.JsonDeserializationError", result.Error!.ErrorType);
        Assert.Contains("expects Greet", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_invocation_gets_its_own_scope_disposed_when_it_ends()
    {
        await using var host = Host();
        var probe = host.Services.GetRequiredService<Probe>();

        var first = (await host.InvokeAsync("""{"Name":"a"}""")).ReadResponse(HostJsonContext.Default.Greeting);
        var second = (await host.InvokeAsync("""{"Name":"b"}""")).ReadResponse(HostJsonContext.Default.Greeting);

        Assert.NotEqual(first.ScopeId, second.ScopeId);
        Assert.Equal([first.ScopeId, second.ScopeId], probe.DisposedScopes);
    }

    [Fact]
    public async Task Only_the_first_invocation_is_a_cold_start()
    {
        await using var host = Host();

        var first = (await host.InvokeAsync("""{"Name":"a"}""")).ReadResponse(HostJsonContext.Default.Greeting);
        var second = (await host.InvokeAsync("""{"Name":"b"}""")).ReadResponse(HostJsonContext.Default.Greeting);

        Assert.True(first.ColdStart);
        Assert.False(second.ColdStart);
    }

    [Fact]
    public async Task Result_logs_are_the_lines_of_that_invocation_from_both_loggers()
    {
        await using var host = Host();

        await host.InvokeAsync("""{"Name":"first"}""");
        var result = await host.InvokeAsync("""{"Name":"second"}""");

        Assert.Equal(2, result.Logs.Count);
        Assert.Equal(new TestLogLine(LogLevel.Information, "greeting second"), result.Logs[0]);
        Assert.Equal("LambdaKit.Testing.Tests.InProcess.LambdaTestHostTests.GreetHandler", result.Logs[1].Category);
        Assert.StartsWith("scope ", result.Logs[1].Message, StringComparison.Ordinal);
        Assert.Equal(4, host.Logs.Count);
    }

    [Fact]
    public async Task Events_are_routed_by_their_source()
    {
        await using var host = Host(s => s.AddHandler<S3Event, string, S3Keys>());

        var toS3 = await host.InvokeAsync(S3Put);
        var toRaw = await host.InvokeAsync("""{"Name":"raw"}""");

        Assert.Equal("\"My Photo!.png\"", toS3.ResponseText);
        Assert.Equal("hello raw", toRaw.ReadResponse(HostJsonContext.Default.Greeting).Message);
    }

    [Fact]
    public async Task Event_of_a_source_nobody_handles_is_an_unknown_event_source_error()
    {
        await using var host = LambdaTestHost.Create(builder => builder.Services.AddHandler<S3Event, string, S3Keys>());

        var result = await host.InvokeAsync("""{"Records":[{"EventSource":"aws:sns","Sns":{"Message":"m"}}]}""");

        Assert.Equal("Runtime.UnknownEventSource", result.Error!.ErrorType);
        Assert.Contains("S3Keys", result.Error.ErrorMessage, StringComparison.Ordinal);
    }

    private const string S3Put = """{"Records":[{"eventSource":"aws:s3","eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"b"},"object":{"key":"My+Photo%21.png","size":3}}}]}""";

    [Fact]
    public async Task Deadline_follows_the_functions_clock_and_cancels_the_handler_at_the_margin()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        await using var host = Host(s => s.AddSingleton<TimeProvider>(time));
        var probe = host.Services.GetRequiredService<Probe>();

        var pending = host.InvokeAsync("""{"Name":"slow","WaitForDeadline":true}""", new InvocationRequest { Timeout = TimeSpan.FromSeconds(10) });
        await probe.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromMilliseconds(9_400));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        var result = await pending.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(500, result.ReadResponse(HostJsonContext.Default.Greeting).RemainingMs);
    }

    [Fact]
    public async Task Init_failure_is_thrown_by_every_invocation()
    {
        await using var host = Host(s => s.AddSingleton<ILambdaInitializer, FailingInitializer>());

        var first = await Assert.ThrowsAsync<InvalidOperationException>(() => host.InvokeAsync("""{"Name":"a"}"""));
        var second = await Assert.ThrowsAsync<InvalidOperationException>(() => host.InvokeAsync("""{"Name":"a"}"""));

        Assert.Equal("warm-up failed", first.Message);
        Assert.Same(first, second);
    }

    [Fact]
    public async Task Entry_point_start_refuses_an_assembly_without_one()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LambdaTestHost.StartAsync(typeof(LambdaApplication).Assembly));
    }

    internal sealed class FailingInitializer : ILambdaInitializer
    {
        public ValueTask InitializeAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("warm-up failed");
    }
}
