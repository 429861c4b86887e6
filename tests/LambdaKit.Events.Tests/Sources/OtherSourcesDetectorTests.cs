using System.Text;

namespace LambdaKit.Events.Tests.Sources;

/// <summary>The detection rules of the sources recognised by a top-level member of their own.</summary>
public sealed class OtherSourcesDetectorTests
{
    private static EventSourceKind Detect(string json, bool validate = true) => EventSourceDetector.Detect(Encoding.UTF8.GetBytes(json), validate);

    [Theory]
    [InlineData("""{"invocationId":"i","deliveryStreamArn":"arn","records":[]}""", EventSourceKind.KinesisFirehose)]
    [InlineData("""{"awslogs":{"data":"H4sI"}}""", EventSourceKind.CloudWatchLogs)]
    [InlineData("""{"eventSource":"aws:kafka","records":{}}""", EventSourceKind.Kafka)]
    [InlineData("""{"eventSource":"SelfManagedKafka","records":{}}""", EventSourceKind.Kafka)]
    [InlineData("""{"eventSource":"aws:mq","messages":[]}""", EventSourceKind.ActiveMQ)]
    [InlineData("""{"eventSource":"aws:rmq","rmqMessagesByQueue":{}}""", EventSourceKind.RabbitMQ)]
    [InlineData("""{"arguments":{},"info":{"fieldName":"f"}}""", EventSourceKind.AppSyncResolver)]
    [InlineData("""{"currentIntent":{},"bot":{}}""", EventSourceKind.LexV1)]
    [InlineData("""{"sessionState":{},"interpretations":[]}""", EventSourceKind.LexV2)]
    [InlineData("""{"sessionState":{},"messages":[]}""", EventSourceKind.Unknown)] // a Lex V2 response
    [InlineData("""{"invocationSchemaVersion":"1.0","treatMissingKeysAs":"PermanentFailure","results":[]}""", EventSourceKind.Unknown)] // an S3 Batch response
    [InlineData("""{"xAmzRequestId":"r","getObjectContext":{}}""", EventSourceKind.S3ObjectLambda)]
    [InlineData("""{"invocationSchemaVersion":"2.0","tasks":[]}""", EventSourceKind.S3BatchOperations)]
    [InlineData("""{"invokingEvent":"{}","configRuleName":"r"}""", EventSourceKind.ConfigRule)]
    [InlineData("""{"Name":"ContactFlowExecution","Details":{}}""", EventSourceKind.Connect)]
    [InlineData("""{"Step":"setSecret","SecretId":"arn","ClientRequestToken":"t"}""", EventSourceKind.SecretsManagerRotation)]
    [InlineData("""{"CodePipeline.job":{"id":"j"}}""", EventSourceKind.CodePipeline)]
    public void Member_of_its_own_names_the_source(string json, EventSourceKind expected)
    {
        Assert.Equal(expected, Detect(json));
        Assert.Equal(expected, Detect(json, validate: false));
    }

    [Theory]
    [InlineData("""{"\u0061wslogs":{"data":"x"}}""", EventSourceKind.CloudWatchLogs)]
    [InlineData("""{"CodePipeline\u002Ejob":{}}""", EventSourceKind.CodePipeline)]
    [InlineData("""{"\u0065ventSource":"aws:\u006Dq"}""", EventSourceKind.ActiveMQ)]
    [InlineData("""{"invocationSchemaVersion":"1.0","\u0074asks":[]}""", EventSourceKind.S3BatchOperations)]
    public void Escaped_member_names_and_values_are_compared_unescaped(string json, EventSourceKind expected)
        => Assert.Equal(expected, Detect(json));

    [Theory]
    [InlineData("""{"eventSource":"aws:sqs"}""")]
    [InlineData("""{"eventSource":{"name":"aws:kafka"}}""")]
    [InlineData("""{"eventSource":null,"messages":[]}""")]
    [InlineData("""{"Name":"SomethingElse","Details":{}}""")]
    [InlineData("""{"Name":["ContactFlowExecution"]}""")]
    [InlineData("""{"awslog":{}}""")]
    [InlineData("""{"deliveryStreamArnX":"a"}""")]
    [InlineData("""{"aVeryLongMemberNameThatIsNotOurs":1,"x":2}""")]
    public void Near_misses_are_unknown(string json)
    {
        Assert.Equal(EventSourceKind.Unknown, Detect(json));
        Assert.Equal(EventSourceKind.Unknown, Detect(json, validate: false));
    }

    [Theory]
    [InlineData("""{"awslogs":{"data":"x"}""")]
    [InlineData("""{"deliveryStreamArn":"a",}""")]
    [InlineData("""{"Name":"ContactFlowExecution"} trailing""")]
    public void Malformed_json_with_a_member_of_its_own_is_unknown_when_validated(string json)
        => Assert.Equal(EventSourceKind.Unknown, Detect(json));

    [Theory]
    [InlineData("""{"arguments":{},"resource":"/r","httpMethod":"GET"}""", EventSourceKind.ApiGatewayRest)]
    [InlineData("""{"awslogs":{},"detail-type":"Scheduled Event","source":"aws.events"}""", EventSourceKind.Schedule)]
    [InlineData("""{"Name":"ContactFlowExecution","Records":[{"eventSource":"aws:sqs"}]}""", EventSourceKind.Sqs)]
    [InlineData("""{"eventSource":"aws:kafka","requestContext":{"elb":{}}}""", EventSourceKind.ApplicationLoadBalancer)]
    public void Existing_rules_win_over_a_member_of_another_source_when_the_whole_payload_is_read(string json, EventSourceKind expected)
        => Assert.Equal(expected, Detect(json));
}
