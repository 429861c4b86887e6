using LambdaKit.Batching;

namespace LambdaKit.Tests.Batching;

public sealed class BatchCountsTests
{
    [Fact]
    public void Counts_each_outcome_once_and_unfinished_is_cancelled_plus_not_started()
    {
        RecordOutcome[] outcomes =
        [
            RecordOutcome.Succeeded, RecordOutcome.Succeeded, RecordOutcome.Succeeded,
            RecordOutcome.Failed,
            RecordOutcome.Cancelled, RecordOutcome.Cancelled,
            RecordOutcome.Skipped, RecordOutcome.Skipped, RecordOutcome.Skipped, RecordOutcome.Skipped,
            RecordOutcome.NotStarted,
        ];

        var counts = BatchCounts.Of(outcomes);

        Assert.Equal(new BatchCounts(Total: 11, Succeeded: 3, Failed: 1, Cancelled: 2, Skipped: 4, NotStarted: 1), counts);
        Assert.Equal(3, counts.Unfinished);
    }

    [Fact]
    public void Options_validator_reports_every_invalid_option_not_only_the_last()
    {
        var options = new BatchOptions { MaxDegreeOfParallelism = 0, RecordTimeEstimate = TimeSpan.FromSeconds(-1) };

        var result = new BatchOptionsValidator().Validate("orders", options);

        Assert.True(result.Failed);
        Assert.Collection(
            result.Failures!,
            failure => Assert.Contains("MaxDegreeOfParallelism of the orders handler must be at least 1 (it is 0)", failure, StringComparison.Ordinal),
            failure => Assert.Contains("RecordTimeEstimate of the orders handler must not be negative", failure, StringComparison.Ordinal));
    }
}
