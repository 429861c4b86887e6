using LambdaKit.Events.Kinesis;

namespace LambdaKit;

/// <summary>
/// Base class of a Kinesis handler that works on one record at a time, with the raw record (its data as bytes in
/// <c>record.Kinesis.Data</c>). Register with <c>services.AddKinesisHandler&lt;MyHandler&gt;()</c>. The semantics are those of
/// <see cref="KinesisRecordHandler{T}"/>: in order, stop at the first failure.
/// </summary>
public abstract class KinesisRecordHandler : BatchRecordHandler<KinesisEvent.KinesisEventRecord>
{
    /// <summary>Handles one record.</summary>
    /// <param name="record">The record; its data is in <c>record.Kinesis.Data</c>.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>A task that completes when the record was handled; throw to stop the batch here.</returns>
    protected abstract ValueTask HandleAsync(KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken);

    internal sealed override ValueTask HandleRecordAsync(KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => HandleAsync(record, context, cancellationToken);
}
