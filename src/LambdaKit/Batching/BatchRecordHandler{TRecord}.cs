using LambdaKit.Serialization;

namespace LambdaKit;

/// <summary>
/// The common base of LambdaKit's per-record handlers: LambdaKit runs the batch, calls the handler once per record and
/// answers with the partial batch response. Derive from <see cref="SqsRecordHandler{T}"/>, <see cref="SqsRecordHandler"/>,
/// <see cref="KinesisRecordHandler{T}"/>, <see cref="KinesisRecordHandler"/> or <see cref="DynamoDbRecordHandler"/>.
/// </summary>
/// <typeparam name="TRecord">The record type of the event source.</typeparam>
/// <remarks>
/// A record succeeds when its handler returns; it fails when the handler throws (the exception is logged at debug level),
/// when its payload cannot be deserialized, or when it is cancelled by the deadline. Failed records are reported in
/// <c>batchItemFailures</c> so that Lambda delivers them again.
/// </remarks>
public abstract class BatchRecordHandler<TRecord>
    where TRecord : class
{
    private protected BatchRecordHandler()
    {
    }

    /// <summary>Prepares the handler for a batch (for example, finds the JSON metadata of the payload type).</summary>
    internal virtual void Bind(JsonMetadata json)
    {
    }

    /// <summary>Handles one record: reads its payload and calls the developer's method.</summary>
    internal abstract ValueTask HandleRecordAsync(TRecord record, ILambdaContext context, CancellationToken cancellationToken);
}
