using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Events.SQS;
using LambdaKit.Serialization;

namespace LambdaKit.Batching;

/// <summary>
/// The metadata the batch sources read their events and write their responses with: LambdaKit.Events' own context while
/// the LambdaKitEventTypeLookup switch is on (it is compiled in anyway), the batch-only context when it is off. Each
/// getter tests the switch itself, so that a trimmed publish keeps one of the two contexts, not both.
/// </summary>
internal static class BatchEnvelopes
{
    public static JsonTypeInfo<SQSEvent> Sqs => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.SQSEvent
        : LambdaKitBatchEventsJsonContext.Default.SQSEvent;

    public static JsonTypeInfo<SQSBatchResponse> SqsResponse => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.SQSBatchResponse
        : LambdaKitBatchEventsJsonContext.Default.SQSBatchResponse;

    public static JsonTypeInfo<KinesisEvent> Kinesis => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.KinesisEvent
        : LambdaKitBatchEventsJsonContext.Default.KinesisEvent;

    public static JsonTypeInfo<DynamoDBEvent> DynamoDb => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.DynamoDBEvent
        : LambdaKitBatchEventsJsonContext.Default.DynamoDBEvent;

    public static JsonTypeInfo<StreamsEventResponse> StreamsResponse => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.StreamsEventResponse
        : LambdaKitBatchEventsJsonContext.Default.StreamsEventResponse;

    public static JsonTypeInfo<KinesisFirehoseEvent> Firehose => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.KinesisFirehoseEvent
        : LambdaKitBatchEventsJsonContext.Default.KinesisFirehoseEvent;

    public static JsonTypeInfo<KinesisFirehoseResponse> FirehoseResponse => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.KinesisFirehoseResponse
        : LambdaKitBatchEventsJsonContext.Default.KinesisFirehoseResponse;
}
