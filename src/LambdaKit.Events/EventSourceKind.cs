namespace LambdaKit.Events;

/// <summary>The kind of AWS event an invocation payload is, as told by <see cref="EventSourceDetector.Detect(ReadOnlySpan{byte})"/>.</summary>
public enum EventSourceKind
{
    /// <summary>Not recognised: another shape, a custom payload, or not valid JSON.</summary>
    Unknown = 0,

    /// <summary>An API Gateway REST API (v1) proxy request (<see cref="APIGateway.APIGatewayProxyRequest"/>).</summary>
    ApiGatewayRest,

    /// <summary>An API Gateway HTTP API request in payload format 2.0, or a Lambda function URL request (<see cref="APIGateway.APIGatewayHttpApiV2ProxyRequest"/>).</summary>
    ApiGatewayHttpV2,

    /// <summary>An Application Load Balancer request (<see cref="ApplicationLoadBalancer.ApplicationLoadBalancerRequest"/>).</summary>
    ApplicationLoadBalancer,

    /// <summary>An S3 event notification (<see cref="S3.S3Event"/>).</summary>
    S3,

    /// <summary>An SNS notification (<see cref="SNS.SNSEvent"/>).</summary>
    Sns,

    /// <summary>A batch of SQS messages (<see cref="SQS.SQSEvent"/>).</summary>
    Sqs,

    /// <summary>A batch of Kinesis stream records (<see cref="Kinesis.KinesisEvent"/>).</summary>
    Kinesis,

    /// <summary>A batch of DynamoDB stream records (<see cref="DynamoDB.DynamoDBEvent"/>).</summary>
    DynamoDb,

    /// <summary>An EventBridge scheduled-rule event (<see cref="EventBridge.ScheduledEvent"/>).</summary>
    Schedule,

    /// <summary>Any other EventBridge (CloudWatch Events) event (<see cref="EventBridge.CloudWatchEvent{TDetail}"/>).</summary>
    EventBridge,

    // Issue 12 part A: authorizers, WebSocket, SES, CloudFormation, Cognito user-pool triggers.

    /// <summary>An API Gateway REST API Lambda authorizer request, <c>TOKEN</c> or <c>REQUEST</c>, or an HTTP API one in payload format 1.0 (<see cref="APIGateway.APIGatewayCustomAuthorizerRequest"/>).</summary>
    ApiGatewayAuthorizer,

    /// <summary>An API Gateway HTTP API Lambda authorizer request in payload format 2.0 (<see cref="APIGateway.APIGatewayCustomAuthorizerV2Request"/>).</summary>
    ApiGatewayHttpV2Authorizer,

    /// <summary>An API Gateway WebSocket API event: <c>$connect</c>, <c>$disconnect</c>, <c>$default</c> or a custom route (<see cref="APIGateway.APIGatewayProxyRequest"/>).</summary>
    ApiGatewayWebSocket,

    /// <summary>An SES receipt event (<see cref="SimpleEmail.SimpleEmailEvent"/>).</summary>
    SimpleEmail,

    /// <summary>A CloudFormation custom resource request (<see cref="CloudFormation.CloudFormationCustomResourceRequest"/>).</summary>
    CloudFormationCustomResource,

    /// <summary>A Cognito pre sign-up trigger (<see cref="Cognito.CognitoPreSignupEvent"/>).</summary>
    CognitoPreSignup,

    /// <summary>A Cognito post confirmation trigger (<see cref="Cognito.CognitoPostConfirmationEvent"/>).</summary>
    CognitoPostConfirmation,

    /// <summary>A Cognito pre authentication trigger (<see cref="Cognito.CognitoPreAuthenticationEvent"/>).</summary>
    CognitoPreAuthentication,

    /// <summary>A Cognito post authentication trigger (<see cref="Cognito.CognitoPostAuthenticationEvent"/>).</summary>
    CognitoPostAuthentication,

