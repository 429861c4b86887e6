using Microsoft.Extensions.Logging;

namespace LambdaKit.Batching;

/// <summary>The log lines of batches (category <c>LambdaKit.Batching.BatchLog</c>): one per batch, and each failed or cut-short record at warning level with its id (and exception).</summary>
internal sealed partial class BatchLog
{
    private BatchLog()
    {
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information,
        Message = "{Source} batch of {Total} record(s): {Succeeded} succeeded, {Failed} failed, {NotStarted} not started; {Reported} reported for retry, {Unfinished} of them cut short by the deadline")]
    public static partial void Summary(ILogger logger, string source, int total, int succeeded, int failed, int notStarted, int reported, int unfinished);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "{Source} record {ItemIdentifier} failed: {Reason}")]
    public static partial void RecordFailed(ILogger logger, Exception exception, string source, string? itemIdentifier, string reason);

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning, Message = "{Source} record {ItemIdentifier} was cancelled in flight by the deadline")]
    public static partial void RecordCancelled(ILogger logger, string source, string? itemIdentifier);
}
