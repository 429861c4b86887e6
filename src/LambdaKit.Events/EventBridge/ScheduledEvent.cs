namespace LambdaKit.Events.EventBridge;

/// <summary>
/// An event sent by an EventBridge scheduled rule (<c>source</c> <c>aws.events</c>, <c>detail-type</c> <c>Scheduled Event</c>).
/// Mirrors <c>Amazon.Lambda.CloudWatchEvents.ScheduledEvents.ScheduledEvent</c>.
/// </summary>
public sealed class ScheduledEvent : CloudWatchEvent<ScheduledEventDetail>
{
}
