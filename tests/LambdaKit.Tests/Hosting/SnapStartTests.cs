using System.Collections.Concurrent;
using System.Text;
using LambdaKit.Runtime;
using LambdaKit.Testing;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Hosting;

/// <summary>
/// SnapStart through the whole application (<see cref="LambdaApplication.RunAsync"/>) against the local Runtime API over
/// real HTTP: before-snapshot hooks, <c>restore/next</c>, after-restore hooks, then the loop; failures of each phase.
/// </summary>
[Collection(ProcessExitCodeTests.Name)]
public sealed partial class SnapStartTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Hooks_run_before_the_snapshot_and_after_the_restore_and_only_then_the_loop_asks_for_next()
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { RestoreImmediately = false });
        var journal = new Journal();
        await using var app = Build(api, "snap-start", journal, services =>
        {
            services.AddSnapshotHook<FirstHook>();
            services.AddSnapshotHook<SecondHook>();
            services.AddSnapshotHook<FirstHook>(); // registered once
        });
        using var stop = new CancellationTokenSource();
        var run = app.RunAsync(stop.Token);

        await api.SnapshotRequested.WaitAsync(Patience);
        Assert.Equal(["first:before", "second:before"], journal.Entries);
        Assert.Equal(0, api.NextCalls);

        api.RestoreSnapshot();
        var result = await api.InvokeAsync("""{"Text":"after restore"}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Contains("after restore", Encoding.UTF8.GetString(result.Body.Span), StringComparison.Ordinal);
        Assert.Equal(["first:before", "second:before", "second:after", "first:after"], journal.Entries);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task Without_snap_start_no_hook_runs_and_restore_next_is_never_called()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var journal = new Journal();
        await using var app = Build(api, "on-demand", journal, services => services.AddSnapshotHook<FirstHook>());
        using var stop = new CancellationTokenSource();
        var run = app.RunAsync(stop.Token);

        var result = await api.InvokeAsync("""{"Text":"plain"}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Empty(journal.Entries);
        Assert.False(api.SnapshotRequested.IsCompleted);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task A_failing_before_snapshot_hook_is_an_init_error_of_type_BeforeSnapshotError_and_no_snapshot_is_asked_for()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var journal = new Journal();
        await using var app = Build(api, "snap-start", journal, services => services.AddSnapshotHook<FailingBeforeHook>());

        await app.RunAsync().WaitAsync(Patience);

        var report = await api.InitError.WaitAsync(Patience);
        Assert.Equal("Runtime.BeforeSnapshotError", report.ErrorTypeHeader);
        Assert.Contains("primer offline", Encoding.UTF8.GetString(report.Body.Span), StringComparison.Ordinal);
        Assert.False(api.SnapshotRequested.IsCompleted);
        Assert.Equal(0, api.NextCalls);
        Assert.Equal(LambdaApplication.InitFailedExitCode, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public async Task A_failing_after_restore_hook_is_posted_to_restore_error_as_AfterRestoreError_and_the_loop_never_starts()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var journal = new Journal();
        await using var app = Build(api, "snap-start", journal, services => services.AddSnapshotHook<FailingAfterHook>());

        await app.RunAsync().WaitAsync(Patience);

        var report = await api.RestoreError.WaitAsync(Patience);
        Assert.Equal("Runtime.AfterRestoreError", report.ErrorTypeHeader);
        Assert.Contains("credentials expired", Encoding.UTF8.GetString(report.Body.Span), StringComparison.Ordinal);
        Assert.True(api.SnapshotRequested.IsCompleted);
        Assert.False(api.InitError.IsCompleted);
        Assert.Equal(0, api.NextCalls);
        Assert.Equal(LambdaApplication.InitFailedExitCode, Environment.ExitCode);
        Environment.ExitCode = 0;
    }

    [Fact]
    public async Task Warm_state_that_asks_for_it_is_built_again_after_the_restore_and_other_warm_state_is_kept()
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { RestoreImmediately = false });
        var builds = new ConcurrentQueue<string>();
        var refreshedBuilds = 0;
        var keptBuilds = 0;
        await using var app = Build(api, "snap-start", new Journal(), services =>
        {
            services.AddWarmState(
                (_, _) => ValueTask.FromResult(new Refreshed(Interlocked.Increment(ref refreshedBuilds))),
                o => { o.WarmUpAtStart = true; o.RefreshAfterRestore = true; });
            services.AddWarmState(
                (_, _) => ValueTask.FromResult(new Kept(Interlocked.Increment(ref keptBuilds))),
                o => o.WarmUpAtStart = true);
        });
        using var stop = new CancellationTokenSource();
        var run = app.RunAsync(stop.Token);

        await api.SnapshotRequested.WaitAsync(Patience);
        Assert.Equal(1, Volatile.Read(ref refreshedBuilds));
        api.RestoreSnapshot();
        await api.InvokeAsync("""{"Text":"x"}""").WaitAsync(Patience);

        Assert.Equal(2, Volatile.Read(ref refreshedBuilds));
        Assert.Equal(1, Volatile.Read(ref keptBuilds));
        Assert.Equal(2, (await app.Services.GetRequiredService<IWarmState<Refreshed>>().GetAsync()).Generation);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task Priming_runs_the_json_code_of_the_event_and_response_and_builds_the_handler_before_the_snapshot_but_never_calls_it()
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { RestoreImmediately = false });
        var counts = new PrimingCounts();
        await using var app = BuildPrimed(api, counts, services => services.AddScoped<PrimedHandler>().AddHandler<PrimedEvent, PrimedResponse, PrimedHandler>());
        using var stop = new CancellationTokenSource();
        var run = app.RunAsync(stop.Token);

        await api.SnapshotRequested.WaitAsync(Patience);
        Assert.True(counts.Reads > 0, "the event's JSON reader did not run before the snapshot");
        Assert.True(counts.Writes > 0, "the response's JSON writer did not run before the snapshot");
        Assert.Equal(1, counts.Constructed);
        Assert.Equal(1, counts.ScopesDisposed);
        Assert.Equal(0, counts.Handled);
        Assert.Equal(0, api.NextCalls);

        api.RestoreSnapshot();
        var result = await api.InvokeAsync("""{"Count":{"N":41}}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Contains("42", Encoding.UTF8.GetString(result.Body.Span), StringComparison.Ordinal);
        Assert.Equal(1, counts.Handled);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    [Fact]
    public async Task Priming_a_handler_that_needs_the_invocation_context_skips_it_and_the_snapshot_and_the_invocation_go_on()
    {
        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { RestoreImmediately = false });
        var counts = new PrimingCounts();
        await using var app = BuildPrimed(api, counts, services => services.AddHandler<PrimedEvent, PrimedResponse, ContextHungryHandler>());
        using var stop = new CancellationTokenSource();
        var run = app.RunAsync(stop.Token);

        await api.SnapshotRequested.WaitAsync(Patience);
        Assert.False(api.InitError.IsCompleted);
        Assert.True(counts.Reads > 0);
        api.RestoreSnapshot();
        var result = await api.InvokeAsync("""{"Count":{"N":1}}""").WaitAsync(Patience);

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Equal(1, counts.Handled);
        await stop.CancelAsync();
        await run.WaitAsync(Patience);
    }

    private static LambdaApplication BuildPrimed(LocalRuntimeApi api, PrimingCounts counts, Action<IServiceCollection> handler)
    {
        var environment = new LambdaEnvironment(name => name switch
        {
            "AWS_LAMBDA_RUNTIME_API" => api.RuntimeApiAddress,
            "AWS_LAMBDA_FUNCTION_NAME" => "primed",
            "AWS_LAMBDA_INITIALIZATION_TYPE" => "snap-start",
            _ => null,
        });
        var builder = new LambdaApplicationBuilder([], environment);
        builder.Services.AddLambdaKit(o =>
        {
            o.AddJsonSerializerContext(PrimedJsonContext.Default);
            o.EnableShutdownSignal = false;
        });
        builder.Services.AddSingleton(counts);
        builder.Services.AddScoped<ScopeProbe>();
        handler(builder.Services);
        builder.Services.AddSnapStartPriming();
        builder.Services.AddSnapStartPriming(); // registered once
        CountingConverter.Counts = counts;
        return builder.Build();
    }

    private static LambdaApplication Build(LocalRuntimeApi api, string initializationType, Journal journal, Action<IServiceCollection> configure)
    {
        var environment = new LambdaEnvironment(name => name switch
        {
            "AWS_LAMBDA_RUNTIME_API" => api.RuntimeApiAddress,
            "AWS_LAMBDA_FUNCTION_NAME" => "snappy",
            "AWS_LAMBDA_INITIALIZATION_TYPE" => initializationType,
            _ => null,
        });
        var builder = new LambdaApplicationBuilder([], environment);
        builder.Services.AddLambdaKit(o =>
        {
            o.AddJsonSerializerContext(EchoJsonContext.Default);
            o.EnableShutdownSignal = false;
        });
        builder.Services.AddSingleton(journal);
        builder.Services.AddScoped<EchoScoped>();
        builder.Services.AddHandler<EchoRequest, EchoResponse, EchoHandler>();
        configure(builder.Services);
        return builder.Build();
    }

    internal sealed class Journal
    {
        private readonly ConcurrentQueue<string> _entries = new();

        public IReadOnlyList<string> Entries => [.. _entries];

        public void Add(string entry) => _entries.Enqueue(entry);
    }

    internal sealed class PrimingCounts
    {
        private int _reads;
        private int _writes;
        private int _constructed;
        private int _handled;
        private int _scopesDisposed;

        public int Reads => Volatile.Read(ref _reads);

        public int Writes => Volatile.Read(ref _writes);

        public int Constructed => Volatile.Read(ref _constructed);

        public int Handled => Volatile.Read(ref _handled);

        public int ScopesDisposed => Volatile.Read(ref _scopesDisposed);

        public void Read() => Interlocked.Increment(ref _reads);

        public void Wrote() => Interlocked.Increment(ref _writes);

        public void Construct() => Interlocked.Increment(ref _constructed);

        public void Handle() => Interlocked.Increment(ref _handled);

        public void DisposeScope() => Interlocked.Increment(ref _scopesDisposed);
    }

    [System.Text.Json.Serialization.JsonConverter(typeof(CountingConverter))]
    internal readonly record struct Counted(int N);

    /// <summary>Counts its reads and writes: what the JSON code of the event and the response ran.</summary>
    internal sealed class CountingConverter : System.Text.Json.Serialization.JsonConverter<Counted>
    {
        public static PrimingCounts Counts { get; set; } = new();

        public override Counted Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options)
        {
            Counts.Read();
            using var document = System.Text.Json.JsonDocument.ParseValue(ref reader);
            return new Counted(document.RootElement.TryGetProperty("N", out var n) ? n.GetInt32() : 0);
        }

        public override void Write(System.Text.Json.Utf8JsonWriter writer, Counted value, System.Text.Json.JsonSerializerOptions options)
        {
            Counts.Wrote();
            writer.WriteStartObject();
            writer.WriteNumber("N", value.N);
            writer.WriteEndObject();
        }
    }

    internal sealed record PrimedEvent(Counted Count);

    internal sealed record PrimedResponse(Counted Count);

    [System.Text.Json.Serialization.JsonSerializable(typeof(PrimedEvent))]
    [System.Text.Json.Serialization.JsonSerializable(typeof(PrimedResponse))]
    internal sealed partial class PrimedJsonContext : System.Text.Json.Serialization.JsonSerializerContext;

    internal sealed class ScopeProbe(PrimingCounts counts) : IDisposable
    {
        public void Dispose() => counts.DisposeScope();
    }

    internal sealed class PrimedHandler : ILambdaHandler<PrimedEvent, PrimedResponse>
    {
        private readonly PrimingCounts _counts;

        public PrimedHandler(PrimingCounts counts, ScopeProbe probe)
        {
            _counts = counts;
            _ = probe;
            counts.Construct();
        }

        public ValueTask<PrimedResponse> HandleAsync(PrimedEvent input, ILambdaContext context, CancellationToken cancellationToken)
        {
            _counts.Handle();
            return ValueTask.FromResult(new PrimedResponse(new Counted(input.Count.N + 1)));
        }
    }

    internal sealed class ContextHungryHandler(PrimingCounts counts, ILambdaContext context) : ILambdaHandler<PrimedEvent, PrimedResponse>
    {
        public ValueTask<PrimedResponse> HandleAsync(PrimedEvent input, ILambdaContext invocation, CancellationToken cancellationToken)
        {
            counts.Handle();
            return ValueTask.FromResult(new PrimedResponse(new Counted(context.RemainingTime > TimeSpan.Zero ? input.Count.N : -1)));
        }
    }

    internal sealed record Refreshed(int Generation);

    internal sealed record Kept(int Generation);

    internal sealed class FirstHook(Journal journal) : ILambdaSnapshotHook
    {
        public ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken)
        {
            journal.Add("first:before");
            return ValueTask.CompletedTask;
        }

        public ValueTask AfterRestoreAsync(CancellationToken cancellationToken)
        {
            journal.Add("first:after");
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class SecondHook(Journal journal) : ILambdaSnapshotHook
    {
        public ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken)
        {
            journal.Add("second:before");
            return ValueTask.CompletedTask;
        }

        public ValueTask AfterRestoreAsync(CancellationToken cancellationToken)
        {
            journal.Add("second:after");
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class FailingBeforeHook : ILambdaSnapshotHook
    {
        public ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("primer offline");

        public ValueTask AfterRestoreAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    internal sealed class FailingAfterHook : ILambdaSnapshotHook
    {
        public ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask AfterRestoreAsync(CancellationToken cancellationToken) => throw new InvalidOperationException("credentials expired");
    }
}
