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
