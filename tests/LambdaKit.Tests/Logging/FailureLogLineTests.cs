using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Invocation;
using LambdaKit.Logging;
using LambdaKit.Runtime;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Logging;

/// <summary>The line the loop writes for a failed invocation keeps the message and the exception apart.</summary>
public sealed partial class FailureLogLineTests
{
    internal sealed record Job(int N);

    [JsonSerializable(typeof(Job))]
    internal sealed partial class FailureJsonContext : JsonSerializerContext;

    internal sealed class JobHandler : ILambdaHandler<Job, Job>
    {
        public ValueTask<Job> HandleAsync(Job input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.FromResult(input);
    }

    private static async Task<(string[] Lines, LambdaError? Error)> InvokeNullAsync(string format)
    {
        using var output = new CapturedOutput();
        var environment = new LambdaEnvironment(name => name == "AWS_LAMBDA_LOG_FORMAT" ? format : null);
        using var writer = new LambdaLogWriter(environment, TimeProvider.System, new LambdaLoggingOptions(), output);
        var api = new FakeRuntimeApiClient();
        var services = new ServiceCollection();
        services.AddSingleton(environment);
        services.AddSingleton(writer);
        services.AddLogging(l => l.AddProvider(new LambdaLoggerProvider(writer)));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(FailureJsonContext.Default));
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddHandler<Job, Job, JobHandler>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var loop = provider.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);

        var (kind, _, error) = await api.Enqueue("null", DateTimeOffset.UtcNow.AddMinutes(1), "req-null");
        stop.Cancel();
        await loop;
        writer.Flush(TimeSpan.FromSeconds(10));

        Assert.Equal("error", kind);
        return (output.Lines, error);
    }

    [Fact]
    public async Task Text_line_of_a_failed_invocation_separates_the_message_from_the_exception()
    {
        var (lines, error) = await InvokeNullAsync("Text");

        Assert.Equal("Function.JsonDeserializationError", error!.ErrorType);
        var line = Assert.Single(lines, l => l.Contains("\tERROR\t", StringComparison.Ordinal));
        var message = line.Split('\t')[3];
        Assert.StartsWith("Invocation req-null failed: LambdaKit.EventDeserializationException: The event is JSON null, but the handler expects Job", message, StringComparison.Ordinal);
        Assert.DoesNotContain("failedLambdaKit", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_line_of_a_failed_invocation_has_the_message_and_the_exception_in_separate_fields()
    {
        var (lines, _) = await InvokeNullAsync("JSON");

        var line = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(l => l.GetProperty("level").GetString() == "ERROR");
        Assert.Equal("Invocation req-null failed", line.GetProperty("message").GetString());
        Assert.Equal("LambdaKit.EventDeserializationException", line.GetProperty("errorType").GetString());
        Assert.StartsWith("The event is JSON null", line.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal("req-null", line.GetProperty("requestId").GetString());
    }

    [Theory]
    [InlineData("it broke", "it broke: System.InvalidOperationException: boom")]
    [InlineData("it broke.", "it broke. System.InvalidOperationException: boom")]
    [InlineData("", "System.InvalidOperationException: boom")]
    public void Text_exception_follows_the_message_after_a_visible_separator(string message, string expected)
    {
        using var buffer = new PooledBufferWriter(64);
        LogLineFormatter.WriteText(buffer, new LogEntry(DateTimeOffset.UnixEpoch, LogLevel.Error, null, message, null, null, new InvalidOperationException("boom")));
        var text = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        Assert.Equal("1970-01-01T00:00:00.000Z\t\tERROR\t" + expected + "\n", text);
    }
}
