using LambdaKit.Events.SNS;

namespace LambdaKit;

/// <summary>
/// Base class of an SNS notification handler: override <see cref="HandleMessageAsync"/> to handle one message; records are
/// handled in order. Register with <c>services.AddHandler&lt;SNSEvent, MyHandler&gt;()</c>.
/// </summary>
public abstract class SnsHandler : ILambdaHandler<SNSEvent>
{
    /// <inheritdoc />
    public virtual async ValueTask HandleAsync(SNSEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        foreach (var record in input.Records ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (record.Sns is { } message)
            {
                await HandleMessageAsync(message, context, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Handles one SNS message (subject, message, attributes).</summary>
    /// <param name="message">The message.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the message was handled.</returns>
    protected abstract ValueTask HandleMessageAsync(SNSEvent.SNSMessage message, ILambdaContext context, CancellationToken cancellationToken);
}
