using LambdaKit.Events.SQS;

namespace LambdaKit;

/// <summary>
/// Base class of an SQS handler that works on one message at a time, with the raw message (its body as a string).
/// Register with <c>services.AddSqsHandler&lt;MyHandler&gt;()</c>; LambdaKit runs the batch and answers with an
/// <see cref="SQSBatchResponse"/> that lists the messages to retry. The semantics are those of <see cref="SqsRecordHandler{T}"/>.
/// </summary>
public abstract class SqsRecordHandler : BatchRecordHandler<SQSEvent.SQSMessage>
{
    /// <summary>Handles one message.</summary>
    /// <param name="message">The message (body, id, attributes, message attributes).</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>A task that completes when the message was handled; throw to have it retried.</returns>
    protected abstract ValueTask HandleAsync(SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken);

    internal sealed override ValueTask HandleRecordAsync(SQSEvent.SQSMessage record, ILambdaContext context, CancellationToken cancellationToken)
        => HandleAsync(record, context, cancellationToken);
}
