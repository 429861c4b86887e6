using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.SQS;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace LambdaKit.Benchmarks;

/// <summary>
/// Event detection + deserialization + dispatch to a DI-registered handler, against plain
/// <c>JsonSerializer.Deserialize</c> of the same event type (the baseline), for an HTTP API v2 request and an SQS batch of 10.
/// The function registers several sources, so detection runs on every invocation.
/// </summary>
[MemoryDiagnoser]
public class RoutingBenchmarks
{
    private byte[] _payload = [];
    private InvocationDispatcher _dispatcher = null!;
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private PooledBufferWriter _output = null!;
    private InvocationContext _context = null!;

    [Params("http-api-v2", "sqs-batch-10")]
    public string Event { get; set; } = "http-api-v2";

    [GlobalSetup]
    public void Setup()
    {
        _payload = Event == "http-api-v2" ? EventPayloads.HttpApiV2() : EventPayloads.SqsBatch(10);
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddLambdaKit();
        services.AddHandler<APIGatewayHttpApiV2ProxyRequest, NoOpHandler>();
        services.AddHandler<SQSEvent, NoOpHandler>();
        services.AddHandler<Events.S3.S3Event, NoOpHandler>();
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<InvocationDispatcher>();
        _scope = _services.CreateScope();
        _output = new PooledBufferWriter();
        _context = NewContext();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.Dispose();
        _services.Dispose();
        _output.Dispose();
    }

    [Benchmark(Baseline = true, Description = "JsonSerializer.Deserialize (baseline)")]
    public object? Deserialize() => Event == "http-api-v2"
        ? JsonSerializer.Deserialize(_payload, LambdaKitEventsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest)
        : JsonSerializer.Deserialize(_payload, LambdaKitEventsJsonContext.Default.SQSEvent);

    [Benchmark(Description = "LambdaKit detect + deserialize + dispatch")]
    public async ValueTask<int?> Dispatch()
    {
        _output.Reset();
        var outcome = await _dispatcher.DispatchAsync(_context);
        return outcome.UnfinishedWork;
    }

    [Benchmark(Description = "detection alone, routing fast path")]
    public EventSourceKind DetectFast() => EventSourceDetector.Detect(_payload, validate: false);

    [Benchmark(Description = "detection alone, validating the whole payload")]
    public EventSourceKind DetectValidating() => EventSourceDetector.Detect(_payload);

    private InvocationContext NewContext()
    {
        var headers = new InvocationHeaders("bench", DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeMilliseconds());
        return new InvocationContext(headers, new LambdaEnvironment(_ => null), TimeProvider.System, new NullLambdaLogger(), false)
        {
            Payload = _payload,
            Output = _output,
            Services = _scope.ServiceProvider,
        };
    }

    internal sealed class NoOpHandler : ILambdaHandler<APIGatewayHttpApiV2ProxyRequest>, ILambdaHandler<SQSEvent>, ILambdaHandler<Events.S3.S3Event>
    {
        public ValueTask HandleAsync(APIGatewayHttpApiV2ProxyRequest input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask HandleAsync(SQSEvent input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask HandleAsync(Events.S3.S3Event input, ILambdaContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }

    private sealed class NullLambdaLogger : ILambdaLogger
    {
        public void Log(string message)
        {
        }

        public void LogLine(string message)
        {
        }

        public void Log(Microsoft.Extensions.Logging.LogLevel level, string message)
        {
        }

        public void Log(Microsoft.Extensions.Logging.LogLevel level, Exception? exception, string message)
        {
        }
    }
}
