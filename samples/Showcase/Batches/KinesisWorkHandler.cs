using LambdaKit;
using LambdaKit.Events.Kinesis;

namespace Showcase.Batches;

/// <summary>Kinesis records in order; the first failure stops the batch.</summary>
internal sealed class KinesisWorkHandler : KinesisRecordHandler<WorkItem>
{
    protected override ValueTask HandleAsync(WorkItem payload, KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => payload.RunAsync(cancellationToken);
}
