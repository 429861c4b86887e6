namespace LambdaKit.Events.EventBridge;

/// <summary>
/// The <c>detail</c> of a <see cref="ScheduledEvent"/>, which is always an empty object.
/// Corresponds to <c>Amazon.Lambda.CloudWatchEvents.ScheduledEvents.Detail</c>.
/// </summary>
public sealed class ScheduledEventDetail
{
}
