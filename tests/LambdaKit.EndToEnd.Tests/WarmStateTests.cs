using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>
/// The WarmState sample as a real process: its client is warm state, built once and reused. The time-to-live is tested on a
/// fake clock, in-process (tests/Samples/WarmState.Tests and LambdaKit.Tests' WarmStateTests): a real process cannot be
/// given a clock, and sleeping past a TTL only races it.
/// </summary>
public sealed class WarmStateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    internal sealed record Answer(int ClientId, int FactoryRuns, int Queries, bool WasWarm, bool ColdStart, string RequestId)
    {
        public static Answer From(InvocationResult result)
        {
            Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
            using var body = result.ParseBody();
            var root = body.RootElement;
            return new Answer(
                root.GetProperty("clientId").GetInt32(),
                root.GetProperty("factoryRuns").GetInt32(),
                root.GetProperty("queries").GetInt32(),
                root.GetProperty("wasWarm").GetBoolean(),
                root.GetProperty("coldStart").GetBoolean(),
                root.GetProperty("requestId").GetString()!);
        }
    }

    internal static async Task<Answer> InvokeAsync(LocalRuntimeApi api, string json = "{}")
        => Answer.From(await api.InvokeAsync(json).WaitAsync(Patience));

    private static async Task<string[]> StopAsync(SampleProcess function)
    {
        function.Terminate();
        var exitCode = await function.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{function}");
        return [.. function.StandardOutput];
    }

    [Fact]
    public async Task Factory_runs_once_across_100_invocations_of_one_process()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api);

        var answers = new List<Answer>();
        for (var i = 0; i < 100; i++)
        {
            answers.Add(await InvokeAsync(api, $$"""{"question":"q{{i}}"}"""));
        }

        Assert.All(answers, a => Assert.Equal(1, a.ClientId));
        Assert.All(answers, a => Assert.Equal(1, a.FactoryRuns));
        Assert.Equal(Enumerable.Range(1, 100), answers.Select(a => a.Queries));
        Assert.False(answers[0].WasWarm);
        Assert.All(answers.Skip(1), a => Assert.True(a.WasWarm));
    }

    [Fact]
    public async Task Factory_runs_once_when_eight_first_uses_race()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_MAX_CONCURRENCY"] = "8",
            // Connecting takes long enough that all eight invocations ask for the client while it is being built.
            ["WARM_CONNECT_MS"] = "3000",
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => api.InvokeAsync($$"""{"question":"race {{i}}"}"""))).WaitAsync(Patience);
        var answers = results.Select(Answer.From).ToArray();

        Assert.All(answers, a => Assert.False(a.WasWarm));
        Assert.All(answers, a => Assert.Equal(1, a.ClientId));
        Assert.All(answers, a => Assert.Equal(1, a.FactoryRuns));
        Assert.Equal(Enumerable.Range(1, 8), answers.Select(a => a.Queries).Order());
        Assert.Equal(8, answers.Select(a => a.RequestId).Distinct().Count());
    }

    [Fact]
    public async Task Factory_runs_again_after_invalidation()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api);

        var broken = await InvokeAsync(api, """{"question":"a","invalidate":true}""");
        var rebuilt = await InvokeAsync(api, """{"question":"b"}""");
        var reused = await InvokeAsync(api, """{"question":"c"}""");
        var stdout = await StopAsync(function);

        Assert.Equal(1, broken.ClientId);
        Assert.False(rebuilt.WasWarm);
        Assert.Equal((2, 2), (rebuilt.ClientId, rebuilt.FactoryRuns));
        Assert.Equal((2, 2, 2), (reused.ClientId, reused.FactoryRuns, reused.Queries));
        Assert.Contains(stdout, l => l.Contains("WarmState: client 1 disposed after 1 queries", StringComparison.Ordinal));
        Assert.Contains(stdout, l => l.Contains("WarmState: client 2 disposed after 2 queries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throwing_factory_is_retried_on_the_next_invocation()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string> { ["WARM_FAIL_FIRST"] = "2" });

        var failures = new[] { await api.InvokeAsync("{}").WaitAsync(Patience), await api.InvokeAsync("{}").WaitAsync(Patience) };
        var recovered = await InvokeAsync(api);
        var reused = await InvokeAsync(api);

        for (var i = 0; i < failures.Length; i++)
        {
            Assert.Equal(InvocationOutcome.Error, failures[i].Outcome);
            Assert.Equal("ClientConnectFailed", failures[i].ErrorTypeHeader);
            using var error = failures[i].ParseBody();
            Assert.Contains($"Connection attempt {i + 1} failed on purpose", error.RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal((3, 3), (recovered.ClientId, recovered.FactoryRuns));
        Assert.Equal((3, 3), (reused.ClientId, reused.FactoryRuns));
    }

    [Fact]
    public async Task Warm_up_at_start_connects_before_the_first_invocation()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string> { ["WARM_UP_AT_START"] = "true" });

        var first = await InvokeAsync(api);

        Assert.True(first.WasWarm);
        Assert.True(first.ColdStart);
        Assert.Equal((1, 1, 1), (first.ClientId, first.FactoryRuns, first.Queries));
    }

    [Fact]
    public async Task Warm_up_failure_is_posted_to_init_error_and_the_process_exits_non_zero()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string>
        {
            ["WARM_UP_AT_START"] = "true",
            ["WARM_FAIL_FIRST"] = "1",
        });

        var initError = await api.InitError.WaitAsync(Patience);
        var exitCode = await function.WaitForExitAsync(Patience);

        Assert.NotEqual(0, exitCode);
        Assert.Equal("ClientConnectFailed", initError.ErrorTypeHeader);
        Assert.Equal(0, api.NextCalls);
    }

    [Fact]
    public async Task Held_client_is_disposed_when_the_process_is_asked_to_stop()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api);
        await InvokeAsync(api);
        await InvokeAsync(api);

        var stdout = await StopAsync(function);

        Assert.Equal(1, api.ExtensionRegistrations);
        Assert.Single(stdout, l => l.Contains("WarmState: client 1 disposed after 2 queries", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IsColdStart_is_true_for_exactly_the_first_invocation_of_a_process()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api);

        var answers = new List<Answer>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await InvokeAsync(api));
        }

        Assert.Equal([true, false, false, false, false, false, false, false, false, false], answers.Select(a => a.ColdStart));
    }

    [Fact]
    public async Task IsColdStart_is_true_exactly_once_when_invocations_run_concurrently()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string> { ["AWS_LAMBDA_MAX_CONCURRENCY"] = "8" });

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => api.InvokeAsync("""{"sleepMs":50}"""))).WaitAsync(Patience);

        Assert.Single(results.Select(Answer.From), a => a.ColdStart);
    }

    [Fact]
    public async Task IsColdStart_is_never_true_in_a_provisioned_environment()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string> { ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "provisioned-concurrency" });

        var first = await InvokeAsync(api);
        var second = await InvokeAsync(api);

        Assert.False(first.ColdStart);
        Assert.False(second.ColdStart);
    }
}
