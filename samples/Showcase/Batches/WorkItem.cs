namespace Showcase.Batches;

/// <summary>
/// The payload of every Showcase batch record (an SQS body, Kinesis data, a DynamoDB <c>NewImage.payload</c> string):
/// <c>{"id":"…","fail":false,"sleepMs":0}</c>.
/// </summary>
internal sealed record WorkItem(string? Id, bool Fail = false, int SleepMs = 0)
{
    /// <summary>Does the work: waits <see cref="SleepMs"/> (cancellable by the deadline token), then fails if asked to.</summary>
    public async ValueTask RunAsync(CancellationToken cancellationToken)
    {
        if (SleepMs > 0)
        {
            await Task.Delay(SleepMs, cancellationToken).ConfigureAwait(false);
        }

        if (Fail)
        {
            throw new InvalidOperationException($"Work item {Id} asked to fail.");
        }
    }
}

