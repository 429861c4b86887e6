using LambdaKit.Events.MQ;

namespace LambdaKit;

/// <summary>
/// Base class of an Amazon MQ for ActiveMQ handler: override <see cref="HandleMessageAsync"/> to handle one message; messages
/// are handled in the order received. Register with <c>services.AddHandler&lt;ActiveMQEvent, MyHandler&gt;()</c>.
/// </summary>
/// <remarks>An exception stops the batch and fails the invocation, so that Lambda delivers the batch again.</remarks>
public abstract class ActiveMQHandler : ILambdaHandler<ActiveMQEvent>
{
    /// <inheritdoc />
    public virtual async ValueTask HandleAsync(ActiveMQEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var message in input.Messages ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            await HandleMessageAsync(message, context, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Handles one message.</summary>
    /// <param name="message">The message; <see cref="ActiveMQEvent.ActiveMQMessage.DecodeData"/> decodes its body.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the message was handled.</returns>
    protected abstract ValueTask HandleMessageAsync(ActiveMQEvent.ActiveMQMessage message, ILambdaContext context, CancellationToken cancellationToken);
}
