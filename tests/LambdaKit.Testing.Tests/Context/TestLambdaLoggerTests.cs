using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing.Tests.Context;

public sealed class TestLambdaLoggerTests
{
    [Fact]
    public void Buffer_holds_the_text_like_amazons_test_logger()
    {
        var logger = new TestLambdaLogger();
        ILambdaLogger contract = logger;

        contract.Log("a");
        contract.Log("b");
        contract.LogLine("c");
        contract.LogWarning("d");

        Assert.Equal("abc\nd\n", logger.Buffer.ToString());
    }

    [Fact]
    public void Lines_keep_levels_exceptions_and_filled_in_templates()
    {
        var logger = new TestLambdaLogger();
        ILambdaLogger contract = logger;
        var failure = new InvalidOperationException("boom");

        contract.LogDebug("debug {N}", 1);
        contract.Log("Warning", "by name");
        contract.LogError(failure, "failed {Id}", "o-1");
        contract.Log(LogLevel.Critical, "critical");

        Assert.Equal(
            [
                new TestLogLine(LogLevel.Debug, "debug 1"),
                new TestLogLine(LogLevel.Warning, "by name"),
                new TestLogLine(LogLevel.Error, "failed o-1", failure),
                new TestLogLine(LogLevel.Critical, "critical"),
            ],
            logger.Lines);
    }

    [Fact]
    public void Clear_forgets_lines_and_text()
    {
        var logger = new TestLambdaLogger();
        ((ILambdaLogger)logger).LogInformation("x");

        logger.Clear();

        Assert.Empty(logger.Lines);
        Assert.Equal(string.Empty, logger.Buffer.ToString());
    }
}
