using System.Text.Json.Serialization.Metadata;
using LambdaKit.Batching;
using LambdaKit.Events.Kinesis;
using LambdaKit.Serialization;

namespace LambdaKit;

/// <summary>
/// Base class of a Kinesis handler that works on one record at a time, its data (already decoded from base64) read as
/// <typeparamref name="T"/> through source-generated JSON. Register with <c>services.AddKinesisHandler&lt;MyHandler&gt;()</c>;
/// LambdaKit runs the batch in order and answers with a <see cref="StreamsEventResponse"/>.
/// </summary>
/// <typeparam name="T">The type of the record data; its JSON metadata must be registered.</typeparam>
/// <remarks>
/// Records are handled in order, one at a time. At the first failure (an exception, data that cannot be read as
/// <typeparamref name="T"/>, or the deadline) the batch stops: that record and every later one are reported by sequence number,
/// and Lambda resumes the shard from the first of them.
/// </remarks>
public abstract class KinesisRecordHandler<T> : BatchRecordHandler<KinesisEvent.KinesisEventRecord>
{
    private JsonTypeInfo<T>? _payload;

    /// <summary>Handles one record.</summary>
    /// <param name="payload">The record data, deserialized.</param>
    /// <param name="record">The record (partition key, sequence number, arrival time).</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>A task that completes when the record was handled; throw to stop the batch here.</returns>
    protected abstract ValueTask HandleAsync(T payload, KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken);

    internal sealed override void Bind(JsonMetadata json) => _payload ??= json.GetTypeInfo<T>();

    internal sealed override ValueTask HandleRecordAsync(KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => RecordPayload.TryRead(record.Kinesis!.Data.Span, RecordPayload.Bound(_payload), out var payload, out var failure)
            ? HandleAsync(payload, record, context, cancellationToken)
            : ValueTask.FromException(failure);
}
