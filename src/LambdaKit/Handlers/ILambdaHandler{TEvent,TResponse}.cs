namespace LambdaKit;

/// <summary>
/// A function handler: receives one typed event and returns a typed response. Registered in DI with
/// <c>services.AddHandler&lt;TEvent, TResponse, THandler&gt;()</c>; resolved from the invocation's DI scope.
/// </summary>
/// <typeparam name="TEvent">The event type, deserialized with source-generated JSON metadata.</typeparam>
/// <typeparam name="TResponse">The response type, serialized with source-generated JSON metadata.</typeparam>
public interface ILambdaHandler<in TEvent, TResponse>
{
    /// <summary>Handles one invocation.</summary>
    /// <param name="input">The event.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns>The response.</returns>
    ValueTask<TResponse> HandleAsync(TEvent input, ILambdaContext context, CancellationToken cancellationToken);
}
