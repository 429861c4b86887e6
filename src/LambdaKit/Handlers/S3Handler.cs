using LambdaKit.Events.S3;

namespace LambdaKit;

/// <summary>
/// Base class of an S3 notification handler: override <see cref="HandleObjectAsync"/> to handle one object; records are
/// handled in order. Register with <c>services.AddHandler&lt;S3Event, MyHandler&gt;()</c>.
/// </summary>
public abstract class S3Handler : ILambdaHandler<S3Event>
{
    /// <inheritdoc />
    public virtual async ValueTask HandleAsync(S3Event input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var record in input.Records ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            await HandleObjectAsync(record, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles one S3 notification record. <c>record.S3.Object.DecodedKey</c> is the URL-decoded object key.</summary>
    /// <param name="record">The record.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the record was handled.</returns>
    protected abstract ValueTask HandleObjectAsync(S3Event.S3EventNotificationRecord record, ILambdaContext context, CancellationToken cancellationToken);
}
