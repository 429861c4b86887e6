using Microsoft.Extensions.DependencyInjection;
using static LambdaKit.Tests.Batching.BatchEvents;

namespace LambdaKit.Tests.Batching;

public sealed class SqsBatchTests
{
    [Fact]
    public async Task Standard_queue_tries_every_message_and_reports_exactly_the_failed_ones()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs([Ok("m1"), Failing("m2"), Ok("m3"), Ok("m4"), Failing("m5"), Ok("m6")]));

        Assert.Equal(["m2", "m5"], run.Reported);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5", "m6"], function.Probe.Started);
        Assert.Equal(["m1", "m3", "m4", "m6"], function.Probe.Succeeded);
        Assert.Null(run.UnfinishedWork);
    }

    [Fact]
    public async Task All_succeeded_answers_an_empty_failure_list()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs([Ok("m1"), Ok("m2")]));

        Assert.Equal("""{"batchItemFailures":[]}""", run.Json);
    }

    [Fact]
    public async Task Body_that_cannot_be_read_is_a_failure_of_that_message_alone()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs(
            [Ok("m1"), Poison("m2"), new TestRecord("m3", "null"), new TestRecord("m4", ""), new TestRecord("m5", "[1,2]"), Ok("m6")]));

        Assert.Equal(["m2", "m3", "m4", "m5"], run.Reported);
        Assert.Equal(["m1", "m6"], function.Probe.Started);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"m2"},{"itemIdentifier":"m3"},{"itemIdentifier":"m4"},{"itemIdentifier":"m5"}]}""", run.Json);
    }

    [Fact]
    public async Task Fifo_queue_stops_a_message_group_at_its_first_failure_and_other_groups_go_on()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs(
            [Ok("a1", group: "A"), Ok("b1", group: "B"), Failing("a2", "A"), Ok("b2", group: "B"), Ok("a3", group: "A"), Poison("c1", "C"), Ok("c2", group: "C"), Ok("b3", group: "B")],
            FifoQueueArn));

        Assert.Equal(["a2", "a3", "c1", "c2"], run.Reported);
        Assert.Equal(["a1", "b1", "a2", "b2", "b3"], function.Probe.Started);
    }

    [Fact]
    public async Task MessageGroupId_attribute_alone_makes_a_batch_ordered_per_group()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs([Failing("a1", "A"), Ok("a2", group: "A"), Ok("b1", group: "B")], StandardQueueArn));

        Assert.Equal(["a1", "a2"], run.Reported);
        Assert.Equal(["a1", "b1"], function.Probe.Started);
    }

    [Fact]
    public async Task Fifo_queue_arn_without_group_ids_treats_the_batch_as_one_group()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs([Ok("m1"), Failing("m2"), Ok("m3"), Ok("m4")], FifoQueueArn));

        Assert.Equal(["m2", "m3", "m4"], run.Reported);
        Assert.Equal(["m1", "m2"], function.Probe.Started);
    }

    [Fact]
    public async Task Standard_queue_with_parallelism_overlaps_messages_up_to_the_bound_and_reports_failures()
    {
        // Each message takes 150 ms of the manual clock: none finishes until the test moves it, so each wave is exact.
        await using var function = BatchHarness.Create(o => o.MaxDegreeOfParallelism = 3);
        var records = Enumerable.Range(1, 9)
            .Select(i => new TestRecord("m" + i, Payload("m" + i, fail: i is 4 or 8, sleepMs: 150)))
            .ToList();

        var pending = function.InvokeAsync(Sqs(records));
        for (var wave = 1; wave <= 3; wave++)
        {
            function.WaitForStarted(3 * wave, running: 3);
            function.Manual.Advance(TimeSpan.FromMilliseconds(150));
        }

        var run = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["m4", "m8"], run.Reported);
        Assert.Equal(9, function.Probe.Started.Count);
        Assert.Equal(3, function.Probe.MaxRunning);
        Assert.Equal(TimeSpan.FromMilliseconds(450), run.Elapsed);
    }

    [Fact]
    public async Task Fifo_queue_with_parallelism_runs_groups_concurrently_and_each_group_in_order()
    {
        await using var function = BatchHarness.Create(o => o.MaxDegreeOfParallelism = 4);
        TestRecord Rec(string id, string group, bool fail = false) => new(id, Payload(id, fail: fail, sleepMs: 50), group);

        var pending = function.InvokeAsync(Sqs(
            [Rec("a1", "A"), Rec("b1", "B"), Rec("a2", "A", fail: true), Rec("c1", "C"), Rec("b2", "B"), Rec("a3", "A"), Rec("c2", "C", fail: true), Rec("b3", "B"), Rec("c3", "C")],
            FifoQueueArn));
        function.WaitForStarted(3, running: 3);
        function.Manual.Advance(TimeSpan.FromMilliseconds(50));
        function.WaitForStarted(6, running: 3);
        function.Manual.Advance(TimeSpan.FromMilliseconds(50));
        function.WaitForStarted(7, running: 1);
        function.Manual.Advance(TimeSpan.FromMilliseconds(50));
        var run = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["a2", "a3", "c2", "c3"], run.Reported);
        var started = function.Probe.Started.ToList();
        Assert.Equal(["a1", "a2"], started.Where(id => id[0] == 'a'));
        Assert.Equal(["b1", "b2", "b3"], started.Where(id => id[0] == 'b'));
        Assert.Equal(["c1", "c2"], started.Where(id => id[0] == 'c'));
        Assert.Equal(3, function.Probe.MaxRunning);
        Assert.Equal(TimeSpan.FromMilliseconds(150), run.Elapsed);
    }

    [Fact]
    public async Task Raw_handler_gets_the_message_body_as_a_string()
    {
        await using var function = BatchHarness.Create(handlers: s => s.AddSqsHandler<RawSqsHandler>());

        var run = await function.InvokeAsync(Sqs([new TestRecord("m1", "hello"), new TestRecord("m2", "fail now"), new TestRecord("m3", "not json at all")]));

        Assert.Equal(["m2"], run.Reported);
        Assert.Equal(["m1", "m3"], function.Probe.Succeeded);
    }

    [Fact]
    public async Task Message_without_an_id_fails_the_whole_invocation_before_any_message_is_handled()
    {
        await using var function = BatchHarness.Create();
        var json = Sqs([Ok("m1"), Ok("m2")]).Replace("\"messageId\":\"m2\",", string.Empty, StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(json));

        Assert.Equal("Runtime.MissingRecordIdentifier", LambdaError.FromException(error).ErrorType);
        Assert.Contains("Record 1 of the SQS batch", error.Message, StringComparison.Ordinal);
        Assert.Contains("messageId", error.Message, StringComparison.Ordinal);
        Assert.Empty(function.Probe.Started);
    }

    [Fact]
    public async Task Message_with_an_empty_id_fails_the_whole_invocation()
    {
        await using var function = BatchHarness.Create();
        var json = Sqs([Ok("m1"), Ok("m2")]).Replace("\"messageId\":\"m2\"", "\"messageId\":\"\"", StringComparison.Ordinal);

        await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(json));
        Assert.Empty(function.Probe.Started);
    }
}
