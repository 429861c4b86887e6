using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.ApplicationLoadBalancer;
using LambdaKit.Events.AppSync;
using LambdaKit.Events.CloudFormation;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.CodePipeline;
using LambdaKit.Events.Cognito;
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
using LambdaKit.Events.SecretsManager;
using LambdaKit.Events.SimpleEmail;
using LambdaKit.Events.SNS;
using LambdaKit.Events.SQS;
using LambdaKit.Routing;

namespace LambdaKit.Tests.Routing;

/// <summary>The registration-time table from a handler's event type to its source, and the names of sources in messages.</summary>
public sealed class EventSourcesTests
{
    public static TheoryData<Type, EventSourceKind> Kinds() => new()
    {
        { typeof(S3Event), EventSourceKind.S3 },
        { typeof(SNSEvent), EventSourceKind.Sns },
        { typeof(SQSEvent), EventSourceKind.Sqs },
        { typeof(KinesisEvent), EventSourceKind.Kinesis },
        { typeof(DynamoDBEvent), EventSourceKind.DynamoDb },
        { typeof(ScheduledEvent), EventSourceKind.Schedule },
        { typeof(CloudWatchEvent<object>), EventSourceKind.EventBridge },
        { typeof(CloudWatchEvent<ScheduledEventDetail>), EventSourceKind.EventBridge },
        { typeof(APIGatewayProxyRequest), EventSourceKind.ApiGatewayRest },
        { typeof(APIGatewayHttpApiV2ProxyRequest), EventSourceKind.ApiGatewayHttpV2 },
        { typeof(ApplicationLoadBalancerRequest), EventSourceKind.ApplicationLoadBalancer },
        { typeof(APIGatewayCustomAuthorizerRequest), EventSourceKind.ApiGatewayAuthorizer },
        { typeof(APIGatewayCustomAuthorizerV2Request), EventSourceKind.ApiGatewayHttpV2Authorizer },
        { typeof(SimpleEmailEvent), EventSourceKind.SimpleEmail },
        { typeof(CloudFormationCustomResourceRequest), EventSourceKind.CloudFormationCustomResource },
        { typeof(CognitoPreSignupEvent), EventSourceKind.CognitoPreSignup },
        { typeof(CognitoCustomSmsSenderEvent), EventSourceKind.CognitoCustomSmsSender },
        { typeof(AppSyncResolverEvent<object>), EventSourceKind.AppSyncResolver },
        { typeof(KinesisFirehoseEvent), EventSourceKind.KinesisFirehose },
        { typeof(CloudWatchLogsEvent), EventSourceKind.CloudWatchLogs },
        { typeof(KafkaEvent), EventSourceKind.Kafka },
        { typeof(ActiveMQEvent), EventSourceKind.ActiveMQ },
        { typeof(RabbitMQEvent), EventSourceKind.RabbitMQ },
        { typeof(LexEvent), EventSourceKind.LexV1 },
        { typeof(LexV2Event), EventSourceKind.LexV2 },
        { typeof(S3ObjectLambdaEvent), EventSourceKind.S3ObjectLambda },
        { typeof(S3BatchJobEvent), EventSourceKind.S3BatchOperations },
        { typeof(ConfigEvent), EventSourceKind.ConfigRule },
        { typeof(ContactFlowEvent), EventSourceKind.Connect },
        { typeof(SecretsManagerRotationEvent), EventSourceKind.SecretsManagerRotation },
        { typeof(CodePipelineJobEvent), EventSourceKind.CodePipeline },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Event_type_maps_to_its_source(Type eventType, EventSourceKind kind)
    {
        Assert.Equal(kind, EventSources.KindOf(eventType));
    }

    [Theory]
    [InlineData(typeof(string))]
    [InlineData(typeof(List<int>))]
    [InlineData(typeof(Dictionary<string, object>))]
    public void Type_of_no_source_is_raw(Type eventType)
    {
        Assert.Null(EventSources.KindOf(eventType));
    }

    [Fact]
    public void Every_source_has_its_own_description_and_only_unknown_has_the_fallback()
    {
        var fallback = EventSources.Describe(EventSourceKind.Unknown);
        var known = Enum.GetValues<EventSourceKind>().Where(k => k != EventSourceKind.Unknown).ToArray();

        var descriptions = known.Select(EventSources.Describe).ToArray();

        Assert.Equal("event of no known source", fallback);
        Assert.All(descriptions, d => Assert.NotEqual(fallback, d));
        Assert.All(descriptions, d => Assert.False(string.IsNullOrWhiteSpace(d)));
        Assert.Equal(descriptions.Length, descriptions.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Cognito user-pool trigger (CognitoPreSignup)", EventSources.Describe(EventSourceKind.CognitoPreSignup));
        Assert.Equal("Cognito user-pool trigger (CognitoCustomSmsSender)", EventSources.Describe(EventSourceKind.CognitoCustomSmsSender));
        Assert.DoesNotContain("Cognito", EventSources.Describe(EventSourceKind.CloudFormationCustomResource), StringComparison.Ordinal);
        Assert.DoesNotContain("Cognito", EventSources.Describe(EventSourceKind.KinesisFirehose), StringComparison.Ordinal);
        Assert.Equal("SQS batch (aws:sqs)", EventSources.Describe(EventSourceKind.Sqs));
    }
}
