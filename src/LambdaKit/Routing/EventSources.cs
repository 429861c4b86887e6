using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.ApplicationLoadBalancer;
using LambdaKit.Events.CloudFormation;
using LambdaKit.Events.Cognito;
using LambdaKit.Events.AppSync;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.CodePipeline;
using LambdaKit.Events.Config;
using LambdaKit.Events.Connect;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.EventBridge;
using LambdaKit.Events.Kafka;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Events.Lex;
using LambdaKit.Events.LexV2;
using LambdaKit.Events.MQ;
using LambdaKit.Events.S3;
using LambdaKit.Events.SimpleEmail;
using LambdaKit.Events.SecretsManager;
using LambdaKit.Events.SNS;
using LambdaKit.Events.SQS;

namespace LambdaKit.Routing;

/// <summary>Which event source a handler's event type belongs to: decided at registration, from the type alone.</summary>
internal static class EventSources
{
    /// <summary>The source of <paramref name="eventType"/>, or <see langword="null"/> for a raw (direct invoke) type.</summary>
    public static EventSourceKind? KindOf(Type eventType)
    {
        if (eventType == typeof(S3Event))
        {
            return EventSourceKind.S3;
        }

        if (eventType == typeof(SNSEvent))
        {
            return EventSourceKind.Sns;
        }

        if (eventType == typeof(SQSEvent))
        {
            return EventSourceKind.Sqs;
        }

        if (eventType == typeof(KinesisEvent))
        {
            return EventSourceKind.Kinesis;
        }

        if (eventType == typeof(DynamoDBEvent))
        {
            return EventSourceKind.DynamoDb;
        }

        if (eventType == typeof(ScheduledEvent))
        {
            return EventSourceKind.Schedule;
        }

        if (eventType.IsGenericType && eventType.GetGenericTypeDefinition() == typeof(CloudWatchEvent<>))
        {
            return EventSourceKind.EventBridge;
        }

        if (eventType == typeof(APIGatewayProxyRequest))
        {
            return EventSourceKind.ApiGatewayRest;
        }

        if (eventType == typeof(APIGatewayHttpApiV2ProxyRequest))
        {
            return EventSourceKind.ApiGatewayHttpV2;
        }

        if (eventType == typeof(ApplicationLoadBalancerRequest))
        {
            return EventSourceKind.ApplicationLoadBalancer;
        }

        if (PartA.TryGetValue(eventType, out var partA))
        {
            return partA;
        }

        return OtherKindOf(eventType);
    }

    /// <summary>The sources of issue 12, part B (one type each; AppSync resolver events for any arguments type).</summary>
    private static EventSourceKind? OtherKindOf(Type eventType)
    {
        if (eventType.IsGenericType && eventType.GetGenericTypeDefinition() == typeof(AppSyncResolverEvent<>))
        {
            return EventSourceKind.AppSyncResolver;
        }

        return eventType == typeof(KinesisFirehoseEvent) ? EventSourceKind.KinesisFirehose
            : eventType == typeof(CloudWatchLogsEvent) ? EventSourceKind.CloudWatchLogs
            : eventType == typeof(KafkaEvent) ? EventSourceKind.Kafka
            : eventType == typeof(ActiveMQEvent) ? EventSourceKind.ActiveMQ
            : eventType == typeof(RabbitMQEvent) ? EventSourceKind.RabbitMQ
            : eventType == typeof(LexEvent) ? EventSourceKind.LexV1
            : eventType == typeof(LexV2Event) ? EventSourceKind.LexV2
            : eventType == typeof(S3ObjectLambdaEvent) ? EventSourceKind.S3ObjectLambda
            : eventType == typeof(S3BatchJobEvent) ? EventSourceKind.S3BatchOperations
            : eventType == typeof(ConfigEvent) ? EventSourceKind.ConfigRule
            : eventType == typeof(ContactFlowEvent) ? EventSourceKind.Connect
            : eventType == typeof(SecretsManagerRotationEvent) ? EventSourceKind.SecretsManagerRotation
            : eventType == typeof(CodePipelineJobEvent) ? EventSourceKind.CodePipeline
            : null;
    }

