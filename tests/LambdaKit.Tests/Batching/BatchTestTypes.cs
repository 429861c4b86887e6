using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.SQS;
using LambdaKit.Tests.TestHelpers;

namespace LambdaKit.Tests.Batching;

/// <summary>What a test record asks its handler to do.</summary>
internal sealed record TestPayload(string Id, bool Fail = false, int SleepMs = 0, int AdvanceMs = 0, bool IgnoreToken = false);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TestPayload))]
internal sealed partial class BatchTestJsonContext : JsonSerializerContext;

/// <summary>A payload type nobody registered JSON metadata for.</summary>
internal sealed record UnregisteredPayload(string Id);

/// <summary>
/// Sees what the handlers did: records started, records that completed, how many ran at once. A record's <c>SleepMs</c> is
/// spent on the function's clock (manual in most tests), its <c>AdvanceMs</c> moves the manual clock.
/// </summary>
internal sealed class BatchProbe
{
    private int _running;
    private int _maxRunning;
    private int _sleeping;

    public ConcurrentQueue<string> Started { get; } = new();

    public ConcurrentQueue<string> Succeeded { get; } = new();

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public int Running => Volatile.Read(ref _running);

    /// <summary>Records whose sleep timer is armed on the function's clock (so that advancing the clock wakes them).</summary>
    public int Sleeping => Volatile.Read(ref _sleeping);

    public async ValueTask RunAsync(TestPayload payload, TimeProvider time, CancellationToken cancellationToken)
    {
        Started.Enqueue(payload.Id);
        var running = Interlocked.Increment(ref _running);
        int seen;
        while (running > (seen = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, seen) != seen)
        {
        }

        try
        {
            if (payload.AdvanceMs > 0 && time is ManualTimeProvider manual)
            {
                manual.Advance(TimeSpan.FromMilliseconds(payload.AdvanceMs));
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (payload.SleepMs > 0)
            {
                // On the function's clock: with the manual one, the record stays in flight until the test advances it.
                var sleep = Task.Delay(TimeSpan.FromMilliseconds(payload.SleepMs), time, payload.IgnoreToken ? CancellationToken.None : cancellationToken);
                Interlocked.Increment(ref _sleeping);
                try
                {
                    await sleep.ConfigureAwait(false);
                }
                finally
                {
                    Interlocked.Decrement(ref _sleeping);
                }
            }

            if (payload.Fail)
            {
                throw new InvalidOperationException($"record {payload.Id} failed on purpose");
            }

            Succeeded.Enqueue(payload.Id);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}

internal sealed class TestSqsHandler(BatchProbe probe, TimeProvider time) : SqsRecordHandler<TestPayload>
{
    protected override ValueTask HandleAsync(TestPayload payload, SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
        => probe.RunAsync(payload, time, cancellationToken);
}

internal sealed class TestKinesisHandler(BatchProbe probe, TimeProvider time) : KinesisRecordHandler<TestPayload>
{
    protected override ValueTask HandleAsync(TestPayload payload, KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => probe.RunAsync(payload, time, cancellationToken);
}

internal sealed class TestDynamoDbHandler(BatchProbe probe, TimeProvider time) : DynamoDbRecordHandler
{
    protected override ValueTask HandleAsync(DynamoDBEvent.DynamodbStreamRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        var json = record.Dynamodb?.NewImage?.GetValueOrDefault("payload")?.S ?? throw new InvalidOperationException("no payload attribute");
        var payload = JsonSerializer.Deserialize(json, BatchTestJsonContext.Default.TestPayload) ?? throw new InvalidOperationException("null payload");
        return probe.RunAsync(payload, time, cancellationToken);
    }
}

/// <summary>A raw SQS handler: the body is the id; a body starting with "fail" throws.</summary>
internal sealed class RawSqsHandler(BatchProbe probe) : SqsRecordHandler
{
    protected override ValueTask HandleAsync(SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
    {
        probe.Started.Enqueue(message.MessageId!);
        if (message.Body!.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("raw failure");
        }

        probe.Succeeded.Enqueue(message.MessageId!);
        return ValueTask.CompletedTask;
    }
}

/// <summary>A raw Kinesis handler: the data is the id as UTF-8; data "fail" throws.</summary>
internal sealed class RawKinesisHandler(BatchProbe probe) : KinesisRecordHandler
{
    protected override ValueTask HandleAsync(KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        var id = record.Kinesis!.SequenceNumber!;
        probe.Started.Enqueue(id);
        if (record.Kinesis.Data.Span.SequenceEqual("fail"u8))
        {
            throw new InvalidOperationException("raw failure");
        }

        probe.Succeeded.Enqueue(id);
        return ValueTask.CompletedTask;
    }
}

internal sealed class UnregisteredPayloadHandler : SqsRecordHandler<UnregisteredPayload>
{
    protected override ValueTask HandleAsync(UnregisteredPayload payload, SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
        => ValueTask.CompletedTask;
}
