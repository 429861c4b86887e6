namespace LambdaKit.Batching;

/// <summary>What happened to one record of a batch. Every outcome but <see cref="Succeeded"/> is reported for retry.</summary>
internal enum RecordOutcome : byte
{
    /// <summary>Not decided yet; reported if it stays so.</summary>
    Pending = 0,

    /// <summary>The handler returned.</summary>
    Succeeded,

    /// <summary>The handler threw, or the payload could not be read.</summary>
    Failed,

    /// <summary>The handler was still running when the invocation's token fired (it threw on cancellation, or was abandoned).</summary>
    Cancelled,

    /// <summary>Not started: an earlier record of the same stream or message group failed.</summary>
    Skipped,

    /// <summary>Not started: too little time was left before the deadline.</summary>
    NotStarted,
}

/// <summary>The counts of a batch, for its log line and the loop's deadline warning.</summary>
internal readonly record struct BatchCounts(int Total, int Succeeded, int Failed, int Cancelled, int Skipped, int NotStarted)
{
    /// <summary>Records reported in <c>batchItemFailures</c>.</summary>
    public int Reported => Total - Succeeded;

    /// <summary>Records the deadline kept from finishing: not started for lack of time, or cancelled in flight.</summary>
    public int Unfinished => Cancelled + NotStarted;

    public static BatchCounts Of(ReadOnlySpan<RecordOutcome> outcomes)
    {
        int succeeded = 0, failed = 0, cancelled = 0, skipped = 0, notStarted = 0;
        foreach (var outcome in outcomes)
        {
            switch (outcome)
            {
                case RecordOutcome.Succeeded: succeeded++; break;
                case RecordOutcome.Cancelled: cancelled++; break;
                case RecordOutcome.Skipped: skipped++; break;
                case RecordOutcome.NotStarted: notStarted++; break;
                default: failed++; break;
            }
        }

        return new BatchCounts(outcomes.Length, succeeded, failed, cancelled, skipped, notStarted);
    }
}
