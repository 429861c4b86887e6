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
}
