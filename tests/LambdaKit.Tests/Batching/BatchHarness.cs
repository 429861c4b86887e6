using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Batching;

/// <summary>The outcome of one batch invocation: the identifiers reported, in order, what the loop would log, how long it took on the function's clock, and how many records were handled.</summary>
internal sealed record BatchRun(IReadOnlyList<string> Reported, int? UnfinishedWork, string Json, TimeSpan Elapsed, int? RecordsProcessed = null);

/// <summary>
/// A function with typed SQS, Kinesis and DynamoDB record handlers, run in process through the dispatcher exactly as the loop
/// runs it: a DI scope, an <see cref="InvocationContext"/>, the deadline token armed with the margin.
/// </summary>
internal sealed class BatchHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;
    private readonly TimeSpan _margin;

    private BatchHarness(ServiceProvider services, TimeProvider time, TimeSpan margin)
    {
        _services = services;
        Time = time;
        _margin = margin;
    }

    public TimeProvider Time { get; }

    public ManualTimeProvider Manual => (ManualTimeProvider)Time;

    public BatchProbe Probe => _services.GetRequiredService<BatchProbe>();

    public CapturingLoggerProvider Logs => _services.GetRequiredService<CapturingLoggerProvider>();

    /// <summary>Creates the function; with <paramref name="realTime"/> the clock and the token are real, otherwise manual.</summary>
    public static BatchHarness Create(Action<BatchOptions>? configure = null, TimeSpan? margin = null, bool realTime = false, Action<IServiceCollection>? handlers = null)
    {
        var time = realTime ? TimeProvider.System : new ManualTimeProvider(Start);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddSingleton(time);
        services.AddSingleton(logs);
        services.AddLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(new LambdaEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "batches" : null));
        services.AddSingleton<BatchProbe>();
        var marginValue = margin ?? TimeSpan.FromMilliseconds(500);
        services.AddLambdaKit(o =>
        {
            o.CancellationMargin = marginValue;
            o.AddJsonSerializerContext(BatchTestJsonContext.Default);
        });
        if (handlers is null)
        {
            services.AddSqsHandler<TestSqsHandler>(configure);
            services.AddKinesisHandler<TestKinesisHandler>(configure);
            services.AddDynamoDbHandler<TestDynamoDbHandler>(configure);
        }
        else
        {
            handlers(services);
        }

        return new BatchHarness(services.BuildServiceProvider(), time, marginValue);
    }

    /// <summary>Runs one invocation whose deadline is <paramref name="timeout"/> from now; throws what the loop would report.</summary>
    public async Task<BatchRun> InvokeAsync(string json, TimeSpan? timeout = null)
    {
        var dispatcher = _services.GetRequiredService<InvocationDispatcher>();
        var now = Time.GetUtcNow();
        var headers = new InvocationHeaders("req-" + Guid.NewGuid().ToString("N"), (now + (timeout ?? TimeSpan.FromMinutes(1))).ToUnixTimeMilliseconds());
        using var output = new PooledBufferWriter();
        using var deadline = new DeadlineCancellation(Time, headers.Deadline, _margin);
        var context = new InvocationContext(headers, _services.GetRequiredService<LambdaEnvironment>(), Time, new RecordingLogger(), isColdStart: false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            CancellationToken = deadline.Token,
        };
        var scope = _services.CreateAsyncScope();
        InvocationOutcome outcome;
        var started = Time.GetTimestamp();
        await using (scope)
        {
            context.Services = scope.ServiceProvider;
            CurrentInvocation.Context = context;
            outcome = await dispatcher.DispatchAsync(context);
        }

        var elapsed = Time.GetElapsedTime(started);
        var body = Encoding.UTF8.GetString(output.WrittenSpan);
        using var document = JsonDocument.Parse(body);
        var reported = document.RootElement.GetProperty("batchItemFailures").EnumerateArray()
            .Select(f => f.GetProperty("itemIdentifier").GetString()!)
            .ToList();
        return new BatchRun(reported, outcome.UnfinishedWork, body, elapsed, outcome.RecordsProcessed);
    }

    /// <summary>Waits (up to 10 s, then fails) until <paramref name="condition"/> holds: a signal from the handlers, not a guess at timing.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
        => Assert.True(SpinWait.SpinUntil(condition, TimeSpan.FromSeconds(10)), "timed out waiting until " + what);

    /// <summary>
    /// Waits until <paramref name="count"/> records have started and as many as <paramref name="running"/> are in flight, each
    /// with its sleep timer armed: a record counted as started before its timer exists would miss the next advance.
    /// </summary>
    public void WaitForStarted(int count, int running)
        => WaitUntil(
            () => Probe.Started.Count == count && Probe.Running == running && Probe.Sleeping == running,
            $"{count} record(s) started, {running} in flight with their sleep armed on the clock");

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Keeps every log line written through Microsoft.Extensions.Logging.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => owner.Lines.Enqueue((category, logLevel, eventId, formatter(state, exception), exception));
    }
}
