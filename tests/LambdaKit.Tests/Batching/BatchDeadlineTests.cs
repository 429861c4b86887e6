using LambdaKit.Events;
using LambdaKit.Invocation;
using LambdaKit.Runtime;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static LambdaKit.Tests.Batching.BatchEvents;

namespace LambdaKit.Tests.Batching;

public sealed class BatchDeadlineTests
{
    private static readonly TimeSpan TwoSeconds = TimeSpan.FromSeconds(2);

    private static List<TestRecord> Slow(int count, int advanceMs, string prefix = "", string? group = null)
        => Enumerable.Range(0, count).Select(i => Ok(prefix + i, advanceMs, group)).ToList();

    [Theory]
    [InlineData(EventSourceKind.Kinesis)]
    [InlineData(EventSourceKind.DynamoDb)]
    public async Task Record_cancelled_in_flight_and_every_record_after_it_are_reported_and_counted_unfinished(EventSourceKind source)
    {
        // 300 ms a record, deadline at 2 s, margin 500 ms: the token fires at 1.5 s, inside record 4.
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(For(source, Slow(10, advanceMs: 300)), TwoSeconds);

        Assert.Equal(["4", "5", "6", "7", "8", "9"], run.Reported);
        Assert.Equal(["0", "1", "2", "3"], function.Probe.Succeeded);
        Assert.Equal(["0", "1", "2", "3", "4"], function.Probe.Started);
        Assert.Equal(6, run.UnfinishedWork);
    }

    [Fact]
    public async Task Record_is_not_started_when_the_remaining_time_is_below_the_margin_plus_the_estimate()
    {
        // Start only while remaining >= 500 + 400 ms: records start at 0, 300, 600 and 900 ms; at 1200 ms only 800 ms are left.
        await using var function = BatchHarness.Create(o => o.RecordTimeEstimate = TimeSpan.FromMilliseconds(400));

        var run = await function.InvokeAsync(Kinesis(Slow(10, advanceMs: 300)), TwoSeconds);

        Assert.Equal(["4", "5", "6", "7", "8", "9"], run.Reported);
        Assert.Equal(["0", "1", "2", "3"], function.Probe.Started);
        Assert.Equal(["0", "1", "2", "3"], function.Probe.Succeeded);
        Assert.Equal(6, run.UnfinishedWork);
    }

    [Fact]
    public async Task Nothing_starts_when_the_invocation_arrives_inside_the_margin()
    {
        await using var function = BatchHarness.Create();

        var run = await function.InvokeAsync(Sqs(Slow(3, advanceMs: 0, prefix: "m")), TimeSpan.FromMilliseconds(400));

        Assert.Equal(["m0", "m1", "m2"], run.Reported);
        Assert.Empty(function.Probe.Started);
        Assert.Equal(3, run.UnfinishedWork);
    }

    [Fact]
    public async Task Standard_queue_reports_failures_and_every_message_the_deadline_cut_off()
    {
        await using var function = BatchHarness.Create();
        var records = Slow(10, advanceMs: 300, prefix: "m");
        records[2] = records[2] with { Payload = Payload("m2", fail: true, advanceMs: 300) };

        var run = await function.InvokeAsync(Sqs(records), TwoSeconds);

        Assert.Equal(["m2", "m4", "m5", "m6", "m7", "m8", "m9"], run.Reported);
        Assert.Equal(["m0", "m1", "m3"], function.Probe.Succeeded);
        Assert.Equal(6, run.UnfinishedWork);
    }

