using System.Buffers;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Serialization;

namespace LambdaKit.Batching;

/// <summary>One Firehose record of a batch and, once its handler returned, what it decided.</summary>
internal sealed class FirehoseWork(KinesisFirehoseEvent.FirehoseRecord record)
{
    public KinesisFirehoseEvent.FirehoseRecord Record { get; } = record;

    public KinesisFirehoseRecordResult Result { get; set; }
}

/// <summary>Runs a <see cref="KinesisFirehoseRecordHandler"/> as a batch record handler: the decision is kept on the work item.</summary>
internal sealed class FirehoseRecordAdapter(KinesisFirehoseRecordHandler handler) : BatchRecordHandler<FirehoseWork>
{
    internal override ValueTask HandleRecordAsync(FirehoseWork record, ILambdaContext context, CancellationToken cancellationToken)
    {
        var pending = handler.TransformAsync(record.Record, context, cancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            record.Result = pending.Result;
            return ValueTask.CompletedTask;
        }

        return KeepAsync(pending, record);
    }

    private static async ValueTask KeepAsync(ValueTask<KinesisFirehoseRecordResult> pending, FirehoseWork record)
        => record.Result = await pending.ConfigureAwait(false);
}

/// <summary>Firehose: records are independent, identified by <c>recordId</c>, and every one is answered.</summary>
internal sealed class FirehoseBatchSource : BatchSource<KinesisFirehoseEvent, FirehoseWork>
{
    public static readonly FirehoseBatchSource Instance = new();

    public override EventSourceKind Kind => EventSourceKind.KinesisFirehose;

    public override JsonTypeInfo<KinesisFirehoseEvent> EventTypeInfo => BatchEnvelopes.Firehose;

    public override string Name => "Firehose";

    public override string IdentifierName => "recordId";

    public override IList<FirehoseWork> RecordsOf(KinesisFirehoseEvent batch)
    {
        var records = batch.Records ?? [];
        var work = new FirehoseWork[records.Count];
        for (var i = 0; i < work.Length; i++)
        {
            work[i] = new FirehoseWork(records[i] ?? new KinesisFirehoseEvent.FirehoseRecord());
        }

        return work;
    }

    public override string? IdOf(FirehoseWork? record) => record?.Record.RecordId;

    public override BatchOrdering OrderingOf(IList<FirehoseWork> records) => BatchOrdering.Independent;

    /// <summary>Answers every record in order: its handler's decision when it returned, otherwise <c>ProcessingFailed</c> with the data as received.</summary>
    public override void WriteResponse(IBufferWriter<byte> output, IList<FirehoseWork> records, ReadOnlySpan<RecordOutcome> outcomes, int reported)
    {
        var answered = new List<KinesisFirehoseResponse.FirehoseRecord>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            var work = records[i];
            var decided = outcomes[i] == RecordOutcome.Succeeded && work.Result.Result is not null
                ? work.Result
                : KinesisFirehoseRecordResult.ProcessingFailed;
            answered.Add(new KinesisFirehoseResponse.FirehoseRecord
            {
                RecordId = work.Record.RecordId,
                Result = decided.Result,
                Base64EncodedData = decided.Base64Data ?? work.Record.Base64EncodedData ?? string.Empty,
                Metadata = decided.PartitionKeys is { Count: > 0 } keys
                    ? new KinesisFirehoseResponse.FirehoseResponseRecordMetadata { PartitionKeys = new Dictionary<string, string>(keys, StringComparer.Ordinal) }
                    : null,
            });
        }

        LambdaJson.Serialize(output, new KinesisFirehoseResponse { Records = answered }, BatchEnvelopes.FirehoseResponse);
    }
}
