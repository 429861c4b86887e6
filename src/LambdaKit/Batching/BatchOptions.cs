namespace LambdaKit;

/// <summary>
/// Options of a batch handler (SQS, Kinesis, DynamoDB streams), configured at registration:
/// <c>services.AddSqsHandler&lt;MyHandler&gt;(o =&gt; o.MaxDegreeOfParallelism = 4)</c>.
/// </summary>
public sealed class BatchOptions
{
    /// <summary>
    /// How many records of an SQS batch are handled at once: records of a standard queue, message groups of a FIFO queue
    /// (the messages of one group are always handled one after the other). Streams (Kinesis, DynamoDB) are always handled in
    /// order, one record at a time: scale them with the event source mapping's parallelization factor instead. With more than
    /// one, the handler instance is called concurrently. Less than 1 fails start. Default: 1.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>
    /// How long one record usually takes. A record is started only while the invocation's remaining time is at least
    /// <see cref="LambdaKitOptions.CancellationMargin"/> plus this estimate; the records not started are reported as failed so
    /// that Lambda delivers them again. A negative value fails start. Default: zero (start while the invocation's token has not fired).
    /// </summary>
    public TimeSpan RecordTimeEstimate { get; set; } = TimeSpan.Zero;
}
