using System.Text.Json;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Runtime;

/// <summary>What leaves the process on /error stays valid JSON and bounded, whatever the exception.</summary>
public sealed class ErrorEnvelopeBoundsTests
{
    private sealed class HostileException : Exception
    {
        public HostileException()
            : base("hostile")
        {
        }

        public HostileException(string message)
            : base(message)
        {
        }

        public HostileException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public override string ToString() => throw new InvalidOperationException("ToString throws");

        public override string? StackTrace => throw new InvalidOperationException("StackTrace throws");
    }

    private static JsonElement Parse(LambdaError error)
    {
        var bytes = error.ToUtf8Json();
        Assert.True(bytes.Length <= 256 * 1024, $"{bytes.Length} bytes");
        using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
        return document.RootElement.Clone();
    }

    [Fact]
    public void Huge_message_is_truncated_and_the_envelope_stays_valid_and_bounded()
    {
        var root = Parse(LambdaError.FromException(new InvalidOperationException(new string('m', 20_000_000))));

        Assert.InRange(root.GetProperty("errorMessage").GetString()!.Length, 1_000, 40_000);
    }

    [Fact]
    public void Message_that_needs_heavy_escaping_still_gives_a_bounded_envelope()
    {
        var root = Parse(LambdaError.FromException(new InvalidOperationException(new string('\u0001', 1_000_000))));

        Assert.Equal("InvalidOperationException", root.GetProperty("errorType").GetString());
    }

    [Fact]
    public void Thousand_deep_inner_exception_chain_gives_a_bounded_nesting_of_causes()
    {
        Exception exception = new InvalidOperationException("depth 0");
        for (var i = 1; i <= 1000; i++)
        {
            exception = new InvalidOperationException($"depth {i}", exception);
        }

        var root = Parse(LambdaError.FromException(exception));

        var depth = 0;
        for (var cause = root; cause.TryGetProperty("cause", out var next); cause = next)
        {
            depth++;
        }

        Assert.Equal("depth 1000", root.GetProperty("errorMessage").GetString());
        Assert.InRange(depth, 1, 10);
    }

    [Fact]
    public void Exception_whose_members_throw_still_gives_an_envelope()
    {
        var root = Parse(LambdaError.FromException(new HostileException("outer", new HostileException())));

        Assert.Equal("HostileException", root.GetProperty("errorType").GetString());
        Assert.Equal("outer", root.GetProperty("errorMessage").GetString());
        Assert.Equal(0, root.GetProperty("stackTrace").GetArrayLength());
    }

    [Fact]
    public void Envelope_does_not_carry_environment_variables()
    {
        Environment.SetEnvironmentVariable("LAMBDAKIT_TEST_SECRET", "s3cr3t-value-42");
        try
        {
            var bytes = LambdaError.FromException(new InvalidOperationException("failed")).ToUtf8Json();

            Assert.DoesNotContain("s3cr3t-value-42", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LAMBDAKIT_TEST_SECRET", null);
        }
    }

    internal sealed class HostileHandler : ILambdaHandler<EchoRequest, EchoResponse>
    {
        public ValueTask<EchoResponse> HandleAsync(EchoRequest input, ILambdaContext context, CancellationToken cancellationToken)
            => input.Text == "hostile" ? throw new HostileException("cannot print me") : ValueTask.FromResult(new EchoResponse(input.Text, context.AwsRequestId, 0));
    }

    /// <summary>A logger that prints exceptions with ToString, as text loggers do.</summary>
    private sealed class PrintingLoggerProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Printing();

        public void Dispose()
        {
        }

        private sealed class Printing : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => _ = formatter(state, exception) + exception?.ToString();
        }
    }

    [Fact]
    public async Task Handler_exception_whose_ToString_throws_is_reported_and_the_loop_goes_on()
    {
        var api = new FakeRuntimeApiClient();
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging(l => l.AddProvider(new PrintingLoggerProvider()));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(EchoJsonContext.Default));
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddHandler<EchoRequest, EchoResponse, HostileHandler>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var loop = provider.GetRequiredService<LambdaKit.Invocation.LambdaRuntimeLoop>().RunAsync(stop.Token);

        var hostile = await api.Enqueue("""{"Text":"hostile"}""", DateTimeOffset.UtcNow.AddMinutes(1));
        var next = await api.Enqueue("""{"Text":"next"}""", DateTimeOffset.UtcNow.AddMinutes(1));
        stop.Cancel();
        await loop;

        Assert.Equal("error", hostile.Kind);
        Assert.Equal("HostileException", hostile.Error!.ErrorType);
        Assert.Equal("response", next.Kind);
    }
}
