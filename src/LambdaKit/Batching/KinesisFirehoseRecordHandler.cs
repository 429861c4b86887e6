using LambdaKit.Events.KinesisFirehose;

namespace LambdaKit;

/// <summary>
/// Base class of an Amazon Data Firehose transformation: override <see cref="HandleAsync"/> to transform one record.
/// Register with <c>services.AddKinesisFirehoseHandler&lt;MyHandler&gt;()</c>; LambdaKit runs the batch and answers with a
/// <see cref="KinesisFirehoseResponse"/> that has every <c>recordId</c> received, in order.
/// </summary>
/// <remarks>
/// <para>
/// A record whose handler throws, and a record the deadline left unfinished (not started, or cancelled in flight), is
/// answered <c>ProcessingFailed</c> with its data as received: no record is ever missing from the answer. Records are
/// independent; <see cref="BatchOptions.MaxDegreeOfParallelism"/> transforms several at once.
/// </para>
/// <para>The instance is resolved from the invocation's scope; with parallelism, it is called concurrently.</para>
/// </remarks>
public abstract class KinesisFirehoseRecordHandler
{
    /// <summary>Transforms one record.</summary>
    /// <param name="record">The record; <see cref="KinesisFirehoseEvent.FirehoseRecord.DecodeData"/> gives its data as text.</param>
    /// <param name="context">The invocation's context.</param>
    /// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
    /// <returns><see cref="KinesisFirehoseRecordResult.Ok(string, IReadOnlyDictionary{string, string})"/>, <see cref="KinesisFirehoseRecordResult.Dropped"/> or <see cref="KinesisFirehoseRecordResult.ProcessingFailed"/>.</returns>
    protected abstract ValueTask<KinesisFirehoseRecordResult> HandleAsync(KinesisFirehoseEvent.FirehoseRecord record, ILambdaContext context, CancellationToken cancellationToken);

    internal ValueTask<KinesisFirehoseRecordResult> TransformAsync(KinesisFirehoseEvent.FirehoseRecord record, ILambdaContext context, CancellationToken cancellationToken)
        => HandleAsync(record, context, cancellationToken);
}
