using LambdaKit.Events.Kafka;

namespace LambdaKit;

/// <summary>
/// Base class of a Kafka handler (Amazon MSK or self-managed): override <see cref="HandleRecordAsync"/> to handle one record;
/// records are handled one after the other, in the order received. Register with <c>services.AddHandler&lt;KafkaEvent, MyHandler&gt;()</c>.
/// </summary>
/// <remarks>An exception stops the batch and fails the invocation, so that Lambda delivers the batch again.</remarks>
public abstract class KafkaHandler : ILambdaHandler<KafkaEvent>
{
    /// <inheritdoc />
    public virtual async ValueTask HandleAsync(KafkaEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var record in input.AllRecords())
        {
            cancellationToken.ThrowIfCancellationRequested();
            await HandleRecordAsync(record, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles one record.</summary>
    /// <param name="record">The record; <see cref="KafkaEvent.KafkaEventRecord.DecodeValue"/> and <see cref="KafkaEvent.KafkaEventRecord.DecodeKey"/> decode it.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the record was handled.</returns>
    protected abstract ValueTask HandleRecordAsync(KafkaEvent.KafkaEventRecord record, ILambdaContext context, CancellationToken cancellationToken);
}