    // Issue 12 part A: authorizers, SES, CloudFormation, Cognito triggers (WebSocket registers through AddWebSocketApi).
    private static readonly Dictionary<Type, EventSourceKind> PartA = new()
    {
        [typeof(APIGatewayCustomAuthorizerRequest)] = EventSourceKind.ApiGatewayAuthorizer,
        [typeof(APIGatewayCustomAuthorizerV2Request)] = EventSourceKind.ApiGatewayHttpV2Authorizer,
        [typeof(SimpleEmailEvent)] = EventSourceKind.SimpleEmail,
        [typeof(CloudFormationCustomResourceRequest)] = EventSourceKind.CloudFormationCustomResource,
        [typeof(CognitoPreSignupEvent)] = EventSourceKind.CognitoPreSignup,
        [typeof(CognitoPostConfirmationEvent)] = EventSourceKind.CognitoPostConfirmation,
        [typeof(CognitoPreAuthenticationEvent)] = EventSourceKind.CognitoPreAuthentication,
        [typeof(CognitoPostAuthenticationEvent)] = EventSourceKind.CognitoPostAuthentication,
        [typeof(CognitoPreTokenGenerationEvent)] = EventSourceKind.CognitoPreTokenGeneration,
        [typeof(CognitoPreTokenGenerationV2Event)] = EventSourceKind.CognitoPreTokenGenerationV2,
        [typeof(CognitoCustomMessageEvent)] = EventSourceKind.CognitoCustomMessage,
        [typeof(CognitoDefineAuthChallengeEvent)] = EventSourceKind.CognitoDefineAuthChallenge,
        [typeof(CognitoCreateAuthChallengeEvent)] = EventSourceKind.CognitoCreateAuthChallenge,
        [typeof(CognitoVerifyAuthChallengeEvent)] = EventSourceKind.CognitoVerifyAuthChallenge,
        [typeof(CognitoMigrateUserEvent)] = EventSourceKind.CognitoMigrateUser,
        [typeof(CognitoCustomEmailSenderEvent)] = EventSourceKind.CognitoCustomEmailSender,
        [typeof(CognitoCustomSmsSenderEvent)] = EventSourceKind.CognitoCustomSmsSender,
    };

    /// <summary>A readable name of a source, as it appears in error messages.</summary>
    public static string Describe(EventSourceKind kind) => kind switch
    {
        EventSourceKind.ApiGatewayRest => "API Gateway REST API (v1) request",
        EventSourceKind.ApiGatewayHttpV2 => "API Gateway HTTP API (v2) or function URL request",
        EventSourceKind.ApplicationLoadBalancer => "Application Load Balancer request",
        EventSourceKind.S3 => "S3 notification (aws:s3)",
        EventSourceKind.Sns => "SNS notification (aws:sns)",
        EventSourceKind.Sqs => "SQS batch (aws:sqs)",
        EventSourceKind.Kinesis => "Kinesis batch (aws:kinesis)",
        EventSourceKind.DynamoDb => "DynamoDB stream batch (aws:dynamodb)",
        EventSourceKind.Schedule => "EventBridge scheduled event",
        EventSourceKind.EventBridge => "EventBridge event",
        EventSourceKind.ApiGatewayAuthorizer => "API Gateway REST Lambda authorizer request (TOKEN or REQUEST)",
        EventSourceKind.ApiGatewayHttpV2Authorizer => "API Gateway HTTP API Lambda authorizer request (payload 2.0)",
        EventSourceKind.ApiGatewayWebSocket => "API Gateway WebSocket event",
        EventSourceKind.SimpleEmail => "SES receipt event (aws:ses)",
        EventSourceKind.CloudFormationCustomResource => "CloudFormation custom resource request",
        >= EventSourceKind.CognitoPreSignup and <= EventSourceKind.CognitoCustomSmsSender => $"Cognito user-pool trigger ({kind})",
        EventSourceKind.KinesisFirehose => "Firehose transformation request",
        EventSourceKind.CloudWatchLogs => "CloudWatch Logs subscription event (awslogs)",
        EventSourceKind.Kafka => "Kafka batch (aws:kafka or SelfManagedKafka)",
        EventSourceKind.ActiveMQ => "Amazon MQ for ActiveMQ batch (aws:mq)",
        EventSourceKind.RabbitMQ => "Amazon MQ for RabbitMQ batch (aws:rmq)",
        EventSourceKind.AppSyncResolver => "AppSync resolver invocation",
        EventSourceKind.LexV1 => "Lex V1 code hook",
        EventSourceKind.LexV2 => "Lex V2 code hook",
        EventSourceKind.S3ObjectLambda => "S3 Object Lambda request",
        EventSourceKind.S3BatchOperations => "S3 Batch Operations task",
        EventSourceKind.ConfigRule => "AWS Config rule evaluation",
        EventSourceKind.Connect => "Amazon Connect contact flow invocation",
        EventSourceKind.SecretsManagerRotation => "Secrets Manager rotation step",
        EventSourceKind.CodePipeline => "CodePipeline job",
        _ => "event of no known source",
    };
}
