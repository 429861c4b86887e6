using System.Text.Json.Serialization.Metadata;

namespace LambdaKit.Events;

/// <summary>
/// The event type each <see cref="EventSourceKind"/> is read as, with its source-generated JSON metadata: the one table
/// that tools such as the event-check command and tests use to turn a detected payload into its typed event.
/// </summary>
public static class EventSourceTypes
{
    /// <summary>
    /// Gets the JSON metadata of the event type that payloads of <paramref name="kind"/> deserialize into, or
    /// <see langword="null"/> for <see cref="EventSourceKind.Unknown"/>. <see cref="EventSourceKind.EventBridge"/> maps to
    /// <c>CloudWatchEvent&lt;JsonElement&gt;</c>, which keeps any detail; <see cref="EventSourceKind.AppSyncResolver"/> to
    /// <c>AppSyncResolverEvent&lt;JsonElement&gt;</c>, which keeps any arguments.
    /// </summary>
    /// <param name="kind">A source, as returned by <see cref="EventSourceDetector.Detect(System.ReadOnlySpan{byte})"/>.</param>
    public static JsonTypeInfo? GetTypeInfo(EventSourceKind kind)
    {
        var context = LambdaKitEventsJsonContext.Default;
        return kind switch
        {
            EventSourceKind.ApiGatewayRest => context.APIGatewayProxyRequest,
            EventSourceKind.ApiGatewayHttpV2 => context.APIGatewayHttpApiV2ProxyRequest,
            EventSourceKind.ApplicationLoadBalancer => context.ApplicationLoadBalancerRequest,
            EventSourceKind.S3 => context.S3Event,
            EventSourceKind.Sns => context.SNSEvent,
            EventSourceKind.Sqs => context.SQSEvent,
            EventSourceKind.Kinesis => context.KinesisEvent,
            EventSourceKind.DynamoDb => context.DynamoDBEvent,
            EventSourceKind.Schedule => context.ScheduledEvent,
            EventSourceKind.EventBridge => context.CloudWatchEventJsonElement,
            EventSourceKind.ApiGatewayAuthorizer => context.APIGatewayCustomAuthorizerRequest,
            EventSourceKind.ApiGatewayHttpV2Authorizer => context.APIGatewayCustomAuthorizerV2Request,
            EventSourceKind.ApiGatewayWebSocket => context.APIGatewayProxyRequest,
            EventSourceKind.SimpleEmail => context.SimpleEmailEvent,
            EventSourceKind.CloudFormationCustomResource => context.CloudFormationCustomResourceRequest,
            EventSourceKind.CognitoPreSignup => context.CognitoPreSignupEvent,
            EventSourceKind.CognitoPostConfirmation => context.CognitoPostConfirmationEvent,
            EventSourceKind.CognitoPreAuthentication => context.CognitoPreAuthenticationEvent,
            EventSourceKind.CognitoPostAuthentication => context.CognitoPostAuthenticationEvent,
            EventSourceKind.CognitoPreTokenGeneration => context.CognitoPreTokenGenerationEvent,
            EventSourceKind.CognitoPreTokenGenerationV2 => context.CognitoPreTokenGenerationV2Event,
            EventSourceKind.CognitoCustomMessage => context.CognitoCustomMessageEvent,
            EventSourceKind.CognitoDefineAuthChallenge => context.CognitoDefineAuthChallengeEvent,
            EventSourceKind.CognitoCreateAuthChallenge => context.CognitoCreateAuthChallengeEvent,
            EventSourceKind.CognitoVerifyAuthChallenge => context.CognitoVerifyAuthChallengeEvent,
            EventSourceKind.CognitoMigrateUser => context.CognitoMigrateUserEvent,
            EventSourceKind.CognitoCustomEmailSender => context.CognitoCustomEmailSenderEvent,
            EventSourceKind.CognitoCustomSmsSender => context.CognitoCustomSmsSenderEvent,

            // Issue 12, part B.
            EventSourceKind.KinesisFirehose => context.KinesisFirehoseEvent,
            EventSourceKind.CloudWatchLogs => context.CloudWatchLogsEvent,
            EventSourceKind.Kafka => context.KafkaEvent,
            EventSourceKind.ActiveMQ => context.ActiveMQEvent,
            EventSourceKind.RabbitMQ => context.RabbitMQEvent,
            EventSourceKind.AppSyncResolver => context.AppSyncResolverEventJsonElement,
            EventSourceKind.LexV1 => context.LexEvent,
            EventSourceKind.LexV2 => context.LexV2Event,
            EventSourceKind.S3ObjectLambda => context.S3ObjectLambdaEvent,
            EventSourceKind.S3BatchOperations => context.S3BatchJobEvent,
            EventSourceKind.ConfigRule => context.ConfigEvent,
            EventSourceKind.Connect => context.ContactFlowEvent,
            EventSourceKind.SecretsManagerRotation => context.SecretsManagerRotationEvent,
            EventSourceKind.CodePipeline => context.CodePipelineJobEvent,
            _ => null,
        };
    }
}
