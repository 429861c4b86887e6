using System.Text.Json.Serialization;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Events.SQS;

namespace LambdaKit.Events;

/// <summary>
/// The part of <see cref="LambdaKitEventsJsonContext"/> for batch sources alone: SQS, Kinesis, DynamoDB streams and
/// Firehose events with their batch responses, with the same options. Referencing a type of
/// <see cref="LambdaKitEventsJsonContext"/> compiles the metadata of every event type into a trimmed or Native AOT
/// function; this context brings only these. LambdaKit's batch handlers read and answer with it when the function is
/// built with <c>LambdaKitEventTypeLookup=false</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(KinesisFirehoseEvent))]
[JsonSerializable(typeof(KinesisFirehoseResponse))]
[JsonSerializable(typeof(SQSBatchResponse.BatchItemFailure), TypeInfoPropertyName = "SQSBatchItemFailure")]
[JsonSerializable(typeof(StreamsEventResponse.BatchItemFailure), TypeInfoPropertyName = "StreamsBatchItemFailure")]
[JsonSerializable(typeof(KinesisEvent.TimeWindow), TypeInfoPropertyName = "KinesisTimeWindow")]
[JsonSerializable(typeof(DynamoDBEvent.TimeWindow), TypeInfoPropertyName = "DynamoDBTimeWindow")]
[JsonSerializable(typeof(SQSEvent.MessageAttribute), TypeInfoPropertyName = "SQSMessageAttribute")]
[JsonSerializable(typeof(KinesisFirehoseEvent.FirehoseRecord), TypeInfoPropertyName = "KinesisFirehoseEventRecord")]
[JsonSerializable(typeof(KinesisFirehoseResponse.FirehoseRecord), TypeInfoPropertyName = "KinesisFirehoseResponseRecord")]
[JsonSerializable(typeof(List<KinesisFirehoseEvent.FirehoseRecord>), TypeInfoPropertyName = "KinesisFirehoseEventRecordList")]
[JsonSerializable(typeof(List<KinesisFirehoseResponse.FirehoseRecord>), TypeInfoPropertyName = "KinesisFirehoseResponseRecordList")]
public sealed partial class LambdaKitBatchEventsJsonContext : JsonSerializerContext;
