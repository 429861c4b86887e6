using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.SQS;
using LambdaKit.Serialization;

namespace LambdaKit.Batching;

/// <summary>How the records of a batch depend on each other.</summary>
internal enum BatchOrdering
{
    /// <summary>Every record is tried, whatever happens to the others (SQS standard queue).</summary>
    Independent,

    /// <summary>In order; at the first failure, every later record is reported (Kinesis, DynamoDB streams).</summary>
    Ordered,

    /// <summary>In order within a group; at the first failure in a group, its later records are reported (SQS FIFO).</summary>
    Grouped,
}

/// <summary>What LambdaKit needs to know about an event source to run its batches: records, identifiers, order, response.</summary>
internal abstract class BatchSource<TEvent, TRecord>
    where TRecord : class
{
    public abstract EventSourceKind Kind { get; }

    /// <summary>The batch event's JSON metadata, from LambdaKit.Events' own context whatever the function registered.</summary>
    public abstract JsonTypeInfo<TEvent> EventTypeInfo { get; }

    /// <summary>The source's name in messages and log lines.</summary>
    public abstract string Name { get; }

    /// <summary>The name of the identifier reported in <c>batchItemFailures</c>.</summary>
    public abstract string IdentifierName { get; }

    public abstract IList<TRecord> RecordsOf(TEvent batch);

    /// <summary>The identifier reported for a record; <see langword="null"/> or empty when it has none.</summary>
    public abstract string? IdOf(TRecord? record);

    public virtual BatchOrdering OrderingOf(IList<TRecord> records) => BatchOrdering.Ordered;

    /// <summary>The group of a record (<see cref="BatchOrdering.Grouped"/> only).</summary>
    public virtual string GroupOf(TRecord record) => string.Empty;

    /// <summary>Writes the partial batch response: the identifier of every record whose outcome is not a success.</summary>
    public abstract void WriteResponse(IBufferWriter<byte> output, IList<TRecord> records, ReadOnlySpan<RecordOutcome> outcomes, int reported);

    /// <summary>Checks that every record has an identifier before any is handled (see <see cref="MissingRecordIdentifierException"/>).</summary>
    public void EnsureIdentifiers(IList<TRecord> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            if (string.IsNullOrEmpty(IdOf(records[i])))
            {
                throw new MissingRecordIdentifierException(
                    $"Record {i} of the {Name} batch ({records.Count} record(s)) has no {IdentifierName}, so its outcome cannot be reported: " +
                    "the whole batch fails, nothing of it was handled, and Lambda will deliver it again.");
            }
        }
    }
}

/// <summary>SQS: identifiers are message ids; a FIFO queue orders by message group.</summary>
internal sealed class SqsBatchSource : BatchSource<SQSEvent, SQSEvent.SQSMessage>
{
    public const string MessageGroupIdAttribute = "MessageGroupId";
    public static readonly SqsBatchSource Instance = new();
    private static readonly SQSBatchResponse NoFailures = new();

    public override EventSourceKind Kind => EventSourceKind.Sqs;

    public override JsonTypeInfo<SQSEvent> EventTypeInfo => BatchEnvelopes.Sqs;

    public override string Name => "SQS";

    public override string IdentifierName => "messageId";

    public override IList<SQSEvent.SQSMessage> RecordsOf(SQSEvent batch) => batch.Records ?? [];

    public override string? IdOf(SQSEvent.SQSMessage? record) => record?.MessageId;

    /// <summary>A FIFO queue (its ARN ends with <c>.fifo</c>) or messages with a <c>MessageGroupId</c>: ordered per group.</summary>
    public override BatchOrdering OrderingOf(IList<SQSEvent.SQSMessage> records)
    {
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if ((record.EventSourceArn?.EndsWith(".fifo", StringComparison.Ordinal) ?? false)
                || (record.Attributes?.ContainsKey(MessageGroupIdAttribute) ?? false))
            {
                return BatchOrdering.Grouped;
            }
        }

        return BatchOrdering.Independent;
    }

    public override string GroupOf(SQSEvent.SQSMessage record)
        => record.Attributes is { } attributes && attributes.TryGetValue(MessageGroupIdAttribute, out var group) ? group ?? string.Empty : string.Empty;

    public override void WriteResponse(IBufferWriter<byte> output, IList<SQSEvent.SQSMessage> records, ReadOnlySpan<RecordOutcome> outcomes, int reported)
    {
        var response = NoFailures;
        if (reported > 0)
        {
            var failures = new List<SQSBatchResponse.BatchItemFailure>(reported);
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i] != RecordOutcome.Succeeded)
                {
                    failures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = records[i].MessageId });
                }
            }

            response = new SQSBatchResponse(failures);
        }

        LambdaJson.Serialize(output, response, BatchEnvelopes.SqsResponse);
    }
}

/// <summary>A stream (Kinesis, DynamoDB): ordered, identifiers are sequence numbers.</summary>
internal abstract class StreamBatchSource<TEvent, TRecord> : BatchSource<TEvent, TRecord>
    where TRecord : class
{
    private static readonly StreamsEventResponse NoFailures = new();

    public override void WriteResponse(IBufferWriter<byte> output, IList<TRecord> records, ReadOnlySpan<RecordOutcome> outcomes, int reported)
    {
        var response = NoFailures;
        if (reported > 0)
        {
            var failures = new List<StreamsEventResponse.BatchItemFailure>(reported);
            for (var i = 0; i < outcomes.Length; i++)
            {
                if (outcomes[i] != RecordOutcome.Succeeded)
                {
                    failures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = IdOf(records[i]) });
                }
            }

            response = new StreamsEventResponse { BatchItemFailures = failures };
        }

        LambdaJson.Serialize(output, response, BatchEnvelopes.StreamsResponse);
    }
}

/// <summary>Kinesis: identifiers are <c>kinesis.sequenceNumber</c>.</summary>
internal sealed class KinesisBatchSource : StreamBatchSource<KinesisEvent, KinesisEvent.KinesisEventRecord>
{
    public static readonly KinesisBatchSource Instance = new();

    public override EventSourceKind Kind => EventSourceKind.Kinesis;

    public override JsonTypeInfo<KinesisEvent> EventTypeInfo => BatchEnvelopes.Kinesis;

    public override string Name => "Kinesis";

    public override string IdentifierName => "kinesis.sequenceNumber";

    public override IList<KinesisEvent.KinesisEventRecord> RecordsOf(KinesisEvent batch) => batch.Records ?? [];

    public override string? IdOf(KinesisEvent.KinesisEventRecord? record) => record?.Kinesis?.SequenceNumber;
}

/// <summary>DynamoDB streams: identifiers are <c>dynamodb.SequenceNumber</c>.</summary>
internal sealed class DynamoDbBatchSource : StreamBatchSource<DynamoDBEvent, DynamoDBEvent.DynamodbStreamRecord>
{
    public static readonly DynamoDbBatchSource Instance = new();

    public override EventSourceKind Kind => EventSourceKind.DynamoDb;

    public override JsonTypeInfo<DynamoDBEvent> EventTypeInfo => BatchEnvelopes.DynamoDb;

    public override string Name => "DynamoDB";

    public override string IdentifierName => "dynamodb.SequenceNumber";

    public override IList<DynamoDBEvent.DynamodbStreamRecord> RecordsOf(DynamoDBEvent batch) => batch.Records ?? [];

    public override string? IdOf(DynamoDBEvent.DynamodbStreamRecord? record) => record?.Dynamodb?.SequenceNumber;
}
