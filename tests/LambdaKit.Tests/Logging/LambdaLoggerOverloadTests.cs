using System.Text.Json;
using LambdaKit.Logging;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Logging;

/// <summary>The <c>Amazon.Lambda.Core</c> overloads of <see cref="ILambdaLogger"/>: levels by name, message templates, exceptions.</summary>
public sealed class LambdaLoggerOverloadTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, 123, TimeSpan.Zero);

    private static (ILambdaLogger Logger, Func<string[]> Lines, IDisposable Owner) Create(string format, string? level = null)
    {
        var output = new CapturedOutput();
        var environment = new LambdaEnvironment(name => name switch
        {
            "AWS_LAMBDA_LOG_FORMAT" => format,
            "AWS_LAMBDA_LOG_LEVEL" => level,
            _ => null,
        });
        var writer = new LambdaLogWriter(environment, new ManualTimeProvider(Now), new LambdaLoggingOptions(), output);
        return (new LambdaLogger(writer), () =>
        {
            writer.Flush(TimeSpan.FromSeconds(10));
            return output.Lines;
        }, new Owner(writer, output));
    }

    private sealed class Owner(LambdaLogWriter writer, CapturedOutput output) : IDisposable
    {
        public void Dispose()
        {
            writer.Dispose();
            output.Dispose();
        }
    }

    private sealed class Unprintable
    {
        public override string ToString() => throw new InvalidOperationException("formatted although the level is off");
    }

    [Fact]
    public void Template_properties_become_json_fields_and_the_message_is_filled_in()
    {
        var (logger, lines, owner) = Create("JSON");
        using var owned = owner;

        logger.LogInformation("Order {OrderId} placed for {Amount}", "o-17", 12.5);

        var line = JsonDocument.Parse(Assert.Single(lines())).RootElement;
        Assert.Equal("INFO", line.GetProperty("level").GetString());
        Assert.Equal("Order o-17 placed for 12.5", line.GetProperty("message").GetString());
        Assert.Equal("o-17", line.GetProperty("OrderId").GetString());
        Assert.Equal(12.5, line.GetProperty("Amount").GetDouble());
        Assert.False(line.TryGetProperty("logger", out _));
    }

    [Fact]
    public void Template_in_text_format_is_the_filled_in_message()
    {
        var (logger, lines, owner) = Create("Text");
        using var owned = owner;

        logger.LogWarning("Retry {Attempt} of {Max}", 2, 5);

        Assert.Equal(["2026-11-22T12:00:00.123Z\t\tWARN\tRetry 2 of 5"], lines());
    }

    [Fact]
    public void Exception_overload_writes_the_exception_fields_and_the_template_properties()
    {
        var (logger, lines, owner) = Create("JSON");
        using var owned = owner;

        logger.LogError(new TimeoutException("too slow"), "Call to {Service} failed", "billing");

        var line = JsonDocument.Parse(Assert.Single(lines())).RootElement;
        Assert.Equal("ERROR", line.GetProperty("level").GetString());
        Assert.Equal("Call to billing failed", line.GetProperty("message").GetString());
        Assert.Equal("billing", line.GetProperty("Service").GetString());
        Assert.Equal("System.TimeoutException", line.GetProperty("errorType").GetString());
        Assert.Equal("too slow", line.GetProperty("errorMessage").GetString());
    }

    [Theory]
    [InlineData("Trace", "TRACE")]
    [InlineData("Debug", "DEBUG")]
    [InlineData("Information", "INFO")]
    [InlineData("warning", "WARN")]
    [InlineData("WARN", "WARN")]
    [InlineData("Error", "ERROR")]
    [InlineData("Critical", "FATAL")]
    [InlineData("fatal", "FATAL")]
    [InlineData("Verbose?", "INFO")]
    public void Level_given_by_name_is_written_as_the_lambda_level(string name, string written)
    {
        var (logger, lines, owner) = Create("Text", level: "TRACE");
        using var owned = owner;

        logger.Log(name, "by name");
        logger.Log(name, "template {N}", 1);
        logger.Log(name, new InvalidOperationException("x"), "with exception {N}", 2);

        var got = lines();
        Assert.Equal(3, got.Length);
        Assert.All(got, line => Assert.Equal(written, line.Split('\t')[2]));
        Assert.EndsWith("\tby name", got[0], StringComparison.Ordinal);
        Assert.EndsWith("\ttemplate 1", got[1], StringComparison.Ordinal);
        Assert.Contains("\twith exception 2: System.InvalidOperationException: x", got[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Template_below_the_minimum_level_is_not_formatted()
    {
        var (logger, lines, owner) = Create("JSON", level: "ERROR");
        using var owned = owner;

        logger.LogDebug("never {Value}", new Unprintable());
        logger.Log(LogLevel.Information, "never {Value}", new Unprintable());
        logger.LogError("kept {Value}", 1);

        var line = JsonDocument.Parse(Assert.Single(lines())).RootElement;
        Assert.Equal("kept 1", line.GetProperty("message").GetString());
    }

    [Fact]
    public void Message_without_arguments_is_written_as_it_is()
    {
        var (logger, lines, owner) = Create("Text");
        using var owned = owner;

        logger.LogInformation("braces {stay} when no argument is given", []);

        Assert.EndsWith("\tbraces {stay} when no argument is given", Assert.Single(lines()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_logger_that_implements_only_the_core_members_gets_the_templates_filled_in()
    {
        var logger = new RecordingLogger();
        ILambdaLogger contract = logger;

        contract.LogCritical("disk {Disk} at {Percent}%", "sda", 97);
        contract.LogTrace(new InvalidOperationException("x"), "id {Id}", 5);
        contract.Log("Warning", "plain");

        Assert.Equal(
            [(LogLevel.Critical, "disk sda at 97%"), (LogLevel.Trace, "id 5"), (LogLevel.Warning, "plain")],
            logger.Lines);
    }
}
