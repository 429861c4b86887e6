using LambdaKit;
using LambdaKit.Events.SQS;

namespace Showcase.Batches;

/// <summary>SQS messages, one at a time (standard queue: every message tried; FIFO: a failure stops its message group).</summary>
internal sealed class SqsWorkHandler : SqsRecordHandler<WorkItem>
{
    protected override ValueTask HandleAsync(WorkItem payload, SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
        => payload.RunAsync(cancellationToken);
}
