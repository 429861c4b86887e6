using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Context;
using LambdaKit.Invocation;
using LambdaKit.Logging;
using LambdaKit.Routing;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Logging;

/// <summary>How the runtime loop uses the log writer: flushing before <c>next</c>, one metrics line per invocation.</summary>
public sealed partial class LoopLoggingTests
{
    internal sealed record Job(int N, bool Fail = false, int Records = 0, int AdvanceMs = 0);

    internal sealed record Done(int N);

    [JsonSerializable(typeof(Job))]
    [JsonSerializable(typeof(Done))]
    internal sealed partial class JobJsonContext : JsonSerializerContext;

    /// <summary>Logs the job; moves the manual clock by <see cref="Job.AdvanceMs"/> to play a handler that takes that long.</summary>
    internal sealed class JobHandler(TimeProvider time) : ILambdaHandler<Job, Done>
    {
        public ValueTask<Done> HandleAsync(Job input, ILambdaContext context, CancellationToken cancellationToken)
        {
            context.Logger.LogInformation($"handled {input.N}");
            if (input.AdvanceMs > 0)
            {
                ((ManualTimeProvider)time).Advance(TimeSpan.FromMilliseconds(input.AdvanceMs));
            }

            if (input.Fail)
            {
                throw new InvalidOperationException("job failed");
            }

            return ValueTask.FromResult(new Done(input.N));
        }
    }

    /// <summary>Records what stdout held each time the loop asked for the next invocation.</summary>
    internal sealed class WatchingApi(FakeRuntimeApiClient inner, CapturedOutput output) : IRuntimeApiClient
    {
        public List<string> OutputAtNext { get; } = [];

        public ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
        {
            lock (OutputAtNext)
            {
                OutputAtNext.Add(output.Text);
            }

            return inner.GetNextInvocationAsync(cancellationToken);
        }

        public ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
            => inner.SendResponseAsync(requestId, payload, cancellationToken);

        public ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken)
            => inner.SendErrorAsync(requestId, report, cancellationToken);

        public ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken) => inner.SendInitErrorAsync(report, cancellationToken);

        public ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken) => inner.RegisterInternalExtensionAsync(name, cancellationToken);

        public ValueTask WaitForRestoreAsync(CancellationToken cancellationToken) => inner.WaitForRestoreAsync(cancellationToken);

        public ValueTask SendRestoreErrorAsync(LambdaError report, CancellationToken cancellationToken) => inner.SendRestoreErrorAsync(report, cancellationToken);
    }

    private static (ServiceProvider Services, FakeRuntimeApiClient Api, WatchingApi Watcher, LambdaLogWriter Writer) Build(CapturedOutput output, bool metrics, TimeProvider? time = null)
    {
        var environment = new LambdaEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "jobs" : null);
        var writer = new LambdaLogWriter(environment, TimeProvider.System, new LambdaLoggingOptions { EnableMetrics = metrics }, output);
        var api = new FakeRuntimeApiClient();
        var watcher = new WatchingApi(api, output);
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton(writer);
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddLogging();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(JobJsonContext.Default));
        services.AddSingleton<IRuntimeApiClient>(watcher);
        services.AddSingleton<JobHandler>();
        services.AddSingleton(new HandlerRegistration("JobHandler (reports Job.Records as records processed)", [], _ => async (context, _) =>
        {
            // What a batch handler returns: the records it processed travel back to the loop in the outcome.
            var job = JsonSerializer.Deserialize(context.Payload.Span, JobJsonContext.Default.Job)!;
            var done = await context.Services.GetRequiredService<JobHandler>().HandleAsync(job, context, context.CancellationToken);
            using var json = new Utf8JsonWriter(context.Output);
            JsonSerializer.Serialize(json, done, JobJsonContext.Default.Done);
            return job.Records > 0 ? new InvocationOutcome { RecordsProcessed = job.Records } : InvocationOutcome.Completed;
        }));
        return (services.BuildServiceProvider(), api, watcher, writer);
    }

    [Fact]
    public async Task Loop_flushes_the_log_lines_of_an_invocation_before_asking_for_the_next_one()
    {
        // A slow stdout: without the flush, the next `next` would be asked for before the line is out.
        using var output = new CapturedOutput { DelayPerWrite = TimeSpan.FromMilliseconds(150) };
        var (services, api, watcher, writer) = Build(output, metrics: false);
        await using var _ = services;
        using var __ = writer;
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);

        await api.Enqueue("""{"N":1}""", deadline);
        await api.Enqueue("""{"N":2}""", deadline);
        SpinWait.SpinUntil(() => { lock (watcher.OutputAtNext) { return watcher.OutputAtNext.Count >= 3; } }, TimeSpan.FromSeconds(10));
        stop.Cancel();
        await loop;

        string[] seen;
        lock (watcher.OutputAtNext)
        {
            seen = [.. watcher.OutputAtNext];
        }

        Assert.DoesNotContain("handled 1", seen[0], StringComparison.Ordinal);
        Assert.Contains("handled 1", seen[1], StringComparison.Ordinal);
        Assert.Contains("handled 2", seen[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Loop_writes_one_metrics_line_per_invocation_when_metrics_are_on()
    {
        // The duration is measured on the function's clock: a manual one that only the handler moves.
        var start = new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
        var time = new ManualTimeProvider(start);
        using var output = new CapturedOutput();
        var (services, api, _, writer) = Build(output, metrics: true, time);
        await using var __ = services;
        using var ___ = writer;
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);
        var deadline = start.AddMinutes(1);

        await api.Enqueue("""{"N":1,"Records":7,"AdvanceMs":1234}""", deadline, "r1");
        await api.Enqueue("""{"N":2,"Fail":true}""", deadline, "r2");
        stop.Cancel();
        await loop;
        writer.Flush(TimeSpan.FromSeconds(10));

        var metrics = output.Lines
            .Where(l => l.StartsWith("{\"_aws\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement)
            .ToArray();
        Assert.Equal(2, metrics.Length);
        Assert.Equal("r1", metrics[0].GetProperty("requestId").GetString());
        Assert.Equal(7, metrics[0].GetProperty("RecordsProcessed").GetInt32());
        Assert.Equal(0, metrics[0].GetProperty("Errors").GetInt32());
        Assert.Equal(1, metrics[0].GetProperty("ColdStart").GetInt32());
        Assert.Equal(1234, metrics[0].GetProperty("Duration").GetDouble());
        Assert.Equal("r2", metrics[1].GetProperty("requestId").GetString());
        Assert.Equal(1, metrics[1].GetProperty("Errors").GetInt32());
        Assert.Equal(0, metrics[1].GetProperty("ColdStart").GetInt32());
        Assert.Equal(0, metrics[1].GetProperty("Duration").GetDouble());
        Assert.False(metrics[1].TryGetProperty("RecordsProcessed", out _));
    }
}
