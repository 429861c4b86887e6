using LambdaKit.Events.EventBridge;

namespace LambdaKit;

/// <summary>
/// Base class of an EventBridge (CloudWatch Events) schedule handler. Register with
/// <c>services.AddHandler&lt;ScheduledEvent, MyHandler&gt;()</c>.
/// </summary>
public abstract class ScheduleHandler : ILambdaHandler<ScheduledEvent>
{
    /// <inheritdoc />
    public ValueTask HandleAsync(ScheduledEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        return HandleScheduleAsync(input.Resources?.FirstOrDefault() ?? string.Empty, input.Time, input, context, cancellationToken);
    }

    /// <summary>Runs the scheduled work.</summary>
    /// <param name="ruleArn">The ARN of the rule that fired (the event's first resource).</param>
    /// <param name="scheduledTime">When the rule fired.</param>
    /// <param name="scheduledEvent">The whole event.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the work is done.</returns>
    protected abstract ValueTask HandleScheduleAsync(string ruleArn, DateTime scheduledTime, ScheduledEvent scheduledEvent, ILambdaContext context, CancellationToken cancellationToken);
}
