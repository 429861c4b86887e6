using System.Globalization;
using System.Text.Json;
using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>The log lines of a real process (the WarmState sample), read from its stdout after it stopped.</summary>
public sealed class LoggingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly string[] LambdaLevels = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"];
    private const string TraceRoot = "1-5759e988-bd862e3fe1be46a994272793";

    private static async Task<string[]> StopAsync(SampleProcess function)
    {
        function.Terminate();
        var exitCode = await function.WaitForExitAsync(Patience);
        Assert.True(exitCode == 0, $"exit code {exitCode}{Environment.NewLine}{function}");
        return [.. function.StandardOutput];
    }

    /// <summary>Parses every line as one JSON object with the fields every Lambda JSON log line has.</summary>
    private static JsonElement[] ParseJsonLines(string[] stdout)
    {
        Assert.NotEmpty(stdout);
        return stdout.Select(line =>
        {
            JsonElement root;
            try
            {
                root = JsonDocument.Parse(line).RootElement.Clone();
            }
            catch (JsonException exception)
            {
                throw new Xunit.Sdk.XunitException($"Not a JSON line: {line}{Environment.NewLine}{exception.Message}");
            }

            Assert.Equal(JsonValueKind.Object, root.ValueKind);
            if (!root.TryGetProperty("_aws", out _))
            {
                Assert.True(DateTimeOffset.TryParseExact(root.GetProperty("timestamp").GetString(), "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), line);
                Assert.Contains(root.GetProperty("level").GetString(), LambdaLevels);
                Assert.Equal(JsonValueKind.String, root.GetProperty("message").ValueKind);
            }

            return root;
        }).ToArray();
    }

    private static string? Text(JsonElement line, string name) => line.TryGetProperty(name, out var value) ? value.GetString() : null;

    [Fact]
    public async Task Json_log_lines_of_a_real_process_carry_the_fields_of_Lambda_structured_logs()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string> { ["AWS_LAMBDA_LOG_FORMAT"] = "JSON" });
        var request = new InvocationRequest { TraceId = $"Root={TraceRoot};Parent=53995c3f42cd8ad8;Sampled=1" };

        var first = await api.InvokeAsync("""{"log":true}""", request).WaitAsync(Patience);
        var second = await api.InvokeAsync("""{"log":true}""", request).WaitAsync(Patience);
        var lines = ParseJsonLines(await StopAsync(function));

        var handlerLines = lines.Where(l => l.TryGetProperty("Marker", out _)).ToArray();
        Assert.Equal(6, handlerLines.Length);
        Assert.All(handlerLines, l =>
        {
            Assert.Equal(Text(l, "Marker"), Text(l, "requestId"));
            Assert.Equal(TraceRoot, Text(l, "traceId"));
            Assert.Equal("WarmState.WarmHandler", Text(l, "logger"));
            Assert.Equal(Text(l, "requestId") == first.RequestId, l.GetProperty("coldStart").GetBoolean());
        });
        Assert.Equal(
            [first.RequestId, first.RequestId, first.RequestId, second.RequestId, second.RequestId, second.RequestId],
            handlerLines.Select(l => Text(l, "requestId")));
        Assert.DoesNotContain(lines, l => Text(l, "level") == "DEBUG");

        var started = handlerLines[0];
        Assert.Equal("INFO", Text(started, "level"));
        Assert.Equal($"Invocation {first.RequestId} started", Text(started, "message"));
        var slow = handlerLines[1];
        Assert.Equal("WARN", Text(slow, "level"));
        Assert.Equal(0, slow.GetProperty("SleepMs").GetInt32());
        var failure = handlerLines[2];
        Assert.Equal("ERROR", Text(failure, "level"));
        Assert.Equal("System.InvalidOperationException", Text(failure, "errorType"));
        Assert.Equal($"A handled failure in {first.RequestId}", Text(failure, "errorMessage"));
        Assert.Contains(failure.GetProperty("stackTrace").EnumerateArray(), f => f.GetString()!.Contains("WarmHandler", StringComparison.Ordinal));

        var contextLine = Assert.Single(lines, l => Text(l, "message") == $"context logger line of {first.RequestId}");
        Assert.Equal(first.RequestId, Text(contextLine, "requestId"));
        Assert.False(contextLine.TryGetProperty("logger", out _));

        // The client is built outside any invocation, and disposed at shutdown: no request id on those lines.
        var connected = Assert.Single(lines, l => Text(l, "message")?.StartsWith("WarmState: client 1 connected", StringComparison.Ordinal) == true);
        Assert.Equal("WarmState.ExpensiveClient", Text(connected, "logger"));
        Assert.Equal(1, connected.GetProperty("ClientId").GetInt32());
        Assert.False(connected.TryGetProperty("requestId", out _));
        Assert.Single(lines, l => Text(l, "message") == "WarmState: client 1 disposed after 2 queries");
    }

    [Fact]
    public async Task Warn_level_hides_information_and_debug_lines()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
            ["AWS_LAMBDA_LOG_LEVEL"] = "WARN",
        });

        var result = await api.InvokeAsync("""{"log":true}""").WaitAsync(Patience);
        var lines = ParseJsonLines(await StopAsync(function));

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        Assert.Equal(["WARN", "ERROR"], lines.Select(l => Text(l, "level")));
        Assert.All(lines, l => Assert.Equal(result.RequestId, Text(l, "requestId")));
    }

    [Fact]
    public async Task Concurrent_invocations_each_log_their_own_request_id()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string>
        {
            ["AWS_LAMBDA_LOG_FORMAT"] = "JSON",
            ["AWS_LAMBDA_MAX_CONCURRENCY"] = "8",
        });

        var results = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => api.InvokeAsync("""{"log":true,"sleepMs":200}"""))).WaitAsync(Patience);
        var lines = ParseJsonLines(await StopAsync(function));

        Assert.All(results, r => Assert.Equal(InvocationOutcome.Response, r.Outcome));
        var handlerLines = lines.Where(l => l.TryGetProperty("Marker", out _)).ToArray();
        Assert.Equal(24 * 3, handlerLines.Length);
        Assert.All(handlerLines, l => Assert.Equal(Text(l, "Marker"), Text(l, "requestId")));
        Assert.Equal(results.Select(r => r.RequestId).Order(), handlerLines.Select(l => Text(l, "requestId")!).Distinct().Order());
        foreach (var result in results)
        {
            var contextLine = Assert.Single(lines, l => Text(l, "message") == $"context logger line of {result.RequestId}");
            Assert.Equal(result.RequestId, Text(contextLine, "requestId"));
        }

        // The invocations did overlap: another invocation's line sits between one's first and last line.
        var order = handlerLines.Select(l => Text(l, "requestId")).ToList();
        Assert.Contains(results, r => order.IndexOf(r.RequestId) + 2 != order.LastIndexOf(r.RequestId));
    }

    [Fact]
    public async Task Text_log_lines_are_timestamp_request_id_level_and_message()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api);

        var result = await api.InvokeAsync("""{"log":true}""").WaitAsync(Patience);
        var stdout = await StopAsync(function);

        var entries = stdout.Select(l => l.Split('\t')).Where(p => p.Length == 4).ToArray();
        Assert.All(entries, p => Assert.True(DateTimeOffset.TryParseExact(p[0], "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), string.Join('|', p)));
        Assert.Contains(entries, p => p[1] == result.RequestId && p[2] == "INFO" && p[3] == $"Invocation {result.RequestId} started");
        Assert.Contains(entries, p => p[1] == result.RequestId && p[2] == "WARN" && p[3] == $"Invocation {result.RequestId} slept 0 ms");
        // The exception follows the message after ": " (its stack frames after carriage returns, which ReadLine splits at).
        Assert.Contains(entries, p => p[1] == result.RequestId && p[2] == "ERROR" && p[3] == $"Invocation {result.RequestId} logged a failure: System.InvalidOperationException: A handled failure in {result.RequestId}");
        Assert.Contains(entries, p => p[1] == result.RequestId && p[2] == "INFO" && p[3] == $"context logger line of {result.RequestId}");
        Assert.Contains(entries, p => p[1].Length == 0 && p[3] == "WarmState: client 1 disposed after 1 queries");
        Assert.DoesNotContain(entries, p => p[2] == "DEBUG");
    }

    [Fact]
    public async Task Metrics_option_writes_one_embedded_metric_format_line_per_invocation()
    {
        await using var api = await LocalRuntimeApi.StartAsync();
        await using var function = SampleProcess.Start("WarmState", api, new Dictionary<string, string>
        {
            ["WARM_METRICS"] = "1",
            ["WARM_FAIL_FIRST"] = "1",
        });

        var failed = await api.InvokeAsync("{}").WaitAsync(Patience);
        var ok = await api.InvokeAsync("{}").WaitAsync(Patience);
        var stdout = await StopAsync(function);

        var metrics = stdout.Where(l => l.StartsWith("{\"_aws\"", StringComparison.Ordinal)).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        Assert.Equal([failed.RequestId, ok.RequestId], metrics.Select(m => Text(m, "requestId")));
        Assert.Equal([1, 0], metrics.Select(m => m.GetProperty("Errors").GetInt32()));
        Assert.Equal([1, 0], metrics.Select(m => m.GetProperty("ColdStart").GetInt32()));
        Assert.All(metrics, m => Assert.Equal(api.Options.FunctionName, Text(m, "FunctionName")));
        Assert.All(metrics, m => Assert.True(m.GetProperty("Duration").GetDouble() > 0));
        Assert.All(metrics, m => Assert.Equal("LambdaKit", m.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString()));
    }
}
