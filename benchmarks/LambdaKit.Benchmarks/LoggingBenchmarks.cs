using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LambdaKit.Context;
using LambdaKit.Logging;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Benchmarks;

/// <summary>
/// The cost of one log line, seen from the invocation that writes it: the level check, the request id of the current
/// invocation, formatting into a reused buffer and handing the bytes to the background writer (which writes them to a bit
/// bucket here). The baseline is what a Console-style logger does: format the whole line as a string and write it through
/// a <see cref="TextWriter"/>.
/// </summary>
[MemoryDiagnoser]
public partial class LoggingBenchmarks
{
    private const string Message = "Order 7f3a accepted for customer 42, total 99.95 EUR";
    private LambdaLogWriter _text = null!;
    private LambdaLogWriter _json = null!;
    private ILambdaLogger _textLogger = null!;
    private ILambdaLogger _jsonLogger = null!;
    private ILogger _jsonILogger = null!;
    private LoggerFactory _loggers = null!;
    private TextWriter _console = null!;
    private InvocationContext _invocation = null!;

    [GlobalSetup]
    public void Setup()
    {
        var environment = new LambdaEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "bench" : null);
        _text = new LambdaLogWriter(environment, TimeProvider.System, new LambdaLoggingOptions { Format = LambdaLogFormat.Text }, Stream.Null);
        _json = new LambdaLogWriter(environment, TimeProvider.System, new LambdaLoggingOptions { Format = LambdaLogFormat.Json }, Stream.Null);
        _textLogger = new LambdaLogger(_text);
        _jsonLogger = new LambdaLogger(_json);
        _loggers = new LoggerFactory([new LambdaLoggerProvider(_json)]);
        _jsonILogger = _loggers.CreateLogger("Orders.Api");
        _console = new StreamWriter(Stream.Null, new UTF8Encoding(false)) { AutoFlush = true };
        var headers = new InvocationHeaders("8f711428-7e55-46f9-ae88-2a65d4f85fc5", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds())
        {
            TraceId = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1",
        };
        _invocation = new InvocationContext(headers, environment, TimeProvider.System, _jsonLogger, isColdStart: false);

        // Set once on this thread: every line below belongs to this invocation, as in a handler.
        CurrentInvocation.Context = _invocation;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        CurrentInvocation.Context = null;
        _loggers.Dispose();
        _text.Dispose();
        _json.Dispose();
        _console.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Console-style: string.Format of the line + TextWriter.WriteLine")]
    public void ConsoleStyleLine()
        => _console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\t{1}\tINFO\t{2}", DateTime.UtcNow, _invocation.AwsRequestId, Message));

    [Benchmark(Description = "LambdaKit text line (context.Logger)")]
    public void TextLine() => _textLogger.LogInformation(Message);

    [Benchmark(Description = "LambdaKit JSON line (context.Logger)")]
    public void JsonLine() => _jsonLogger.LogInformation(Message);

    [Benchmark(Description = "LambdaKit JSON line (ILogger, [LoggerMessage], 3 properties)")]
    public void JsonLineWithProperties() => LogOrderAccepted(_jsonILogger, "7f3a", 42, 99.95m);

    [Benchmark(Description = "Filtered out (Debug below INFO)")]
    public void FilteredOut() => _jsonLogger.LogDebug(Message);

    [LoggerMessage(1, LogLevel.Information, "Order {OrderId} accepted for customer {CustomerId}, total {Total} EUR")]
    private static partial void LogOrderAccepted(ILogger logger, string orderId, int customerId, decimal total);
}
