using System.Reflection;
using System.Text.Json;
using LambdaKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace WarmState.Tests;

/// <summary>The WarmState sample's own Program, run in-process: the expensive client is built once and reused.</summary>
public sealed class WarmStateInProcessTests
{
    private static readonly Assembly Sample = Assembly.Load("bootstrap");

    private static JsonElement Json(LambdaTestResult result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        using var document = result.ParseResponse();
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Client_is_built_once_reused_while_warm_and_rebuilt_after_invalidation()
    {
        await using var host = await LambdaTestHost.StartAsync(Sample);

        var first = Json(await host.InvokeAsync("""{"question":"one"}"""));
        var second = Json(await host.InvokeAsync("""{"question":"two","invalidate":true}"""));
        var third = Json(await host.InvokeAsync("""{"question":"three"}"""));

        Assert.False(first.GetProperty("wasWarm").GetBoolean());
        Assert.True(first.GetProperty("coldStart").GetBoolean());
        Assert.True(second.GetProperty("wasWarm").GetBoolean());
        Assert.False(second.GetProperty("coldStart").GetBoolean());
        Assert.Equal(first.GetProperty("clientId").GetInt32(), second.GetProperty("clientId").GetInt32());
        Assert.Equal(2, second.GetProperty("queries").GetInt32());
        Assert.False(third.GetProperty("wasWarm").GetBoolean());
        Assert.NotEqual(first.GetProperty("clientId").GetInt32(), third.GetProperty("clientId").GetInt32());
        Assert.Equal(1, third.GetProperty("queries").GetInt32());
        Assert.Contains(host.Logs, l => l.Category == "WarmState.ExpensiveClient" && l.Message.Contains("connected", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Client_is_rebuilt_at_its_time_to_live_on_the_functions_clock_and_the_expired_one_disposed_after_the_grace_period()
    {
        // The sample reads WARM_TTL_MS at start (the tests of this class run one after the other, so the variables are theirs).
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
        LambdaTestHost host;
        Environment.SetEnvironmentVariable("WARM_TTL_MS", "2000");
        Environment.SetEnvironmentVariable("WARM_CONNECT_MS", "0");
        try
        {
            host = await LambdaTestHost.StartAsync(Sample, builder => builder.Services.AddSingleton<TimeProvider>(time));
        }
        finally
        {
            Environment.SetEnvironmentVariable("WARM_TTL_MS", null);
            Environment.SetEnvironmentVariable("WARM_CONNECT_MS", null);
        }

        await using var _ = host;
        var first = Json(await host.InvokeAsync("""{"question":"one"}"""));
        time.Advance(TimeSpan.FromMilliseconds(1_999));
        var lastFresh = Json(await host.InvokeAsync("""{"question":"two"}"""));
        time.Advance(TimeSpan.FromMilliseconds(1));
        var afterTtl = Json(await host.InvokeAsync("""{"question":"three"}"""));
        var reused = Json(await host.InvokeAsync("""{"question":"four"}"""));
        var firstId = first.GetProperty("clientId").GetInt32();

        Assert.False(first.GetProperty("wasWarm").GetBoolean());
        Assert.True(lastFresh.GetProperty("wasWarm").GetBoolean());
        Assert.Equal((firstId, 2), (lastFresh.GetProperty("clientId").GetInt32(), lastFresh.GetProperty("queries").GetInt32()));
        Assert.False(afterTtl.GetProperty("wasWarm").GetBoolean());
        Assert.Equal(first.GetProperty("factoryRuns").GetInt32() + 1, afterTtl.GetProperty("factoryRuns").GetInt32());
        var secondId = afterTtl.GetProperty("clientId").GetInt32();
        Assert.NotEqual(firstId, secondId);
        Assert.Equal((secondId, 2), (reused.GetProperty("clientId").GetInt32(), reused.GetProperty("queries").GetInt32()));

        // The expired client is kept for the grace period (one minute by default) for invocations still using it.
        var disposed = $"WarmState: client {firstId} disposed after 2 queries";
        time.Advance(TimeSpan.FromSeconds(59));
        Assert.DoesNotContain(host.Logs, l => l.Message == disposed);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(SpinWait.SpinUntil(() => host.Logs.Any(l => l.Message == disposed), TimeSpan.FromSeconds(10)), disposed);
    }

    [Fact]
    public async Task Invocation_logs_come_back_with_their_levels_and_exceptions()
    {
        await using var host = await LambdaTestHost.StartAsync(Sample, options: new LambdaTestHostOptions { MinimumLevel = LogLevel.Debug });

        var result = await host.InvokeAsync("""{"question":"log","log":true}""", new InvocationRequest { RequestId = "req-log" });

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Contains(result.Logs, l => l.Level == LogLevel.Information && l.Message == "Invocation req-log started");
        Assert.Contains(result.Logs, l => l.Level == LogLevel.Debug && l.Message == "Invocation req-log: debug detail");
        var failure = Assert.Single(result.Logs, l => l.Level == LogLevel.Error);
        Assert.Equal("A handled failure in req-log", failure.Exception!.Message);
        Assert.Contains(result.Logs, l => l.Category is null && l.Message == "context logger line of req-log");
    }
}