    /// <summary>A Cognito pre token generation trigger, version 1 (<see cref="Cognito.CognitoPreTokenGenerationEvent"/>).</summary>
    CognitoPreTokenGeneration,

    /// <summary>A Cognito pre token generation trigger, version 2 or 3 (<see cref="Cognito.CognitoPreTokenGenerationV2Event"/>).</summary>
    CognitoPreTokenGenerationV2,

    /// <summary>A Cognito custom message trigger (<see cref="Cognito.CognitoCustomMessageEvent"/>).</summary>
    CognitoCustomMessage,

    /// <summary>A Cognito define auth challenge trigger (<see cref="Cognito.CognitoDefineAuthChallengeEvent"/>).</summary>
    CognitoDefineAuthChallenge,

    /// <summary>A Cognito create auth challenge trigger (<see cref="Cognito.CognitoCreateAuthChallengeEvent"/>).</summary>
    CognitoCreateAuthChallenge,

    /// <summary>A Cognito verify auth challenge response trigger (<see cref="Cognito.CognitoVerifyAuthChallengeEvent"/>).</summary>
    CognitoVerifyAuthChallenge,

    /// <summary>A Cognito user migration trigger (<see cref="Cognito.CognitoMigrateUserEvent"/>).</summary>
    CognitoMigrateUser,

    /// <summary>A Cognito custom e-mail sender trigger (<see cref="Cognito.CognitoCustomEmailSenderEvent"/>).</summary>
    CognitoCustomEmailSender,

    /// <summary>A Cognito custom SMS sender trigger (<see cref="Cognito.CognitoCustomSmsSenderEvent"/>).</summary>
    CognitoCustomSmsSender,
    // Sources of issue 12 part B (detected by a member only they have; see EventSourceDetector).

    /// <summary>An Amazon Data Firehose transformation request (<see cref="KinesisFirehose.KinesisFirehoseEvent"/>).</summary>
    KinesisFirehose,

    /// <summary>A CloudWatch Logs subscription delivery (<see cref="CloudWatchLogs.CloudWatchLogsEvent"/>).</summary>
    CloudWatchLogs,

    /// <summary>A batch of Kafka records, Amazon MSK or self-managed (<see cref="Kafka.KafkaEvent"/>).</summary>
    Kafka,

    /// <summary>A batch of Amazon MQ for ActiveMQ messages (<see cref="MQ.ActiveMQEvent"/>).</summary>
    ActiveMQ,

    /// <summary>A batch of Amazon MQ for RabbitMQ messages (<see cref="MQ.RabbitMQEvent"/>).</summary>
    RabbitMQ,

    /// <summary>An AWS AppSync direct Lambda resolver invocation (<see cref="AppSync.AppSyncResolverEvent{TArguments}"/>).</summary>
    AppSyncResolver,

    /// <summary>An Amazon Lex V1 code hook (<see cref="Lex.LexEvent"/>).</summary>
    LexV1,

    /// <summary>An Amazon Lex V2 code hook (<see cref="LexV2.LexV2Event"/>).</summary>
    LexV2,

    /// <summary>An S3 Object Lambda access point request (<see cref="S3.S3ObjectLambdaEvent"/>).</summary>
    S3ObjectLambda,

    /// <summary>An S3 Batch Operations task invocation (<see cref="S3.S3BatchJobEvent"/>).</summary>
    S3BatchOperations,

    /// <summary>An AWS Config custom rule evaluation (<see cref="Config.ConfigEvent"/>).</summary>
    ConfigRule,

    /// <summary>An Amazon Connect contact flow invocation (<see cref="Connect.ContactFlowEvent"/>).</summary>
    Connect,

    /// <summary>A step of an AWS Secrets Manager secret rotation (<see cref="SecretsManager.SecretsManagerRotationEvent"/>).</summary>
    SecretsManagerRotation,

    /// <summary>An AWS CodePipeline job (<see cref="CodePipeline.CodePipelineJobEvent"/>).</summary>
    CodePipeline,
}
