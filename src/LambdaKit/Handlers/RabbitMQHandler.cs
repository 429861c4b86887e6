using LambdaKit.Events.MQ;

namespace LambdaKit;

/// <summary>
/// Base class of an Amazon MQ for RabbitMQ handler: override <see cref="HandleMessageAsync"/> to handle one message with the
/// queue it came from; queues and their messages are handled in the order received. Register with
/// <c>services.AddHandler&lt;RabbitMQEvent, MyHandler&gt;()</c>.
/// </summary>
/// <remarks>An exception stops the batch and fails the invocation, so that Lambda delivers the batch again.</remarks>
public abstract class RabbitMQHandler : ILambdaHandler<RabbitMQEvent>
{
    /// <inheritdoc />
    public virtual async ValueTask HandleAsync(RabbitMQEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var (queue, messages) in input.RmqMessagesByQueue ?? [])
        {
            foreach (var message in messages ?? [])
            {
                cancellationToken.ThrowIfCancellationRequested();
                await HandleMessageAsync(queue, message, context, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one message.</summary>
    /// <param name="queue">The queue, as Lambda names it: <c>"queue-name::virtual-host"</c>.</param>
    /// <param name="message">The message; <see cref="RabbitMQEvent.RabbitMQMessage.DecodeData"/> decodes its body.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the message was handled.</returns>
    protected abstract ValueTask HandleMessageAsync(string queue, RabbitMQEvent.RabbitMQMessage message, ILambdaContext context, CancellationToken cancellationToken);
}
