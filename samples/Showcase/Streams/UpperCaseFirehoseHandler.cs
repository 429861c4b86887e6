using LambdaKit;
using LambdaKit.Events.KinesisFirehose;

namespace Showcase.Streams;

/// <summary>Firehose transformation: upper-cases each record; <c>drop</c> is dropped, <c>fail</c> fails (kept as received).</summary>
internal sealed class UpperCaseFirehoseHandler : KinesisFirehoseRecordHandler
{
    protected override ValueTask<KinesisFirehoseRecordResult> HandleAsync(KinesisFirehoseEvent.FirehoseRecord record, ILambdaContext context, CancellationToken cancellationToken)
    {
        var data = record.DecodeData();
        return ValueTask.FromResult(data switch
        {
            "drop" => KinesisFirehoseRecordResult.Dropped,
            "fail" => KinesisFirehoseRecordResult.ProcessingFailed,
            _ => KinesisFirehoseRecordResult.Ok(data.ToUpperInvariant()),
        });
    }
}
