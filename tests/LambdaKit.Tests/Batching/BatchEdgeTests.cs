using LambdaKit.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static LambdaKit.Tests.Batching.BatchEvents;

namespace LambdaKit.Tests.Batching;

/// <summary>The exact edges of batch rules: the start threshold, the counts handed to the loop, failure reasons, and registration checks.</summary>
public sealed class BatchEdgeTests
{
    [Fact]
    public async Task Record_starts_when_the_remaining_time_equals_the_margin_plus_the_estimate_and_not_a_millisecond_later()
    {
        // Margin 500 ms + estimate 400 ms: a record starts while at least 900 ms are left of the 2 s.
        await using var function = BatchHarness.Create(o => o.RecordTimeEstimate = TimeSpan.FromMilliseconds(400));

        var run = await function.InvokeAsync(Kinesis([Ok("a", advanceMs: 550), Ok("b", advanceMs: 550), Ok("c", advanceMs: 1), Ok("d")]), TimeSpan.FromSeconds(2));

        Assert.Equal(["a", "b", "c"], function.Probe.Started);
        Assert.Equal(["d"], run.Reported);
        Assert.Equal(1, run.UnfinishedWork);
    }

    [Fact]
    public async Task Records_handled_count_successes_and_failures_but_not_records_never_started()
    {
        await using var function = BatchHarness.Create();

        var standard = await function.InvokeAsync(Sqs([Ok("m1"), Failing("m2"), Poison("m3"), Ok("m4")]));
        var stream = await function.InvokeAsync(Kinesis([Ok("k1"), Failing("k2"), Ok("k3"), Ok("k4")]));
        var allGood = await function.InvokeAsync(Sqs([Ok("g1"), Ok("g2")]));

        Assert.Equal(4, standard.RecordsProcessed);
        Assert.Null(standard.UnfinishedWork);
        Assert.Equal(2, stream.RecordsProcessed);
        Assert.Equal(["k2", "k3", "k4"], stream.Reported);
        Assert.Null(stream.UnfinishedWork);
        Assert.Equal(2, allGood.RecordsProcessed);
        Assert.Equal("""{"batchItemFailures":[]}""", allGood.Json);
    }

    [Fact]
    public async Task Records_the_deadline_kept_from_starting_are_not_counted_as_handled()
    {
        // Margin 500 ms + estimate 300 ms: after the first record only 700 ms are left, and the token has not fired.
        await using var function = BatchHarness.Create(o => o.RecordTimeEstimate = TimeSpan.FromMilliseconds(300));

        var run = await function.InvokeAsync(Sqs([Ok("m1", advanceMs: 300), Ok("m2"), Ok("m3")]), TimeSpan.FromMilliseconds(1000));

        Assert.Equal(1, run.RecordsProcessed);
        Assert.Equal(["m2", "m3"], run.Reported);
        Assert.Equal(2, run.UnfinishedWork);
    }

    [Fact]
    public async Task Failed_records_are_logged_with_the_reason_their_payload_could_not_be_read()
    {
        await using var function = BatchHarness.Create();

        await function.InvokeAsync(Sqs([new TestRecord("m1", "null"), Poison("m2"), Failing("m3")]));

        var failures = function.Logs.Lines.Where(l => l.Level == LogLevel.Warning).ToList();
        Assert.Equal(3, failures.Count);
        Assert.Equal("The payload of the record is JSON null; expected TestPayload.", failures[0].Exception!.Message);
        Assert.IsType<EventDeserializationException>(failures[0].Exception);
        Assert.StartsWith("The payload of the record could not be deserialized as TestPayload: ", failures[1].Exception!.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(failures[1].Exception!.InnerException);
        Assert.Equal("record m3 failed on purpose", failures[2].Exception!.Message);
    }

    [Fact]
    public async Task Stream_record_without_data_is_a_failure_that_stops_the_stream_there()
    {
        await using var function = BatchHarness.Create();
        var json = Kinesis([Ok("k1"), Ok("k2")]).Replace("\"data\":", "\"ignored\":", StringComparison.Ordinal);

        var run = await function.InvokeAsync(json);

        Assert.Equal(["k1", "k2"], run.Reported);
        var failure = Assert.Single(function.Logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.IsType<EventDeserializationException>(failure.Exception);
    }

    [Fact]
    public async Task Sqs_message_without_a_body_is_a_failure_of_that_message_saying_it_has_no_payload()
    {
        await using var function = BatchHarness.Create();
        var json = Sqs([new TestRecord("m1", "REMOVE"), Ok("m2")]).Replace("\"body\":\"REMOVE\",", string.Empty, StringComparison.Ordinal);

        var run = await function.InvokeAsync(json);

        Assert.Equal(["m1"], run.Reported);
        var failure = Assert.Single(function.Logs.Lines, l => l.Level == LogLevel.Warning);
        Assert.Equal("The record has no payload to read as TestPayload.", failure.Exception!.Message);
    }

    [Fact]
    public async Task Missing_identifier_message_names_the_record_the_batch_and_the_identifier()
    {
        await using var function = BatchHarness.Create();

        var sqs = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(Sqs([Ok("m1"), Ok(string.Empty), Ok("m3")])));
        var kinesis = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(Kinesis([Ok(string.Empty)])));
        var dynamo = await Assert.ThrowsAsync<MissingRecordIdentifierException>(() => function.InvokeAsync(DynamoDb([Ok("d1"), Ok(string.Empty)])));

        Assert.StartsWith("Record 1 of the SQS batch (3 record(s)) has no messageId, so its outcome cannot be reported", sqs.Message, StringComparison.Ordinal);
        Assert.StartsWith("Record 0 of the Kinesis batch (1 record(s)) has no kinesis.sequenceNumber,", kinesis.Message, StringComparison.Ordinal);
        Assert.StartsWith("Record 1 of the DynamoDB batch (2 record(s)) has no dynamodb.SequenceNumber,", dynamo.Message, StringComparison.Ordinal);
        Assert.Equal("Runtime.MissingRecordIdentifier", LambdaError.FromException(sqs).ErrorType);
        Assert.Empty(function.Probe.Started);
    }

