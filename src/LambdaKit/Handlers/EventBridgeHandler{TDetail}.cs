using LambdaKit.Events.EventBridge;

namespace LambdaKit;

/// <summary>
/// Base class of an EventBridge event handler with a typed <c>detail</c>. Register with
/// <c>services.AddHandler&lt;CloudWatchEvent&lt;TDetail&gt;, MyHandler&gt;()</c>, and add
/// <c>[JsonSerializable(typeof(CloudWatchEvent&lt;TDetail&gt;))]</c> to your JSON context.
/// </summary>
/// <typeparam name="TDetail">The type of the event's detail.</typeparam>
public abstract class EventBridgeHandler<TDetail> : ILambdaHandler<CloudWatchEvent<TDetail>>
{
    /// <inheritdoc />
    public ValueTask HandleAsync(CloudWatchEvent<TDetail> input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return HandleDetailAsync(input.Detail, input, context, cancellationToken);
    }

    /// <summary>Handles the event.</summary>
    /// <param name="detail">The typed detail.</param>
    /// <param name="eventBridgeEvent">The whole event (source, detail-type, time…).</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the event was handled.</returns>
    protected abstract ValueTask HandleDetailAsync(TDetail? detail, CloudWatchEvent<TDetail> eventBridgeEvent, ILambdaContext context, CancellationToken cancellationToken);
}
