using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LambdaKit.Batching;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.SQS;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Benchmarks;

/// <summary>
/// The framework's own cost on a batch: an SQS batch of 10 and a Kinesis batch of 100, trivial handlers, typed payloads.
/// Baseline: <c>JsonSerializer.Deserialize</c> of the event, a hand-written loop that reads each payload and calls the
/// handler, and the partial batch response serialized. LambdaKit: what the loop does per invocation minus the HTTP calls:
/// a context, a DI scope, the deadline token armed and disarmed, source detection, dispatch, the batch runner (deadline
/// check per record, outcomes, response), the response serialized.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class BatchBenchmarks
{
    private const string Sqs = "SQS batch of 10";
    private const string Kinesis = "Kinesis batch of 100";
    private const string Runner = "Kinesis 100, parsed, raw handler";
    private static int s_sink;

    private readonly PooledBufferWriter _output = new();
    private readonly Utf8JsonWriter _writer = new(Stream.Null);
    private DeadlineCancellation _deadline = null!;
    private byte[] _sqs = [];
    private byte[] _kinesis = [];
    private ServiceProvider _services = null!;
    private InvocationDispatcher _dispatcher = null!;
    private IServiceScopeFactory _scopes = null!;
    private LambdaEnvironment _environment = null!;
    private ILambdaLogger _lambdaLogger = null!;
    private InvocationHeaders _headers = null!;
    private IList<KinesisEvent.KinesisEventRecord> _parsed = [];
    private RawKinesisHandler _raw = null!;
    private BatchRunner<KinesisEvent, KinesisEvent.KinesisEventRecord> _runner = null!;
    private InvocationContext _context = null!;
    private RecordOutcome[] _outcomes = [];

    [GlobalSetup]
    public void Setup()
    {
        _sqs = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new SQSEvent
            {
                Records = Enumerable.Range(0, 10).Select(i => new SQSEvent.SQSMessage
                {
                    MessageId = Guid.NewGuid().ToString(),
                    ReceiptHandle = "AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a" + i,
                    Body = JsonSerializer.Serialize(new BenchWork("order-" + i, i), BenchJsonContext.Default.BenchWork),
                    Md5OfBody = "7b270e59b47ff90a553787216d55d91d",
                    EventSource = "aws:sqs",
                    EventSourceArn = "arn:aws:sqs:us-east-1:123456789012:orders",
                    AwsRegion = "us-east-1",
                    Attributes = new() { ["ApproximateReceiveCount"] = "1", ["SentTimestamp"] = "1523232000000", ["SenderId"] = "123456789012" },
                }).ToList(),
            },
            LambdaKitEventsJsonContext.Default.SQSEvent));
        _kinesis = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(
            new KinesisEvent
            {
                Records = Enumerable.Range(0, 100).Select(i => new KinesisEvent.KinesisEventRecord
                {
                    Kinesis = new KinesisEvent.Record
                    {
                        KinesisSchemaVersion = "1.0",
                        PartitionKey = "p" + (i % 4),
                        SequenceNumber = "49590338271490256608559692538361571095921575989136588" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
                        Data = JsonSerializer.SerializeToUtf8Bytes(new BenchWork("event-" + i, i), BenchJsonContext.Default.BenchWork),
                        ApproximateArrivalTimestamp = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc),
                    },
                    EventSource = "aws:kinesis",
                    EventVersion = "1.0",
                    EventId = "shardId-000000000006:" + i,
                    EventName = "aws:kinesis:record",
                    InvokeIdentityArn = "arn:aws:iam::123456789012:role/lambda-role",
                    AwsRegion = "us-east-1",
                    EventSourceARN = "arn:aws:kinesis:us-east-1:123456789012:stream/events",
                }).ToList(),
            },
            LambdaKitEventsJsonContext.Default.KinesisEvent));

        var services = new ServiceCollection();
        services.AddLogging();
        _environment = new LambdaEnvironment(name => name == "AWS_LAMBDA_FUNCTION_NAME" ? "bench" : null);
        services.AddSingleton(_environment);
        services.AddLambdaKit(o => o.AddJsonSerializerContext(BenchJsonContext.Default));
        services.AddSqsHandler<TrivialSqsHandler>();
        services.AddKinesisHandler<TrivialKinesisHandler>();
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<InvocationDispatcher>();
        _scopes = _services.GetRequiredService<IServiceScopeFactory>();
        _lambdaLogger = _services.GetRequiredService<ILambdaLogger>();
        _headers = new InvocationHeaders("bench", DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeMilliseconds());

        _parsed = JsonSerializer.Deserialize(_kinesis, LambdaKitEventsJsonContext.Default.KinesisEvent)!.Records;
        _raw = new RawKinesisHandler();
        _runner = new BatchRunner<KinesisEvent, KinesisEvent.KinesisEventRecord>(
            KinesisBatchSource.Instance, new BatchOptions(), TimeSpan.FromMilliseconds(500), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);
        _deadline = new DeadlineCancellation(TimeProvider.System, _headers.Deadline, TimeSpan.FromMilliseconds(500));
        _context = new InvocationContext(_headers, _environment, TimeProvider.System, _lambdaLogger, isColdStart: false) { CancellationToken = _deadline.Token };
        _outcomes = new RecordOutcome[_parsed.Count];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _deadline.Dispose();
        _output.Dispose();
        _writer.Dispose();
    }

    [Benchmark(Baseline = true, Description = "hand-written loop")]
    [BenchmarkCategory(Sqs)]
    public int SqsHandWritten()
    {
        var batch = JsonSerializer.Deserialize(_sqs, LambdaKitEventsJsonContext.Default.SQSEvent)!;
        List<SQSBatchResponse.BatchItemFailure>? failures = null;
        foreach (var message in batch.Records)
        {
            try
            {
                Handle(JsonSerializer.Deserialize(message.Body!, BenchJsonContext.Default.BenchWork)!);
            }
            catch (JsonException)
            {
                (failures ??= []).Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = message.MessageId });
            }
        }

        return Write(new SQSBatchResponse(failures ?? []), LambdaKitEventsJsonContext.Default.SQSBatchResponse);
    }

    [Benchmark(Description = "LambdaKit AddSqsHandler")]
    [BenchmarkCategory(Sqs)]
    public int SqsLambdaKit() => Invoke(_sqs);

    [Benchmark(Baseline = true, Description = "hand-written loop")]
    [BenchmarkCategory(Kinesis)]
    public int KinesisHandWritten()
    {
        var batch = JsonSerializer.Deserialize(_kinesis, LambdaKitEventsJsonContext.Default.KinesisEvent)!;
        var failures = new List<StreamsEventResponse.BatchItemFailure>();
        var records = batch.Records;
        for (var i = 0; i < records.Count; i++)
        {
            try
            {
                Handle(JsonSerializer.Deserialize(records[i].Kinesis!.Data.Span, BenchJsonContext.Default.BenchWork)!);
            }
            catch (JsonException)
            {
                for (var j = i; j < records.Count; j++)
                {
                    failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = records[j].Kinesis!.SequenceNumber });
                }

                break;
            }
        }

        return Write(new StreamsEventResponse { BatchItemFailures = failures }, LambdaKitEventsJsonContext.Default.StreamsEventResponse);
    }

    [Benchmark(Description = "LambdaKit AddKinesisHandler")]
    [BenchmarkCategory(Kinesis)]
    public int KinesisLambdaKit() => Invoke(_kinesis);

    [Benchmark(Baseline = true, Description = "hand-written loop")]
    [BenchmarkCategory(Runner)]
    public int RecordsHandWritten()
    {
        var failed = -1;
        for (var i = 0; i < _parsed.Count; i++)
        {
            try
            {
                var pending = _raw.Run(_parsed[i], _context, _context.CancellationToken);
                if (!pending.IsCompletedSuccessfully)
                {
                    pending.AsTask().GetAwaiter().GetResult();
                }
            }
            catch (InvalidOperationException)
            {
                failed = i;
                break;
            }
        }

        return failed;
    }

    [Benchmark(Description = "LambdaKit batch runner")]
    [BenchmarkCategory(Runner)]
    public int RecordsRunner()
    {
        Array.Clear(_outcomes);
        var pending = _runner.RunAsync(_parsed, _raw, _context, _outcomes);
        if (!pending.IsCompletedSuccessfully)
        {
            pending.AsTask().GetAwaiter().GetResult();
        }

        return BatchCounts.Of(_outcomes).Reported;
    }

    internal static void Handle(BenchWork work) => s_sink += work.N;

    internal static void Handle(ReadOnlyMemory<byte> data) => s_sink += data.Length;

    private int Write<T>(T response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        _output.Reset();
        _writer.Reset(_output);
        JsonSerializer.Serialize(_writer, response, typeInfo);
        _writer.Flush();
        return _output.WrittenCount;
    }

    private int Invoke(byte[] payload)
    {
        _output.Reset();
        using var deadline = new DeadlineCancellation(TimeProvider.System, _headers.Deadline, TimeSpan.FromMilliseconds(500));
        var context = new InvocationContext(_headers, _environment, TimeProvider.System, _lambdaLogger, isColdStart: false)
        {
            Payload = payload,
            Output = _output,
            CancellationToken = deadline.Token,
        };
        var scope = _scopes.CreateAsyncScope();
        try
        {
            context.Services = scope.ServiceProvider;
            CurrentInvocation.Context = context;
            var pending = _dispatcher.DispatchAsync(context);
            if (!pending.IsCompletedSuccessfully)
            {
                pending.AsTask().GetAwaiter().GetResult();
            }
        }
        finally
        {
            scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return _output.WrittenCount;
    }
}

/// <summary>The payload of a benchmark record.</summary>
public sealed record BenchWork(string Id, int N);

/// <summary>JSON metadata of the benchmark payload.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(BenchWork))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>A trivial SQS record handler.</summary>
internal sealed class TrivialSqsHandler : SqsRecordHandler<BenchWork>
{
    protected override ValueTask HandleAsync(BenchWork payload, SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
    {
        BatchBenchmarks.Handle(payload);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A trivial raw Kinesis record handler: no payload to read, so that only the runner's own cost is left.</summary>
internal sealed class RawKinesisHandler : KinesisRecordHandler
{
    public ValueTask Run(KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => HandleAsync(record, context, cancellationToken);

    protected override ValueTask HandleAsync(KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        BatchBenchmarks.Handle(record.Kinesis!.Data);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A trivial Kinesis record handler.</summary>
internal sealed class TrivialKinesisHandler : KinesisRecordHandler<BenchWork>
{
    protected override ValueTask HandleAsync(BenchWork payload, KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        BatchBenchmarks.Handle(payload);
        return ValueTask.CompletedTask;
    }
}