    [Fact]
    public async Task Fifo_records_skipped_after_a_failure_are_not_counted_as_unfinished()
    {
        await using var function = BatchHarness.Create();
        TestRecord Rec(string id, string group, bool fail = false) => new(id, Payload(id, fail: fail, advanceMs: 300), group);

        // Token fires at 1.5 s, inside the 5th record started (b3).
        var run = await function.InvokeAsync(
            Sqs([Rec("a1", "A", fail: true), Rec("b1", "B"), Rec("a2", "A"), Rec("b2", "B"), Rec("c1", "C"), Rec("b3", "B"), Rec("a3", "A"), Rec("c2", "C")], FifoQueueArn),
            TwoSeconds);

        Assert.Equal(["a1", "a2", "b3", "a3", "c2"], run.Reported);
        Assert.Equal(["b1", "b2", "c1"], function.Probe.Succeeded);
        Assert.Equal(2, run.UnfinishedWork);
    }

    [Fact]
    public async Task Deadline_cancels_the_record_in_flight_and_the_batch_answers_at_the_margin()
    {
        // Deadline 1.5 s away, margin 500 ms: the token fires at exactly 1 s on the manual clock, inside the first record.
        await using var function = BatchHarness.Create();
        var records = Enumerable.Range(0, 5).Select(i => new TestRecord("m" + i, Payload("m" + i, sleepMs: 5_000))).ToList();

        var pending = function.InvokeAsync(Sqs(records), TimeSpan.FromMilliseconds(1_500));
        function.WaitForStarted(1, running: 1);
        function.Manual.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(pending.IsCompleted);
        function.Manual.Advance(TimeSpan.FromMilliseconds(1));
        var run = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], run.Reported);
        Assert.Equal(["m0"], function.Probe.Started);
        Assert.Empty(function.Probe.Succeeded);
        Assert.Equal(5, run.UnfinishedWork);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Elapsed);
    }

    [Fact]
    public async Task Real_timer_deadline_cancels_the_record_in_flight_and_the_batch_answers_long_before_the_record_would_end()
    {
        // Real time is the point here: the deadline token is armed on TimeProvider.System's timer, as on Lambda. The exact
        // instants are pinned on the manual clock by the tests above; this one checks only what a real timer can promise on
        // a shared test machine: the token does not fire before deadline - margin (3 s), and it does fire, so the batch
        // answers far sooner than the 60 s the record would sleep. An upper bound at the deadline (5 s) failed once in CI
        // (6.9 s): the timer's callback waited for a thread-pool thread while another test held eight of them at a barrier
        // (WarmStateTests' race, which now uses dedicated threads). That is scheduling, not the deadline logic.
        await using var function = BatchHarness.Create(margin: TimeSpan.FromSeconds(2), realTime: true);
        var records = Enumerable.Range(0, 3).Select(i => new TestRecord("m" + i, Payload("m" + i, sleepMs: 60_000))).ToList();

        var run = await function.InvokeAsync(Sqs(records), TimeSpan.FromSeconds(5));

        Assert.Equal(["m0", "m1", "m2"], run.Reported);
        Assert.Equal(["m0"], function.Probe.Started);
        Assert.Empty(function.Probe.Succeeded);
        Assert.Equal(3, run.UnfinishedWork);
        Assert.True(run.Elapsed >= TimeSpan.FromMilliseconds(2_900), $"the token fired {run.Elapsed} after the start, before deadline - margin");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(30), $"the batch answered after {run.Elapsed}: the real timer did not cancel the record");
    }

    [Fact]
    public async Task Handler_that_ignores_its_token_is_abandoned_at_the_margin_and_its_record_reported()
    {
        await using var function = BatchHarness.Create();
        var records = new[] { new TestRecord("1", Payload("1")), new TestRecord("2", Payload("2", sleepMs: 4_000, ignoreToken: true)), new TestRecord("3", Payload("3")) };

        var pending = function.InvokeAsync(Kinesis(records), TimeSpan.FromMilliseconds(1_500));
        function.WaitForStarted(2, running: 1);
        function.Manual.Advance(TimeSpan.FromSeconds(1));
        var run = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["2", "3"], run.Reported);
        Assert.Equal(["1"], function.Probe.Succeeded);
        Assert.Equal(2, run.UnfinishedWork);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Elapsed);

        // Abandoned, not killed: the handler runs to its end (its record was reported, so it will be delivered again).
        function.Manual.Advance(TimeSpan.FromSeconds(3));
        BatchHarness.WaitUntil(() => function.Probe.Succeeded.Contains("2"), "the abandoned record finished");
    }

    [Fact]
    public async Task Parallel_standard_queue_cut_by_the_deadline_reports_every_unfinished_message()
    {
        await using var function = BatchHarness.Create(o => o.MaxDegreeOfParallelism = 2);
        var records = Enumerable.Range(0, 8).Select(i => new TestRecord("m" + i, Payload("m" + i, sleepMs: i < 2 ? 10 : 5_000))).ToList();

        var pending = function.InvokeAsync(Sqs(records), TimeSpan.FromMilliseconds(1_500));
        function.WaitForStarted(2, running: 2);
        function.Manual.Advance(TimeSpan.FromMilliseconds(10));
        function.WaitForStarted(4, running: 2);
        function.Manual.Advance(TimeSpan.FromMilliseconds(990));
        var run = await pending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["m2", "m3", "m4", "m5", "m6", "m7"], run.Reported);
        Assert.Equal(["m0", "m1"], function.Probe.Succeeded.Order());
        Assert.Equal(6, run.UnfinishedWork);
        Assert.Equal(TimeSpan.FromSeconds(1), run.Elapsed);
    }

    [Fact]
    public async Task One_information_line_per_batch_and_a_warning_per_failed_record_with_its_id_and_exception()
    {
        await using var function = BatchHarness.Create();
        var records = Slow(8, advanceMs: 300, prefix: "m");
        records[1] = Failing("m1");
        records[2] = Poison("m2");

        await function.InvokeAsync(Sqs(records), TwoSeconds);

        var lines = function.Logs.Lines.Where(l => l.Category == "LambdaKit.Batching.BatchLog").ToList();
        var summary = Assert.Single(lines, l => l.Level == LogLevel.Information);
        Assert.Equal(
            "SQS batch of 8 record(s): 4 succeeded, 3 failed, 1 not started; 4 reported for retry, 2 of them cut short by the deadline",
            summary.Message);
        var warnings = lines.Where(l => l.Level == LogLevel.Warning).ToList();
        var m1 = Assert.Single(warnings, l => l.Message.StartsWith("SQS record m1 failed: record m1 failed on purpose", StringComparison.Ordinal));
        Assert.NotNull(m1.Exception);
        var m2 = Assert.Single(warnings, l => l.Message.StartsWith("SQS record m2 failed: The payload of the record could not be deserialized as TestPayload", StringComparison.Ordinal));
        Assert.NotNull(m2.Exception);
        Assert.Contains("SQS record m6 was cancelled in flight by the deadline", warnings.Select(l => l.Message));
    }

    [Fact]
    public async Task Loop_logs_a_warning_with_the_number_of_records_the_deadline_left_unfinished()
    {
        var time = new ManualTimeProvider(BatchHarness.Start);
        var logs = new CapturingLoggerProvider();
        var api = new FakeRuntimeApiClient();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<BatchProbe>();
        services.AddLogging(l => l.AddProvider(logs));
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(BatchTestJsonContext.Default));
        services.AddSingleton<IRuntimeApiClient>(api);
        services.AddKinesisHandler<TestKinesisHandler>();
        await using var provider = services.BuildServiceProvider();
        using var stop = new CancellationTokenSource();
        var loop = provider.GetRequiredService<LambdaRuntimeLoop>().RunAsync(stop.Token);

        var answer = await api.Enqueue(Kinesis(Slow(10, advanceMs: 300)), BatchHarness.Start + TwoSeconds, "req-deadline");
        await stop.CancelAsync();
        await loop;

        Assert.Equal("response", answer.Kind);
        Assert.Contains("{\"itemIdentifier\":\"9\"}", answer.Body, StringComparison.Ordinal);
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Warning && l.Message == "Invocation req-deadline reached its deadline with 6 item(s) left unfinished");
    }
}
