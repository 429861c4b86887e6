using LambdaKit.Events.CloudWatchLogs;

namespace LambdaKit;

/// <summary>
/// Base class of a CloudWatch Logs subscription handler: the compressed <c>awslogs.data</c> is decoded for you and
/// <see cref="HandleLogsAsync"/> gets the typed log events. Register with <c>services.AddHandler&lt;CloudWatchLogsEvent, MyHandler&gt;()</c>.
/// </summary>
/// <remarks>
/// The <c>CONTROL_MESSAGE</c> CloudWatch Logs sends to check a new subscription is acknowledged without calling the handler.
/// Data that is not base64 of gzip-compressed JSON fails the invocation with an <see cref="InvalidDataException"/> that says so.
/// </remarks>
public abstract class CloudWatchLogsHandler : ILambdaHandler<CloudWatchLogsEvent>
{
    /// <inheritdoc />
    public virtual ValueTask HandleAsync(CloudWatchLogsEvent input, ILambdaContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var logs = (input.Awslogs ?? throw new InvalidDataException("The CloudWatch Logs event has no awslogs member.")).Decode();
        return logs.MessageType == "CONTROL_MESSAGE" ? ValueTask.CompletedTask : HandleLogsAsync(logs, context, cancellationToken);
    }

    /// <summary>Handles the log events of one delivery.</summary>
    /// <param name="logs">The decoded delivery: log group, log stream, and the log events in order.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the deadline.</param>
    /// <returns>A task that completes when the log events were handled; throw to have the delivery retried.</returns>
    protected abstract ValueTask HandleLogsAsync(CloudWatchLogsData logs, ILambdaContext context, CancellationToken cancellationToken);
}
