using LambdaKit;
using LambdaKit.Events.EventBridge;

namespace Showcase.Notifications;

/// <summary>Reports which schedule rule fired, and when.</summary>
internal sealed class ScheduleTickHandler : ILambdaHandler<ScheduledEvent, SourceReport>
{
    public ValueTask<SourceReport> HandleAsync(ScheduledEvent input, ILambdaContext context, CancellationToken cancellationToken)
        => ValueTask.FromResult(new SourceReport { Source = "schedule", Rule = input.Resources?.FirstOrDefault(), Time = input.Time });
}
