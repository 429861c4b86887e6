using System.Text.Json;
using System.Text.Json.Serialization;
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

namespace LambdaKit.Events;

/// <summary>
/// Source-generated System.Text.Json metadata for every event and response type of this package, for example
/// <c>LambdaKitEventsJsonContext.Default.SQSEvent</c>. No reflection is used, so it is trimming- and Native AOT-safe.
/// </summary>
/// <remarks>
/// Members that are <see langword="null"/> are not written, so an event read from JSON is written back with the members
/// it had. To serialize <see cref="CloudWatchEvent{TDetail}"/> with a detail type of your own, add
/// <c>[JsonSerializable(typeof(CloudWatchEvent&lt;MyDetail&gt;))]</c> to a context of your own; combine contexts with
/// <c>JsonTypeInfoResolver.Combine</c>.
/// </remarks>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayProxyRequest))]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyResponse))]
[JsonSerializable(typeof(ApplicationLoadBalancerRequest))]
[JsonSerializable(typeof(ApplicationLoadBalancerResponse))]
[JsonSerializable(typeof(S3Event))]
[JsonSerializable(typeof(SNSEvent))]
[JsonSerializable(typeof(SNSEvent.SNSMessage), TypeInfoPropertyName = "SNSMessage")]
[JsonSerializable(typeof(SQSEvent))]
[JsonSerializable(typeof(SQSBatchResponse))]
[JsonSerializable(typeof(KinesisEvent))]
[JsonSerializable(typeof(StreamsEventResponse))]
[JsonSerializable(typeof(DynamoDBEvent))]
[JsonSerializable(typeof(ScheduledEvent))]
[JsonSerializable(typeof(CloudWatchEvent<JsonElement>), TypeInfoPropertyName = "CloudWatchEventJsonElement")]
[JsonSerializable(typeof(SimpleEmailEvent))]
// Nested types that share a simple name get distinct type-info property names.
[JsonSerializable(typeof(APIGatewayProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "APIGatewayProxyRequestContext")]
[JsonSerializable(typeof(APIGatewayProxyRequest.ProxyRequestClientCert), TypeInfoPropertyName = "APIGatewayProxyRequestClientCert")]
[JsonSerializable(typeof(APIGatewayProxyRequest.ClientCertValidity), TypeInfoPropertyName = "APIGatewayProxyRequestClientCertValidity")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "APIGatewayHttpApiV2ProxyRequestContext")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ProxyRequestClientCert), TypeInfoPropertyName = "APIGatewayHttpApiV2ProxyRequestClientCert")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ClientCertValidity), TypeInfoPropertyName = "APIGatewayHttpApiV2ProxyRequestClientCertValidity")]
[JsonSerializable(typeof(SQSBatchResponse.BatchItemFailure), TypeInfoPropertyName = "SQSBatchItemFailure")]
[JsonSerializable(typeof(StreamsEventResponse.BatchItemFailure), TypeInfoPropertyName = "StreamsBatchItemFailure")]
[JsonSerializable(typeof(KinesisEvent.TimeWindow), TypeInfoPropertyName = "KinesisTimeWindow")]
[JsonSerializable(typeof(DynamoDBEvent.TimeWindow), TypeInfoPropertyName = "DynamoDBTimeWindow")]
[JsonSerializable(typeof(SQSEvent.MessageAttribute), TypeInfoPropertyName = "SQSMessageAttribute")]
[JsonSerializable(typeof(SNSEvent.MessageAttribute), TypeInfoPropertyName = "SNSMessageAttribute")]
// Issue 12 part A: authorizers, CloudFormation custom resources, Cognito user-pool triggers (SES and WebSocket use types above).
[JsonSerializable(typeof(APIGatewayCustomAuthorizerRequest))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2Request))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2SimpleResponse))]
[JsonSerializable(typeof(APIGatewayCustomAuthorizerV2IamResponse))]
[JsonSerializable(typeof(CloudFormationCustomResourceRequest))]
[JsonSerializable(typeof(CloudFormationCustomResourceResponse))]
[JsonSerializable(typeof(CognitoPreSignupEvent))]
[JsonSerializable(typeof(CognitoPostConfirmationEvent))]
[JsonSerializable(typeof(CognitoPreAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPostAuthenticationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationEvent))]
[JsonSerializable(typeof(CognitoPreTokenGenerationV2Event))]
[JsonSerializable(typeof(CognitoCustomMessageEvent))]
[JsonSerializable(typeof(CognitoDefineAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoCreateAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoVerifyAuthChallengeEvent))]
[JsonSerializable(typeof(CognitoMigrateUserEvent))]
[JsonSerializable(typeof(CognitoCustomEmailSenderEvent))]
[JsonSerializable(typeof(CognitoCustomSmsSenderEvent))]
// Issue 12, part B: Firehose, CloudWatch Logs, Kafka, Amazon MQ, and the types-only sources.
[JsonSerializable(typeof(KinesisFirehoseEvent))]
[JsonSerializable(typeof(KinesisFirehoseResponse))]
[JsonSerializable(typeof(KinesisFirehoseEvent.FirehoseRecord), TypeInfoPropertyName = "KinesisFirehoseEventRecord")]
[JsonSerializable(typeof(KinesisFirehoseResponse.FirehoseRecord), TypeInfoPropertyName = "KinesisFirehoseResponseRecord")]
[JsonSerializable(typeof(List<KinesisFirehoseEvent.FirehoseRecord>), TypeInfoPropertyName = "KinesisFirehoseEventRecordList")]
[JsonSerializable(typeof(List<KinesisFirehoseResponse.FirehoseRecord>), TypeInfoPropertyName = "KinesisFirehoseResponseRecordList")]
[JsonSerializable(typeof(CloudWatchLogsEvent))]
[JsonSerializable(typeof(CloudWatchLogsData))]
[JsonSerializable(typeof(KafkaEvent))]
[JsonSerializable(typeof(ActiveMQEvent))]
[JsonSerializable(typeof(RabbitMQEvent))]
[JsonSerializable(typeof(AppSyncResolverEvent<JsonElement>), TypeInfoPropertyName = "AppSyncResolverEventJsonElement")]
[JsonSerializable(typeof(AppSyncAuthorizerEvent))]
[JsonSerializable(typeof(AppSyncAuthorizerResult))]
[JsonSerializable(typeof(LexEvent))]
[JsonSerializable(typeof(LexResponse))]
[JsonSerializable(typeof(LexV2Event))]
[JsonSerializable(typeof(LexV2Response))]
[JsonSerializable(typeof(S3ObjectLambdaEvent))]
[JsonSerializable(typeof(S3BatchJobEvent))]
[JsonSerializable(typeof(S3BatchJobResponse))]
[JsonSerializable(typeof(ConfigEvent))]
[JsonSerializable(typeof(ContactFlowEvent))]
[JsonSerializable(typeof(ContactFlowResponse))]
[JsonSerializable(typeof(SecretsManagerRotationEvent))]
[JsonSerializable(typeof(CodePipelineJobEvent))]
public sealed partial class LambdaKitEventsJsonContext : JsonSerializerContext
{
}
