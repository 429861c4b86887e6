using System.Text.Json;
using LambdaKit.Hosting;
using LambdaKit.Invocation;
using LambdaKit.Runtime;
using LambdaKit.Testing;
using LambdaKit.Tests.Batching;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Runtime;

/// <summary>Overlapping invocations, worker faults, work abandoned at the deadline, init-error reporting.</summary>
public sealed class LoopReliabilityTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task With_eight_workers_interleaved_slow_and_fast_invocations_each_get_their_own_id_scope_log_tag_and_token()
    {
        await using var loop = await LoopOverHttp.StartAsync(concurrency: 8);
        var calls = Enumerable.Range(0, 24)
            .Select(i => (Id: $"req-{i:00}", Call: loop.InvokeAsync($"t{i}", delayMs: i % 3 == 0 ? 400 : 0, requestId: $"req-{i:00}")))
            .ToList();
        // One slow invocation whose own deadline passes: only its token fires.
        var doomed = loop.InvokeAsync("doomed", delayMs: 20_000, requestId: "doomed", timeout: TimeSpan.FromSeconds(2));

        var scopes = new HashSet<int>();
        foreach (var (id, call) in calls)
        {
            var result = await call.WaitAsync(Wait);
            Assert.Equal(InvocationOutcome.Response, result.Outcome);
            var body = JsonSerializer.Deserialize(result.BodyText, EchoJsonContext.Default.EchoResponse)!;
            Assert.Equal(id, result.RequestId);
            Assert.Equal(id, body.RequestId);
            Assert.Equal(id, body.LogRequestId);
            Assert.Equal($"t{int.Parse(id[4..], System.Globalization.CultureInfo.InvariantCulture)}", body.Text);
            Assert.False(body.Cancelled);
            Assert.True(scopes.Add(body.Scope), $"scope {body.Scope} was shared");
        }

        var cancelled = await doomed.WaitAsync(Wait);
        Assert.Equal(InvocationOutcome.Error, cancelled.Outcome);
        Assert.Contains("Cancel", cancelled.ErrorTypeHeader, StringComparison.Ordinal);
        loop.AssertEachHandedOutAnsweredOnce();
    }

    [Fact]
    public async Task A_worker_that_faults_outside_any_handler_stops_the_others_after_their_invocation_and_the_fault_is_rethrown()
    {
        var api = new FakeRuntimeApiClient { ResponseFault = id => id == "poison" ? new InvalidOperationException("sink broke") : null };
        var logs = new CapturingLoggerProvider();
        var time = new ManualTimeProvider(Now);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new LambdaEnvironment(name => name == "AWS_LAMBDA_MAX_CONCURRENCY" ? "8" : null));
        services.AddLogging(l => l.AddProvider(logs));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(EchoJsonContext.Default));
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddScoped<EchoScoped>();
        services.AddHandler<EchoRequest, EchoResponse, EchoHandler>();
        await using var provider = services.BuildServiceProvider();
        var loop = provider.GetRequiredService<LambdaRuntimeLoop>().RunAsync(CancellationToken.None);

        // The slow invocation waits 300 ms on the manual clock: it stays in flight until the test moves the clock.
        var slow = api.Enqueue("""{"Text":"slow","DelayMs":300}""", Now.AddMinutes(1), "slow");
        Assert.True(SpinWait.SpinUntil(() => time.HasTimerDueAt(Now.AddMilliseconds(300)), Wait));
        _ = api.Enqueue("""{"Text":"poison"}""", Now.AddMinutes(1), "poison");
        Assert.True(SpinWait.SpinUntil(() => logs.Lines.Any(l => l.Level == LogLevel.Critical), Wait));
        Assert.False(slow.IsCompleted);
        Assert.False(loop.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(300));

        var fault = await Assert.ThrowsAsync<InvalidOperationException>(() => loop.WaitAsync(Wait));
        Assert.Equal("sink broke", fault.Message);
        Assert.Equal("response", (await slow.WaitAsync(Wait)).Kind);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Critical && l.Message.Contains("7 other worker(s) stop", StringComparison.Ordinal));
    }

    internal sealed class TrackedScope : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Use() => ObjectDisposedException.ThrowIf(Disposed, this);

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public async Task Work_abandoned_at_the_deadline_keeps_its_scope_until_it_finished_and_its_failure_is_logged()
    {
        var time = new ManualTimeProvider(Now);
        var api = new FakeRuntimeApiClient();
        var logs = new CapturingLoggerProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TrackedScope? seen = null;
        var usedAfterDeadline = false;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging(l => l.AddProvider(logs));
        services.AddLambdaKit();
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddScoped<TrackedScope>();
        services.AddHttpApi(http => http.MapGet("/stubborn", async (request, _) =>
        {
            seen = request.Services.GetRequiredService<TrackedScope>();
            started.SetResult();
            await release.Task;
            seen.Use();
            usedAfterDeadline = true;
            throw new InvalidOperationException("failed after it was abandoned");
        }));
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var loop = provider.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);

        var answer = api.Enqueue(
            """{"version":"2.0","routeKey":"$default","rawPath":"/stubborn","requestContext":{"http":{"method":"GET","path":"/stubborn"},"stage":"$default"}}""",
            Now.AddSeconds(10),
            "stubborn");
        await started.Task.WaitAsync(Wait);
        time.Advance(TimeSpan.FromSeconds(10));
        var (kind, body, _) = await answer.WaitAsync(Wait);

        Assert.Equal("response", kind);
        Assert.Contains("504", body, StringComparison.Ordinal);
        Assert.False(seen!.Disposed);

        release.SetResult();
        Assert.True(SpinWait.SpinUntil(() => seen.Disposed, Wait));
        Assert.True(usedAfterDeadline);
        Assert.True(SpinWait.SpinUntil(() => logs.Lines.Any(l => l.Message.Contains("abandoned at the deadline failed later", StringComparison.Ordinal)), Wait));
        stop.Cancel();
        await loop;
    }

    [Fact]
    public void Creating_many_builders_installs_one_process_wide_crash_handler()
    {
        for (var i = 0; i < 5; i++)
        {
            _ = LambdaApplication.CreateBuilder();
        }

        Assert.Equal(1, InitErrorReporter.HookInstalls);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("127.0.0.1:1")]
    public async Task Reporting_an_init_error_never_throws_whatever_the_client_throws(string runtimeApi)
    {
        var environment = new LambdaEnvironment(name => name == "AWS_LAMBDA_RUNTIME_API" ? runtimeApi : null);
        var ownClient = InitErrorReporter.Create(environment);
        var givenClient = InitErrorReporter.Create(environment);

        await ownClient.ReportAsync(new InvalidOperationException("init broke"), client: null);
        await givenClient.ReportAsync(new InvalidOperationException("init broke"), new ThrowingClient());

        Assert.True(ownClient.Reported);
        Assert.True(givenClient.Reported);
    }

    [Fact]
    public async Task Each_application_reports_its_own_init_error_once()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        var environment = new LambdaEnvironment(name => name == "AWS_LAMBDA_RUNTIME_API" ? api.Address : null);
        var first = InitErrorReporter.Create(environment);
        var second = InitErrorReporter.Create(environment);

        await first.ReportAsync(new InvalidOperationException("first"), client: null);
        await first.ReportAsync(new InvalidOperationException("again"), client: null);

        var reported = await api.InitError.WaitAsync(Wait);
        Assert.Contains("first", reported.BodyText, StringComparison.Ordinal);
        Assert.True(first.Reported);
        Assert.False(second.Reported);
    }

    [Theory]
    [InlineData("127.0.0.1:9001", "127.0.0.1:9001", "")]
    [InlineData("127.0.0.1:9001/SomeFunction", "127.0.0.1:9001", "/SomeFunction")]
    [InlineData("localhost:5050/Fn/", "localhost:5050", "/Fn")]
    [InlineData("http://localhost:5050/a/b", "localhost:5050", "/a/b")]
    public void Runtime_api_variable_splits_into_host_port_and_path_prefix(string value, string hostAndPort, string prefix)
        => Assert.Equal((hostAndPort, prefix), RuntimeApiClient.SplitPrefix(value));

    private sealed class ThrowingClient : IRuntimeApiClient
    {
        public ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken) => throw new TimeoutException("client broke");

        public ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask WaitForRestoreAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public ValueTask SendRestoreErrorAsync(LambdaError report, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
