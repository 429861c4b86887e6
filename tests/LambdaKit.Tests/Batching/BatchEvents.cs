using System.Text;
using System.Text.Json;
using LambdaKit.Events;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.SQS;

namespace LambdaKit.Tests.Batching;

/// <summary>One record of a test batch: its identifier, its payload (raw text, so that it can be malformed) and its message group.</summary>
internal sealed record TestRecord(string Id, string Payload, string? Group = null);

/// <summary>Builds SQS, Kinesis and DynamoDB stream events from test records, serialized with the events' own JSON metadata.</summary>
internal static class BatchEvents
{
    public const string StandardQueueArn = "arn:aws:sqs:us-east-1:123456789012:orders";
    public const string FifoQueueArn = "arn:aws:sqs:us-east-1:123456789012:orders.fifo";

    public static string Payload(string id, bool fail = false, int sleepMs = 0, int advanceMs = 0, bool ignoreToken = false)
        => JsonSerializer.Serialize(new TestPayload(id, fail, sleepMs, advanceMs, ignoreToken), BatchTestJsonContext.Default.TestPayload);

    public static TestRecord Ok(string id, int advanceMs = 0, string? group = null) => new(id, Payload(id, advanceMs: advanceMs), group);

    public static TestRecord Failing(string id, string? group = null) => new(id, Payload(id, fail: true), group);

    public static TestRecord Poison(string id, string? group = null) => new(id, "{\"id\": not json", group);

    public static string Sqs(IEnumerable<TestRecord> records, string queueArn = StandardQueueArn)
    {
        var batch = new SQSEvent
        {
            Records = records.Select(r => new SQSEvent.SQSMessage
            {
                MessageId = r.Id,
                ReceiptHandle = "handle-" + r.Id,
                Body = r.Payload,
                EventSource = "aws:sqs",
                EventSourceArn = queueArn,
                AwsRegion = "us-east-1",
                Attributes = r.Group is null
                    ? new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1" }
                    : new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1", ["MessageGroupId"] = r.Group },
            }).ToList(),
        };
        return JsonSerializer.Serialize(batch, LambdaKitEventsJsonContext.Default.SQSEvent);
    }

    public static string Kinesis(IEnumerable<TestRecord> records)
    {
        var batch = new KinesisEvent
        {
            Records = records.Select(r => new KinesisEvent.KinesisEventRecord
            {
                Kinesis = new KinesisEvent.Record
                {
                    KinesisSchemaVersion = "1.0",
                    PartitionKey = "p",
                    SequenceNumber = r.Id,
                    Data = Encoding.UTF8.GetBytes(r.Payload),
                    ApproximateArrivalTimestamp = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc),
                },
                EventSource = "aws:kinesis",
                EventVersion = "1.0",
                EventId = "shardId-000000000000:" + r.Id,
                EventName = "aws:kinesis:record",
                AwsRegion = "us-east-1",
                EventSourceARN = "arn:aws:kinesis:us-east-1:123456789012:stream/orders",
            }).ToList(),
        };
        return JsonSerializer.Serialize(batch, LambdaKitEventsJsonContext.Default.KinesisEvent);
    }

    public static string DynamoDb(IEnumerable<TestRecord> records)
    {
        var batch = new DynamoDBEvent
        {
            Records = records.Select(r => new DynamoDBEvent.DynamodbStreamRecord
            {
                EventID = "event-" + r.Id,
                EventName = "INSERT",
                EventVersion = "1.1",
                EventSource = "aws:dynamodb",
                AwsRegion = "us-east-1",
                Dynamodb = new DynamoDBEvent.StreamRecord
                {
                    ApproximateCreationDateTime = new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc),
                    Keys = new() { ["id"] = new DynamoDBEvent.AttributeValue { S = r.Id } },
                    NewImage = new()
                    {
                        ["id"] = new DynamoDBEvent.AttributeValue { S = r.Id },
                        ["payload"] = new DynamoDBEvent.AttributeValue { S = r.Payload },
                    },
                    SequenceNumber = r.Id,
                    SizeBytes = 64,
                    StreamViewType = "NEW_IMAGE",
                },
                EventSourceArn = "arn:aws:dynamodb:us-east-1:123456789012:table/orders/stream/2026-11-22T00:00:00.000",
            }).ToList(),
        };
        return JsonSerializer.Serialize(batch, LambdaKitEventsJsonContext.Default.DynamoDBEvent);
    }

    public static string For(EventSourceKind source, IEnumerable<TestRecord> records, bool fifo = false) => source switch
    {
        EventSourceKind.Sqs => Sqs(records, fifo ? FifoQueueArn : StandardQueueArn),
        EventSourceKind.Kinesis => Kinesis(records),
        EventSourceKind.DynamoDb => DynamoDb(records),
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };
}
