using System.Reflection;
using System.Text.Json;
using LambdaKit.Testing;
using Microsoft.Extensions.Logging;

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
