using Microsoft.Extensions.DependencyInjection;
using LambdaKit.Events;
using static LambdaKit.Tests.Batching.BatchEvents;

namespace LambdaKit.Tests.Batching;

public sealed class StreamBatchTests
{
    [Theory]
    [InlineData(EventSourceKind.Kinesis)]
    [InlineData(EventSourceKind.DynamoDb)]
    public async Task Stream_stops_at_the_first_failure_and_reports_it_and_every_later_record(EventSourceKind source)
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(For(source, [Ok("101"), Ok("102"), Failing("103"), Ok("104"), Failing("105"), Ok("106")]));

        Assert.Equal(["103", "104", "105", "106"], run.Reported);
        Assert.Equal(["101", "102", "103"], function.Probe.Started);
        Assert.Null(run.UnfinishedWork);
    }

    [Theory]
    [InlineData(EventSourceKind.Kinesis)]
    [InlineData(EventSourceKind.DynamoDb)]
    public async Task Stream_record_that_cannot_be_read_stops_the_batch_there(EventSourceKind source)
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(For(source, [Ok("1"), Poison("2"), Ok("3")]));

        Assert.Equal(["2", "3"], run.Reported);
        Assert.Equal(["1"], function.Probe.Started);
    }

    [Theory]
    [InlineData(EventSourceKind.Kinesis)]
    [InlineData(EventSourceKind.DynamoDb)]
    public async Task Malformed_last_record_is_reported_alone(EventSourceKind source)
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(For(source, [Ok("1"), Ok("2"), Poison("3")]));

        Assert.Equal(["3"], run.Reported);
    }

    [Theory]
    [InlineData(EventSourceKind.Kinesis)]
    [InlineData(EventSourceKind.DynamoDb)]
    public async Task Stream_with_every_record_handled_answers_an_empty_failure_list(EventSourceKind source)
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(For(source, [Ok("1"), Ok("2"), Ok("3")]));

        Assert.Equal("""{"batchItemFailures":[]}""", run.Json);
        Assert.Equal(["1", "2", "3"], function.Probe.Succeeded);
    }

    [Fact]
    public async Task Stream_ignores_MaxDegreeOfParallelism_and_stays_in_order()
    {
        await using var function = BatchHarness.Create(o => o.MaxDegreeOfParallelism = 8);
        var records = Enumerable.Range(1, 6).Select(i => new TestRecord(i.ToString(System.Globalization.CultureInfo.InvariantCulture), Payload("r" + i, sleepMs: 20, fail: i == 5))).ToList();

        var pending = function.InvokeAsync(Kinesis(records));
        for (var started = 1; started <= 5; started++)
        {
            // One record in flight, and the next one waits for it: nothing else starts while the clock stands still.
            function.WaitForStarted(started, running: 1);
            function.Manual.Advance(TimeSpan.FromMilliseconds(20));
        }

        var run = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["5", "6"], run.Reported);
        Assert.Equal(["r1", "r2", "r3", "r4", "r5"], function.Probe.Started);
        Assert.Equal(1, function.Probe.MaxRunning);
        Assert.Equal(TimeSpan.FromMilliseconds(100), run.Elapsed);
    }

    [Fact]
    public async Task Raw_Kinesis_handler_gets_the_decoded_bytes()
    {
        await using var function = BatchHarness.Create(handlers: s => s.AddKinesisHandler<RawKinesisHandler>());

        var run = await function.InvokeAsync(Kinesis([new TestRecord("1", "anything"), new TestRecord("2", "fail"), new TestRecord("3", "x")]));

        Assert.Equal(["2", "3"], run.Reported);
        Assert.Equal(["1"], function.Probe.Succeeded);
    }

    [Fact]
    public async Task Kinesis_record_without_a_sequence_number_fails_the_whole_invocation()
    {
        await using var function = BatchHarness.Create();
        var json = Kinesis([Ok("1"), Ok("2")]).Replace("\"sequenceNumber\":\"2\",", string.Empty, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(json));

        Assert.Contains("kinesis.sequenceNumber", error.Message, StringComparison.Ordinal);
        Assert.Empty(function.Probe.Started);
    }

    [Fact]
    public async Task DynamoDb_record_without_a_sequence_number_fails_the_whole_invocation()
    {
        await using var function = BatchHarness.Create();
        var json = DynamoDb([Ok("1"), Ok("2")]).Replace("\"SequenceNumber\":\"1\",", string.Empty, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(json));

        Assert.Contains("Record 0 of the DynamoDB batch", error.Message, StringComparison.Ordinal);
        Assert.Empty(function.Probe.Started);
    }
}
