using System.Text.Json.Serialization;
using LambdaKit.Invocation;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Runtime;

public sealed partial class LambdaRuntimeLoopTests
{
    internal sealed record Ping(string? Text, bool Fail = false, int Size = 0);

    internal sealed record Pong(string? Echo, string RequestId, bool ColdStart, int ScopedInstance);

    [JsonSerializable(typeof(Ping))]
    [JsonSerializable(typeof(Pong))]
    internal sealed partial class PingJsonContext : JsonSerializerContext;

    internal sealed class ScopedCounter : IAsyncDisposable
    {
        private static int s_created;

        public ScopedCounter() => Instance = Interlocked.Increment(ref s_created);

        public int Instance { get; }

        public static List<int> Disposed { get; } = [];

        public ValueTask DisposeAsync()
        {
            lock (Disposed)
            {
                Disposed.Add(Instance);
            }

            return ValueTask.CompletedTask;
        }
    }

    internal sealed class PingHandler(ScopedCounter counter, ILambdaContext injected) : ILambdaHandler<Ping, Pong>
    {
        public ValueTask<Pong> HandleAsync(Ping input, ILambdaContext context, CancellationToken cancellationToken)
        {
            if (input.Fail)
            {
                throw new InvalidOperationException("ping failed");
            }

            Assert.Same(context, injected);
            return ValueTask.FromResult(new Pong(input.Size > 0 ? new string('p', input.Size) : input.Text, context.AwsRequestId, context.IsColdStart, counter.Instance));
        }
    }

    private static (ServiceProvider Services, FakeRuntimeApiClient Api) Build()
    {
        var api = new FakeRuntimeApiClient { MaxResponseBytes = 1024 };
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "ping" : null));
        services.AddLogging();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(PingJsonContext.Default));
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddScoped<ScopedCounter>();
        services.AddHandler<Ping, Pong, PingHandler>();
        return (services.BuildServiceProvider(), api);
    }

    [Fact]
    public async Task Each_invocation_gets_its_own_scope_disposed_after_it_and_cold_start_is_true_once()
    {
        var (services, api) = Build();
        await using var _ = services;
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);

        var first = await api.Enqueue("""{"Text":"a"}""", deadline, "r1");
        var second = await api.Enqueue("""{"Text":"b"}""", deadline, "r2");
        stop.Cancel();
        await loop;

        Assert.Equal("response", first.Kind);
        Assert.Contains("\"Echo\":\"a\"", first.Body, StringComparison.Ordinal);
        Assert.Contains("\"RequestId\":\"r1\"", first.Body, StringComparison.Ordinal);
        Assert.Contains("\"ColdStart\":true", first.Body, StringComparison.Ordinal);
        Assert.Contains("\"ColdStart\":false", second.Body, StringComparison.Ordinal);
        var instance1 = int.Parse(first.Body.Split("\"ScopedInstance\":")[1].TrimEnd('}'), System.Globalization.CultureInfo.InvariantCulture);
        var instance2 = int.Parse(second.Body.Split("\"ScopedInstance\":")[1].TrimEnd('}'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEqual(instance1, instance2);
        lock (ScopedCounter.Disposed)
        {
            Assert.Contains(instance1, ScopedCounter.Disposed);
            Assert.Contains(instance2, ScopedCounter.Disposed);
        }
    }

    [Fact]
    public async Task Handler_failure_is_reported_and_the_loop_goes_on()
    {
        var (services, api) = Build();
        await using var _ = services;
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);
        var deadline = DateTimeOffset.UtcNow.AddMinutes(1);

        var failed = await api.Enqueue("""{"Text":"a","Fail":true}""", deadline);
        var malformed = await api.Enqueue("""[1,2""", deadline);
        var ok = await api.Enqueue("""{"Text":"ok"}""", deadline);
        stop.Cancel();
        await loop;

        Assert.Equal("error", failed.Kind);
        Assert.Equal("InvalidOperationException", failed.Error!.ErrorType);
        Assert.Equal("ping failed", failed.Error.ErrorMessage);
        Assert.Equal("error", malformed.Kind);
        Assert.Equal("Function.JsonDeserializationError", malformed.Error!.ErrorType);
        Assert.Equal("response", ok.Kind);
    }

    [Fact]
    public async Task Response_refused_as_too_large_becomes_an_error_report()
    {
        var (services, api) = Build();
        await using var _ = services;
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);

        var tooLarge = await api.Enqueue("""{"Size":5000}""", DateTimeOffset.UtcNow.AddMinutes(1));
        stop.Cancel();
        await loop;

        Assert.Equal("error", tooLarge.Kind);
        Assert.Equal("Function.ResponseSizeTooLarge", tooLarge.Error!.ErrorType);
    }

    [Fact]
    public async Task Loop_ends_when_stopped_while_waiting_for_next()
    {
        var (services, _) = Build();
        await using var __ = services;
        using var stop = new CancellationTokenSource();
        var loop = services.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);

        Assert.False(loop.IsCompleted);
        stop.Cancel();
        await loop.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.True(loop.IsCompletedSuccessfully);
    }
}
