using System.Text;
using System.Text.Json.Nodes;
using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>A Showcase process of its own for the batch tests: some of them need a short function timeout.</summary>
public sealed class BatchShowcaseFixture : IAsyncLifetime
{
    public LocalRuntimeApi Api { get; private set; } = null!;

    internal SampleProcess Function { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionName = "showcase-batches" });
        Function = SampleProcess.Start("Showcase", Api);

        // Warm every batch path up, so that a short timeout measures the batch and not the JIT.
        foreach (var source in BatchTests.Sources)
        {
            var warmUp = await InvokeAsync(BatchTests.Batch(source, [("w1", BatchTests.Work("w1")), ("w2", BatchTests.Work("w2", fail: true))]));
            Assert.True(warmUp.Outcome == InvocationOutcome.Response, $"{source} warm-up: {warmUp}{Environment.NewLine}{Function}");
        }
    }

    public async Task DisposeAsync()
    {
        await Function.DisposeAsync();
        await Api.DisposeAsync();
    }

    public Task<InvocationResult> InvokeAsync(string json, InvocationRequest? request = null)
        => Api.InvokeAsync(json, request).WaitAsync(TimeSpan.FromSeconds(60));
}

/// <summary>
/// The Showcase's SQS, Kinesis and DynamoDB stream handlers as a real process: the exact records reported for a pattern of
/// failures, a batch cut short by a 2-second function timeout, a malformed record.
/// </summary>
public sealed class BatchTests(BatchShowcaseFixture showcase) : IClassFixture<BatchShowcaseFixture>
{
    public const string SqsStandard = "sqs-standard";
    public const string SqsFifo = "sqs-fifo";
    public const string Kinesis = "kinesis";
    public const string DynamoDb = "dynamodb";

    public static readonly string[] Sources = [Kinesis, DynamoDb, SqsStandard, SqsFifo];

    public static TheoryData<string> AllSources => new(Sources);

    public static string Work(string id, bool fail = false, int sleepMs = 0)
        => new JsonObject { ["id"] = id, ["fail"] = fail, ["sleepMs"] = sleepMs }.ToJsonString();

    /// <summary>A batch built from the test event of the source: its first record, cloned once per (id, payload, group).</summary>
    public static string Batch(string source, IEnumerable<(string Id, string Payload)> records, Func<int, string>? groupOf = null)
    {
        var file = source switch
        {
            Kinesis => "kinesis/records.json",
            DynamoDb => "dynamodb/insert-modify-remove.json",
            SqsFifo => "sqs/fifo.json",
            _ => "sqs/standard.json",
        };
        var sample = SampleEvents.Load(file);
        var template = sample["Records"]![0]!;
        var list = new JsonArray();
        var index = 0;
        foreach (var (id, payload) in records)
        {
            var record = template.DeepClone().AsObject();
            switch (source)
            {
                case Kinesis:
                    record["kinesis"]!["sequenceNumber"] = id;
                    record["kinesis"]!["data"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(payload));
                    record["eventID"] = "shardId-000000000000:" + id;
                    break;
                case DynamoDb:
                    record["dynamodb"]!["SequenceNumber"] = id;
                    record["dynamodb"]!["NewImage"]!["payload"] = new JsonObject { ["S"] = payload };
                    break;
                default:
                    record["messageId"] = id;
                    record["body"] = payload;
                    if (source == SqsFifo)
                    {
                        record["eventSourceARN"] = "arn:aws:sqs:us-west-2:123456789012:SQSQueue.fifo";
                        record["attributes"]!["MessageGroupId"] = groupOf?.Invoke(index) ?? "g";
                        record["attributes"]!["SequenceNumber"] = "1884949646046769612" + index.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
                    }

                    break;
            }

            list.Add(record);
            index++;
        }

        sample["Records"] = list;
        return sample.ToJsonString();
    }

    private static List<string> Reported(InvocationResult result)
    {
        Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
        using var body = result.ParseBody();
        return body.RootElement.GetProperty("batchItemFailures").EnumerateArray()
            .Select(f => f.GetProperty("itemIdentifier").GetString()!)
            .ToList();
    }

    private static List<(string Id, string Payload)> Records(int count, Func<int, string> payload)
        => Enumerable.Range(1, count).Select(i => ("id-" + i, payload(i))).ToList();

    [Theory]
    [InlineData(Kinesis)]
    [InlineData(DynamoDb)]
    public async Task Stream_reports_the_first_failed_record_and_every_later_one(string source)
    {
        var records = Records(6, i => Work("w" + i, fail: i is 3 or 5));

        var result = await showcase.InvokeAsync(Batch(source, records));

        Assert.Equal(["id-3", "id-4", "id-5", "id-6"], Reported(result));
    }

    [Fact]
    public async Task Sqs_standard_queue_reports_exactly_the_failed_messages()
    {
        var records = Records(6, i => Work("w" + i, fail: i is 2 or 5));

        var result = await showcase.InvokeAsync(Batch(SqsStandard, records));

        Assert.Equal(["id-2", "id-5"], Reported(result));
    }

    [Fact]
    public async Task Sqs_fifo_queue_stops_each_message_group_at_its_first_failure()
    {
        // Groups by position: A B A B A C C; A fails at its second message, C at its first.
        string[] groups = ["A", "B", "A", "B", "A", "C", "C"];
        var records = Records(7, i => Work("w" + i, fail: i is 3 or 6));

        var result = await showcase.InvokeAsync(Batch(SqsFifo, records, i => groups[i]));

        Assert.Equal(["id-3", "id-5", "id-6", "id-7"], Reported(result));
    }

    [Theory]
    [MemberData(nameof(AllSources))]
    public async Task Batch_cut_short_by_a_2_second_timeout_answers_before_the_deadline_and_reports_every_unfinished_record(string source)
    {
        // Ten records of 500 ms under a 2 s timeout: the token fires 500 ms before the deadline, during the third record.
        var records = Records(10, i => Work("w" + i, sleepMs: 500));

        var result = await showcase.InvokeAsync(Batch(source, records), new InvocationRequest { Timeout = TimeSpan.FromSeconds(2) });

        // Answered, not timed out: the local Runtime API reports TimedOut once the deadline has passed.
        Assert.True(result.Outcome == InvocationOutcome.Response, $"{result} after {result.Duration}{Environment.NewLine}{showcase.Function}");
        var reported = Reported(result);
        var firstUnfinished = records.FindIndex(r => r.Id == reported[0]);
        Assert.InRange(firstUnfinished, 2, 3);
        Assert.Equal(records.Skip(firstUnfinished).Select(r => r.Id), reported);
        await WaitForOutputAsync($"item(s) left unfinished");
    }

    [Theory]
    [MemberData(nameof(AllSources))]
    public async Task Malformed_record_is_reported_alone(string source)
    {
        // Streams stop at a failure, so their malformed record is the last; a queue's is in the middle (FIFO: in a group of its own).
        var ordered = source is Kinesis or DynamoDb;
        var malformed = ordered ? 4 : 2;
        var records = Records(4, i => i == malformed ? "{\"id\": \"broken\", " : Work("w" + i));

        var result = await showcase.InvokeAsync(Batch(source, records, i => i == malformed - 1 ? "poison" : "g"));

        Assert.Equal(["id-" + malformed], Reported(result));
    }

    private async Task WaitForOutputAsync(string text)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (showcase.Function.StandardOutput.Concat(showcase.Function.StandardError).Any(line => line.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail($"The function never wrote '{text}'.{Environment.NewLine}{showcase.Function}");
    }
}
