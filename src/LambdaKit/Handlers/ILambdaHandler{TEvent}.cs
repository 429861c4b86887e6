namespace LambdaKit;

/// <summary>
/// A function handler for an event that needs no response (S3, SNS, schedules…). Registered in DI with
/// <c>services.AddHandler&lt;TEvent, THandler&gt;()</c>; resolved from the invocation's DI scope.
/// </summary>
/// <typeparam name="TEvent">The event type, deserialized with source-generated JSON metadata.</typeparam>
public interface ILambdaHandler<in TEvent>
{
    /// <summary>Handles one invocation.</summary>
    /// <param name="input">The event.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>A task that completes when the event was handled.</returns>
    ValueTask HandleAsync(TEvent input, ILambdaContext context, CancellationToken cancellationToken);
}
