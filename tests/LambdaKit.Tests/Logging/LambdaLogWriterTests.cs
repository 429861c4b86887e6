// Logging calls here exercise templates and properties on purpose, and read ValueTask.IsCompleted.
#pragma warning disable CA1848, CA1873, CA1727, CA2254, CA2012, CA1859

using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Logging;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Logging;

public sealed class LambdaLogWriterTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, 123, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private const string TraceHeader = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    private static LambdaEnvironment Environment(string? format = null, string? level = null)
        => new(name => name switch
        {
            "AWS_LAMBDA_LOG_FORMAT" => format,
            "AWS_LAMBDA_LOG_LEVEL" => level,
            "AWS_LAMBDA_FUNCTION_NAME" => "orders",
            _ => null,
        });

    private static LambdaLogWriter Writer(CapturedOutput output, string? format = null, string? level = null, Action<LambdaLoggingOptions>? configure = null)
    {
        var options = new LambdaLoggingOptions();
        configure?.Invoke(options);
        return new LambdaLogWriter(Environment(format, level), new ManualTimeProvider(Now), options, output);
    }

    internal static InvocationContext Invocation(string requestId, string? traceId = TraceHeader, bool coldStart = false)
        => new(new InvocationHeaders(requestId, Now.AddSeconds(30).ToUnixTimeMilliseconds()) { TraceId = traceId }, Environment(), TimeProvider.System, new RecordingLogger(), coldStart);

    private static ILambdaLogger ContextLogger(LambdaLogWriter writer) => new LambdaLogger(writer);

    private static string[] Lines(LambdaLogWriter writer, CapturedOutput output)
    {
        writer.Flush(Patience);
        return output.Lines;
    }

    private static JsonElement[] JsonLines(LambdaLogWriter writer, CapturedOutput output)
        => Lines(writer, output).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToArray();

    private static void InInvocation(InvocationContext invocation, Action action)
    {
        CurrentInvocation.Context = invocation;
        try
        {
            action();
        }
        finally
        {
            CurrentInvocation.Context = null;
        }
    }

    [Fact]
    public void Text_line_is_timestamp_request_id_level_and_message_separated_by_tabs()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output);

        InInvocation(Invocation("req-1"), () => ContextLogger(writer).LogInformation("hello"));

        Assert.Equal(["2026-11-22T12:00:00.123Z\treq-1\tINFO\thello"], Lines(writer, output));
    }

    [Fact]
    public void Text_line_outside_an_invocation_has_an_empty_request_id()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "Text");

        ContextLogger(writer).LogWarning("starting");

        Assert.Equal(["2026-11-22T12:00:00.123Z\t\tWARN\tstarting"], Lines(writer, output));
    }

    [Fact]
    public void Text_line_keeps_a_multi_line_message_and_its_exception_in_one_entry()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output);

        ContextLogger(writer).Log(LogLevel.Error, new InvalidOperationException("broken"), "first\nsecond");

        var line = Assert.Single(Lines(writer, output));
        Assert.StartsWith("2026-11-22T12:00:00.123Z\t\tERROR\tfirst\rsecond: System.InvalidOperationException: broken", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_line_has_the_fields_of_Lambda_structured_logs()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON");
        using var loggers = new LoggerFactory([new LambdaLoggerProvider(writer)]);
        var logger = loggers.CreateLogger("Orders.Api");

        InInvocation(Invocation("req-1", coldStart: true), () => logger.LogInformation("Order accepted"));

        var line = Assert.Single(JsonLines(writer, output));
        Assert.Equal("2026-11-22T12:00:00.123Z", line.GetProperty("timestamp").GetString());
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("Order accepted", line.GetProperty("message").GetString());
        Assert.Equal("Orders.Api", line.GetProperty("logger").GetString());
        Assert.Equal("req-1", line.GetProperty("requestId").GetString());
        Assert.Equal("1-5759e988-bd862e3fe1be46a994272793", line.GetProperty("traceId").GetString());
        Assert.True(line.GetProperty("coldStart").GetBoolean());
        Assert.False(line.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Json_line_outside_an_invocation_has_no_request_id_and_context_logger_lines_have_no_logger()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "json");

        ContextLogger(writer).LogInformation("init");

        var line = Assert.Single(JsonLines(writer, output));
        Assert.Equal("init", line.GetProperty("message").GetString());
        Assert.False(line.TryGetProperty("requestId", out _));
        Assert.False(line.TryGetProperty("traceId", out _));
        Assert.False(line.TryGetProperty("logger", out _));
    }

    [Fact]
    public void Json_line_carries_message_template_properties_with_their_json_types()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON");
        using var loggers = new LoggerFactory([new LambdaLoggerProvider(writer)]);
        var logger = loggers.CreateLogger("Orders");
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

        logger.LogInformation(
            "Order {OrderId} of {Amount} {Currency} for {Customer} paid={Paid} at {When} id={Id} big={Big} ratio={Ratio} nan={Nan} wait={Wait} level={Level} items={Items} none={None} other={Other}",
            42, 9.5m, "EUR", "Zoë \"Z\"", true, when, id, 1L << 40, 0.25, double.NaN, TimeSpan.FromSeconds(90), LogLevel.Warning, new[] { 1, 2 }, null, new Uri("https://example.com/a"));

        var line = Assert.Single(JsonLines(writer, output));
        Assert.Equal(42, line.GetProperty("OrderId").GetInt32());
        Assert.Equal(9.5m, line.GetProperty("Amount").GetDecimal());
        Assert.Equal("EUR", line.GetProperty("Currency").GetString());
        Assert.Equal("Zoë \"Z\"", line.GetProperty("Customer").GetString());
        Assert.True(line.GetProperty("Paid").GetBoolean());
        Assert.Equal(when, line.GetProperty("When").GetDateTimeOffset());
        Assert.Equal(id, line.GetProperty("Id").GetGuid());
        Assert.Equal(1L << 40, line.GetProperty("Big").GetInt64());
        Assert.Equal(0.25, line.GetProperty("Ratio").GetDouble());
        Assert.Equal("NaN", line.GetProperty("Nan").GetString());
        Assert.Equal("00:01:30", line.GetProperty("Wait").GetString());
        Assert.Equal("Warning", line.GetProperty("Level").GetString());
        Assert.Equal([1, 2], line.GetProperty("Items").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(JsonValueKind.Null, line.GetProperty("None").ValueKind);
        Assert.Equal("https://example.com/a", line.GetProperty("Other").GetString());
        Assert.Contains("\"Customer\":\"Zoë \\\"Z\\\"\"", output.Text, StringComparison.Ordinal);
        Assert.Contains("Order 42 of 9.5 EUR", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_property_that_would_hide_a_Lambda_field_gets_a_leading_underscore()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON");
        using var loggers = new LoggerFactory([new LambdaLoggerProvider(writer)]);

        InInvocation(Invocation("req-9"), () => loggers.CreateLogger("x").LogInformation("{requestId} {message}", "spoofed", "m"));

        var line = Assert.Single(JsonLines(writer, output));
        Assert.Equal("req-9", line.GetProperty("requestId").GetString());
        Assert.Equal("spoofed", line.GetProperty("_requestId").GetString());
        Assert.Equal("m", line.GetProperty("_message").GetString());
    }

    [Fact]
    public void Json_exception_is_written_as_errorType_errorMessage_and_stackTrace()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON");
        Exception exception;
        try
        {
            throw new InvalidOperationException("outer", new TimeoutException("inner"));
        }
        catch (InvalidOperationException caught)
        {
            exception = caught;
        }

        ContextLogger(writer).Log(LogLevel.Critical, exception, "it broke");

        var line = Assert.Single(JsonLines(writer, output));
        Assert.Equal("FATAL", line.GetProperty("level").GetString());
        Assert.Equal("System.InvalidOperationException", line.GetProperty("errorType").GetString());
        Assert.Equal("outer", line.GetProperty("errorMessage").GetString());
        var frames = line.GetProperty("stackTrace").EnumerateArray().Select(f => f.GetString()!).ToArray();
        Assert.Contains(frames, f => f.Contains(nameof(Json_exception_is_written_as_errorType_errorMessage_and_stackTrace), StringComparison.Ordinal));
        Assert.Contains(frames, f => f.Contains("TimeoutException: inner", StringComparison.Ordinal));
    }

    [Fact]
    public void Property_that_throws_when_formatted_does_not_lose_the_line()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON");
        using var loggers = new LoggerFactory([new LambdaLoggerProvider(writer)]);

        writer.Write(LogLevel.Information, new LogCategory("x"), new ThrowingState(), null, (_, _) => "still here");

        var line = Assert.Single(JsonLines(writer, output));
        Assert.StartsWith("still here (properties not logged", line.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LogLevel.Trace, "TRACE")]
    [InlineData(LogLevel.Debug, "DEBUG")]
    [InlineData(LogLevel.Information, "INFO")]
    [InlineData(LogLevel.Warning, "WARN")]
    [InlineData(LogLevel.Error, "ERROR")]
    [InlineData(LogLevel.Critical, "FATAL")]
    public void Levels_are_written_with_Lambda_level_names(LogLevel level, string name)
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON", level: "TRACE");

        ContextLogger(writer).Log(level, "x");

        Assert.Equal(name, Assert.Single(JsonLines(writer, output)).GetProperty("level").GetString());
        Assert.Equal(name, LambdaLogWriter.LevelName(level));
    }

    [Fact]
    public void AWS_LAMBDA_LOG_LEVEL_hides_the_lower_levels()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON", level: "WARN");
        using var loggers = new LoggerFactory([new LambdaLoggerProvider(writer)]);
        var logger = loggers.CreateLogger("x");
        var context = ContextLogger(writer);

        logger.LogDebug("debug");
        logger.LogInformation("info");
        context.LogInformation("context info");
        logger.LogWarning("warn");
        context.LogError("context error");

        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
        Assert.Equal(["warn", "context error"], JsonLines(writer, output).Select(l => l.GetProperty("message").GetString()));
    }

    [Theory]
    [InlineData(null, LogLevel.Information)]
    [InlineData("debug", LogLevel.Debug)]
    [InlineData("WARN", LogLevel.Warning)]
    [InlineData("FATAL", LogLevel.Critical)]
    [InlineData("nonsense", LogLevel.Information)]
    public void Minimum_level_comes_from_AWS_LAMBDA_LOG_LEVEL(string? variable, LogLevel expected)
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, level: variable);

        Assert.Equal(expected, writer.MinimumLevel);
        Assert.False(writer.IsEnabled(LogLevel.None));
    }

    [Fact]
    public void Format_option_overrides_AWS_LAMBDA_LOG_FORMAT()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "Text", configure: o => o.Format = LambdaLogFormat.Json);

        ContextLogger(writer).LogInformation("x");

        Assert.Equal(LambdaLogFormat.Json, writer.Format);
        Assert.Equal("x", Assert.Single(JsonLines(writer, output)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task Each_overlapping_invocation_logs_its_own_request_id()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, format: "JSON");
        using var loggers = new LoggerFactory([new LambdaLoggerProvider(writer)]);
        var logger = loggers.CreateLogger("Overlap");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            var requestId = $"req-{i}";
            CurrentInvocation.Context = Invocation(requestId);
            for (var n = 0; n < 25; n++)
            {
                logger.LogInformation("Step {Step} of {Marker}", n, requestId);
                await Task.Yield();
            }
        })));

        var lines = JsonLines(writer, output);
        Assert.Equal(200, lines.Length);
        Assert.All(lines, l => Assert.Equal(l.GetProperty("Marker").GetString(), l.GetProperty("requestId").GetString()));
        foreach (var group in lines.GroupBy(l => l.GetProperty("requestId").GetString()))
        {
            Assert.Equal(Enumerable.Range(0, 25), group.Select(l => l.GetProperty("Step").GetInt32()));
        }
    }

    [Fact]
    public async Task Flush_returns_only_once_the_lines_written_before_it_are_out()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output);
        writer.Flush();
        Assert.Equal(0, output.Writes);
        output.Block();

        ContextLogger(writer).LogInformation("pending");
        var flush = Task.Run(() =>
        {
            writer.Flush();
            // What stdout held when the flush returned: the line must already be out by then, however late that is.
            return output.Text;
        });
        Assert.True(SpinWait.SpinUntil(() => output.BlockedWrites == 1, Patience), "the line never reached stdout");
        Assert.False(flush.IsCompleted);
        output.Release();

        Assert.Contains("pending", await flush.WaitAsync(Patience), StringComparison.Ordinal);
    }

    [Fact]
    public void Flush_writes_the_pending_lines_on_the_calling_thread_instead_of_waiting_for_the_writer_thread()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output);
        var logger = ContextLogger(writer);
        var caller = System.Environment.CurrentManagedThreadId;

        // One line and the loop's flush, as a function that logs once per invocation. The writer thread wakes from its
        // 10 ms nap now and then and may take a line first; most of the lines must be written by the flush itself.
        for (var i = 0; i < 50; i++)
        {
            logger.LogInformation($"invocation {i}");
            writer.Flush();
            Assert.EndsWith($"\tinvocation {i}", output.Lines[^1], StringComparison.Ordinal);
        }

        Assert.True(output.WriterThreads.Count(thread => thread == caller) >= 25, $"writes on the caller's thread: {output.WriterThreads.Count(thread => thread == caller)} of {output.Writes}");
    }

    [Fact]
    public void Stalled_stdout_does_not_hold_log_calls_and_dropped_lines_are_reported()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, configure: o =>
        {
            o.MaxBufferedBytes = 1024;
            o.FullBufferWait = TimeSpan.FromMilliseconds(1);
        });
        var logger = ContextLogger(writer);
        var padding = new string('x', 64);
        output.Block();

        // About 100 bytes a line: ten fit in the buffer while the writer is stuck on stdout, the rest are dropped.
        for (var i = 0; i < 50; i++)
        {
            logger.LogInformation($"line {i:D2} {padding}");
        }

        Assert.InRange(writer.Queue.Dropped, 25, 49);
        output.Release();

        Assert.True(SpinWait.SpinUntil(() => output.Text.Contains("log line(s) were dropped", StringComparison.Ordinal), Patience), output.Text);
        writer.Flush(Patience);
        var lines = output.Lines;
        Assert.Contains(lines, l => l.Contains("\tline 00 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\tWARN\tLambdaKit: ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("\tline 49 ", StringComparison.Ordinal));
    }

    [Fact]
    public void Dispose_writes_what_is_queued_and_later_lines_go_out_synchronously()
    {
        using var output = new CapturedOutput { DelayPerWrite = TimeSpan.FromMilliseconds(20) };
        var writer = Writer(output);
        var logger = ContextLogger(writer);

        for (var i = 0; i < 5; i++)
        {
            logger.LogInformation($"before {i}");
        }

        writer.Dispose();
        Assert.Equal(5, output.Lines.Length);
        logger.LogInformation("after");

        Assert.EndsWith("\tafter", output.Lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Metrics_line_is_cloudwatch_embedded_metric_format()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output, configure: o =>
        {
            o.EnableMetrics = true;
            o.MetricsNamespace = "Shop";
        });
        var invocation = Invocation("req-m", coldStart: true);
        var outcome = new InvocationOutcome { RecordsProcessed = 10, Error = new LambdaError("Handler.Failed", "failed") };

        writer.WriteInvocationMetrics(invocation, TimeSpan.FromMilliseconds(12.5), outcome);

        var line = Assert.Single(JsonLines(writer, output));
        var aws = line.GetProperty("_aws");
        Assert.Equal(Now.ToUnixTimeMilliseconds(), aws.GetProperty("Timestamp").GetInt64());
        var directive = Assert.Single(aws.GetProperty("CloudWatchMetrics").EnumerateArray().ToArray());
        Assert.Equal("Shop", directive.GetProperty("Namespace").GetString());
        Assert.Equal("FunctionName", directive.GetProperty("Dimensions")[0][0].GetString());
        Assert.Equal(
            ["Duration", "ColdStart", "Errors", "RecordsProcessed"],
            directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal("orders", line.GetProperty("FunctionName").GetString());
        Assert.Equal(12.5, line.GetProperty("Duration").GetDouble());
        Assert.Equal(1, line.GetProperty("ColdStart").GetInt32());
        Assert.Equal(1, line.GetProperty("Errors").GetInt32());
        Assert.Equal(10, line.GetProperty("RecordsProcessed").GetInt32());
        Assert.Equal("req-m", line.GetProperty("requestId").GetString());
    }

    [Fact]
    public void Metrics_are_off_by_default()
    {
        using var output = new CapturedOutput();
        using var writer = Writer(output);

        writer.WriteInvocationMetrics(Invocation("req-1"), TimeSpan.FromMilliseconds(3), InvocationOutcome.Completed);

        Assert.False(writer.MetricsEnabled);
        Assert.Empty(Lines(writer, output));
    }

    [Fact]
    public void Writing_a_json_line_allocates_nothing_beyond_the_message()
    {
        using var writer = new LambdaLogWriter(Environment(format: "JSON"), TimeProvider.System, new LambdaLoggingOptions(), Stream.Null);
        var logger = ContextLogger(writer);
        var invocation = Invocation("req-1");
        CurrentInvocation.Context = invocation;
        try
        {
            // Both halves of the double buffer grow to what a burst of lines needs, then stay.
            for (var round = 0; round < 3; round++)
            {
                for (var i = 0; i < 200; i++)
                {
                    logger.LogInformation("warming up the buffers, the same length");
                }

                writer.Flush(Patience);
            }

            // 50 lines of about 200 bytes stay under the smallest buffer size: no growth whichever half is filling.
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 50; i++)
            {
                logger.LogInformation("the same message, again and again");
            }

            var perLine = (GC.GetAllocatedBytesForCurrentThread() - before) / 50;
            writer.Flush(Patience);
            Assert.True(perLine == 0, $"{perLine} bytes per line");
        }
        finally
        {
            CurrentInvocation.Context = null;
        }
    }

    private readonly struct ThrowingState : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => 1;

        public KeyValuePair<string, object?> this[int index] => new("Bad", new ThrowingValue());

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
        {
            yield return this[0];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class ThrowingValue
    {
        public override string ToString() => throw new InvalidOperationException("no text");
    }
}