    [Fact]
    public void Typed_kinesis_handler_whose_payload_has_no_json_metadata_fails_at_start_up()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddKinesisHandler<UnregisteredKinesisHandler>();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<InvocationDispatcher>());

        Assert.StartsWith($"No JSON metadata for {typeof(UnregisteredPayload).FullName}, the payload of UnregisteredKinesisHandler:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Typed_handler_whose_payload_is_an_event_type_needs_no_extra_metadata()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSqsHandler<EventPayloadSqsHandler>();
        services.AddKinesisHandler<DerivedKinesisHandler>();
        using var provider = services.BuildServiceProvider();

        Assert.NotNull(provider.GetRequiredService<InvocationDispatcher>());
    }

    [Fact]
    public void Firehose_results_compare_by_value_and_print_their_wire_value()
    {
        var keys = new Dictionary<string, string> { ["k"] = "v" };
        var ok = KinesisFirehoseRecordResult.Ok("hi", keys);

        Assert.Equal("Ok", ok.Result);
        Assert.Equal("aGk=", ok.Base64Data);
        Assert.Same(keys, ok.PartitionKeys);
        Assert.Equal("aGk=", KinesisFirehoseRecordResult.Ok("hi"u8).Base64Data);
        Assert.True(ok == KinesisFirehoseRecordResult.Ok("hi"u8, keys));
        Assert.False(ok != KinesisFirehoseRecordResult.Ok("hi"u8, keys));
        Assert.True(ok != KinesisFirehoseRecordResult.Ok("hi"));
        Assert.True(ok != KinesisFirehoseRecordResult.Ok("ho", keys));
        Assert.True(KinesisFirehoseRecordResult.Dropped != KinesisFirehoseRecordResult.ProcessingFailed);
        Assert.True(ok.Equals((object)KinesisFirehoseRecordResult.Ok("hi", keys)));
        Assert.False(ok.Equals((object)"Ok"));
        Assert.Equal(ok.GetHashCode(), KinesisFirehoseRecordResult.Ok("hi", keys).GetHashCode());
        Assert.Equal("Ok", ok.ToString());
        Assert.Equal("Dropped", KinesisFirehoseRecordResult.Dropped.ToString());
        Assert.Null(KinesisFirehoseRecordResult.Dropped.Base64Data);
        Assert.Equal("ProcessingFailed", KinesisFirehoseRecordResult.ProcessingFailed.Result);
        Assert.Null(default(KinesisFirehoseRecordResult).Result);
        Assert.Equal("ProcessingFailed", default(KinesisFirehoseRecordResult).ToString());
        Assert.Throws<ArgumentNullException>(() => KinesisFirehoseRecordResult.Ok((string)null!));
    }

    internal sealed class UnregisteredKinesisHandler : KinesisRecordHandler<UnregisteredPayload>
    {
        protected override ValueTask HandleAsync(UnregisteredPayload payload, Events.Kinesis.KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.CompletedTask;
    }

    internal sealed class EventPayloadSqsHandler : SqsRecordHandler<Events.SQS.SQSEvent>
    {
        protected override ValueTask HandleAsync(Events.SQS.SQSEvent payload, Events.SQS.SQSEvent.SQSMessage message, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.CompletedTask;
    }

    internal abstract class KinesisEventPayloadHandler : KinesisRecordHandler<Events.SQS.SQSEvent>;

    internal sealed class DerivedKinesisHandler : KinesisEventPayloadHandler
    {
        protected override ValueTask HandleAsync(Events.SQS.SQSEvent payload, Events.Kinesis.KinesisEvent.KinesisEventRecord record, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.CompletedTask;
    }
}
