using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests.Sources;

/// <summary>The events of Firehose, CloudWatch Logs, Kafka, Amazon MQ and the types-only sources: detected, typed, written back as they came.</summary>
public sealed class OtherSourcesRoundTripTests
{
    private static readonly LambdaKitEventsJsonContext Context = LambdaKitEventsJsonContext.Default;

    /// <summary>Each event file, the source it is detected as, and the type it is read as (for responses: no source).</summary>
    private static readonly Dictionary<string, (EventSourceKind Kind, JsonTypeInfo Type)> Files = new(StringComparer.Ordinal)
    {
        ["firehose/firehose-kinesis-source.json"] = (EventSourceKind.KinesisFirehose, Context.KinesisFirehoseEvent),
        ["firehose/firehose-direct-put.json"] = (EventSourceKind.KinesisFirehose, Context.KinesisFirehoseEvent),
        ["firehose/firehose-response.json"] = (EventSourceKind.Unknown, Context.KinesisFirehoseResponse),
        ["cloudwatch-logs/cloudwatch-logs-subscription.json"] = (EventSourceKind.CloudWatchLogs, Context.CloudWatchLogsEvent),
        ["cloudwatch-logs/cloudwatch-logs-control-message.json"] = (EventSourceKind.CloudWatchLogs, Context.CloudWatchLogsEvent),
        ["kafka/kafka-msk.json"] = (EventSourceKind.Kafka, Context.KafkaEvent),
        ["kafka/kafka-self-managed.json"] = (EventSourceKind.Kafka, Context.KafkaEvent),
        ["activemq/activemq-text-messages.json"] = (EventSourceKind.ActiveMQ, Context.ActiveMQEvent),
        ["rabbitmq/rabbitmq-two-queues.json"] = (EventSourceKind.RabbitMQ, Context.RabbitMQEvent),
        ["appsync/appsync-resolver.json"] = (EventSourceKind.AppSyncResolver, Context.AppSyncResolverEventJsonElement),
        ["appsync/appsync-authorizer.json"] = (EventSourceKind.Unknown, Context.AppSyncAuthorizerEvent),
        ["appsync/appsync-authorizer-result.json"] = (EventSourceKind.Unknown, Context.AppSyncAuthorizerResult),
        ["lex/lex-v1-dialog.json"] = (EventSourceKind.LexV1, Context.LexEvent),
        ["lex/lex-v1-response.json"] = (EventSourceKind.Unknown, Context.LexResponse),
        ["lex/lex-v2-fulfillment.json"] = (EventSourceKind.LexV2, Context.LexV2Event),
        ["lex/lex-v2-response.json"] = (EventSourceKind.Unknown, Context.LexV2Response),
        ["s3-object-lambda/s3-object-lambda-get-object.json"] = (EventSourceKind.S3ObjectLambda, Context.S3ObjectLambdaEvent),
        ["s3-object-lambda/s3-object-lambda-list-objects-v2.json"] = (EventSourceKind.S3ObjectLambda, Context.S3ObjectLambdaEvent),
        ["s3-batch/s3-batch-schema-2.0.json"] = (EventSourceKind.S3BatchOperations, Context.S3BatchJobEvent),
        ["s3-batch/s3-batch-schema-1.0.json"] = (EventSourceKind.S3BatchOperations, Context.S3BatchJobEvent),
        ["s3-batch/s3-batch-response.json"] = (EventSourceKind.Unknown, Context.S3BatchJobResponse),
        ["config/config-rule-change.json"] = (EventSourceKind.ConfigRule, Context.ConfigEvent),
        ["connect/connect-contact-flow.json"] = (EventSourceKind.Connect, Context.ContactFlowEvent),
        ["secretsmanager/secretsmanager-rotation-create-secret.json"] = (EventSourceKind.SecretsManagerRotation, Context.SecretsManagerRotationEvent),
        ["secretsmanager/secretsmanager-rotation-cross-account.json"] = (EventSourceKind.SecretsManagerRotation, Context.SecretsManagerRotationEvent),
        ["codepipeline/codepipeline-job.json"] = (EventSourceKind.CodePipeline, Context.CodePipelineJobEvent),
    };

    public static TheoryData<string> FileNames() => [.. Files.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Event_is_written_back_with_the_members_and_values_it_came_with(string file)
    {
        var json = ProjectEvents.Bytes(file);
        var typeInfo = Files[file].Type;

        var value = JsonSerializer.Deserialize(json, typeInfo);
        var written = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

        JsonSemanticComparer.AssertEquivalent(json, written);
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Event_is_detected_as_its_source_with_and_without_validation(string file)
    {
        var json = ProjectEvents.Bytes(file);

        Assert.Equal(Files[file].Kind, EventSourceDetector.Detect(json));
        Assert.Equal(Files[file].Kind, EventSourceDetector.Detect(json, validate: false));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Detected_source_maps_to_the_type_the_event_is_read_as(string file)
    {
        var (kind, type) = Files[file];
        if (kind == EventSourceKind.Unknown || type.Type.Name.Contains("Response", StringComparison.Ordinal))
        {
            return;
        }

        Assert.Same(type, EventSourceTypes.GetTypeInfo(kind));
    }

    [Fact]
    public void Every_new_source_has_a_type_for_the_event_check()
    {
        EventSourceKind[] added =
        [
            EventSourceKind.KinesisFirehose, EventSourceKind.CloudWatchLogs, EventSourceKind.Kafka, EventSourceKind.ActiveMQ,
            EventSourceKind.RabbitMQ, EventSourceKind.AppSyncResolver, EventSourceKind.LexV1, EventSourceKind.LexV2,
            EventSourceKind.S3ObjectLambda, EventSourceKind.S3BatchOperations, EventSourceKind.ConfigRule, EventSourceKind.Connect,
            EventSourceKind.SecretsManagerRotation, EventSourceKind.CodePipeline,
        ];

        Assert.All(added, kind => Assert.NotNull(EventSourceTypes.GetTypeInfo(kind)));
    }
}
