using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;

namespace LambdaKit;

/// <summary>
/// Base class of a DynamoDB stream handler that works on one stream record at a time (keys, new and old images).
/// Register with <c>services.AddDynamoDbHandler&lt;MyHandler&gt;()</c>; LambdaKit runs the batch in order and answers with a
/// <see cref="StreamsEventResponse"/>.
/// </summary>
/// <remarks>
/// Records are handled in order, one at a time. At the first failure (an exception or the deadline) the batch stops: that
/// record and every later one are reported by sequence number, and Lambda resumes the shard from the first of them.
/// </remarks>
public abstract class DynamoDbRecordHandler : BatchRecordHandler<DynamoDBEvent.DynamodbStreamRecord>
{
    /// <summary>Handles one stream record.</summary>
    /// <param name="record">The record; the change is in <c>record.Dynamodb</c> (<c>Keys</c>, <c>NewImage</c>, <c>OldImage</c>).</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>A task that completes when the record was handled; throw to stop the batch here.</returns>
    protected abstract ValueTask HandleAsync(DynamoDBEvent.DynamodbStreamRecord record, ILambdaContext context, CancellationToken cancellationToken);

    internal sealed override ValueTask HandleRecordAsync(DynamoDBEvent.DynamodbStreamRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => HandleAsync(record, context, cancellationToken);
}
