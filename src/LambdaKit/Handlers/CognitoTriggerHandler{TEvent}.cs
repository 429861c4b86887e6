namespace LambdaKit;

/// <summary>
/// Base class of a Cognito user-pool trigger handler: override <see cref="HandleTriggerAsync"/> to fill the event's
/// <c>Response</c>; the event itself is returned to Cognito, as Cognito requires. The trigger is routed by its
/// <c>triggerSource</c>: register with <c>services.AddHandler&lt;CognitoPreSignupEvent, CognitoPreSignupEvent, MyHandler&gt;()</c>.
/// </summary>
/// <typeparam name="TEvent">The trigger event, for example <see cref="Events.Cognito.CognitoPreSignupEvent"/>.</typeparam>
public abstract class CognitoTriggerHandler<TEvent> : ILambdaHandler<TEvent, TEvent>
    where TEvent : class
{
    /// <inheritdoc />
    public async ValueTask<TEvent> HandleAsync(TEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        await HandleTriggerAsync(input, context, cancellationToken).ConfigureAwait(false);
        return input;
    }

    /// <summary>Handles the trigger: reads <c>trigger.Request</c> and fills <c>trigger.Response</c>; throw to make Cognito refuse the operation.</summary>
    /// <param name="trigger">The event, returned to Cognito once this completes.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the response is filled.</returns>
    protected abstract ValueTask HandleTriggerAsync(TEvent trigger, ILambdaContext context, CancellationToken cancellationToken);
}
