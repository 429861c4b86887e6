using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests;

/// <summary>
/// The subset contexts (<see cref="LambdaKitHttpEventsJsonContext"/>, <see cref="LambdaKitBatchEventsJsonContext"/>) read
/// and write every sample of their events exactly as <see cref="LambdaKitEventsJsonContext"/> does: same options, same
/// converters, and the internal wire-only members (such as <c>requestTimeEpoch</c>) that a context in another assembly
/// could not see.
/// </summary>
public sealed class SubsetJsonContextTests
{
    public static TheoryData<string, string> Envelopes() => new()
    {
        { "apigateway/rest-v1-proxy-request.json", "rest" },
        { "apigateway/rest-v1-proxy-request-multi-value.json", "rest" },
        { "apigateway-websocket/connect.json", "rest" },
        { "apigateway-websocket/message.json", "rest" },
        { "apigateway/rest-v1-response.json", "rest-response" },
        { "apigateway/rest-v1-response-binary.json", "rest-response" },
        { "apigateway/http-api-v2-no-authorizer.json", "v2" },
        { "apigateway/http-api-v2-jwt-authorizer.json", "v2" },
        { "apigateway/http-api-v2-iam-authorizer.json", "v2" },
        { "apigateway/http-api-v2-lambda-authorizer.json", "v2" },
        { "function-url/request.json", "v2" },
        { "alb/request-single-value.json", "alb" },
        { "alb/request-multi-value.json", "alb" },
        { "sqs/standard.json", "sqs" },
        { "sqs/fifo.json", "sqs" },
        { "kinesis/records.json", "kinesis" },
        { "kinesis/tumbling-window.json", "kinesis" },
        { "dynamodb/insert-modify-remove.json", "dynamodb" },
        { "dynamodb/keys-only.json", "dynamodb" },
        { "dynamodb/tumbling-window.json", "dynamodb" },
        { "firehose/firehose-direct-put.json", "firehose" },
        { "firehose/firehose-kinesis-source.json", "firehose" },
        { "firehose/firehose-response.json", "firehose-response" },
    };

    [Theory]
    [MemberData(nameof(Envelopes))]
    public void Subset_context_reads_and_writes_a_sample_as_the_whole_events_context_does(string file, string kind)
    {
        var json = SampleEvents.ReadBytes(file);
        var events = LambdaKitEventsJsonContext.Default;

        var (theirs, ours) = kind switch
        {
            "rest" => (RoundTrip(json, events.APIGatewayProxyRequest), RoundTrip(json, LambdaKitHttpEventsJsonContext.Default.APIGatewayProxyRequest)),
            "rest-response" => (RoundTrip(json, events.APIGatewayProxyResponse), RoundTrip(json, LambdaKitHttpEventsJsonContext.Default.APIGatewayProxyResponse)),
            "v2" => (RoundTrip(json, events.APIGatewayHttpApiV2ProxyRequest), RoundTrip(json, LambdaKitHttpEventsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest)),
            "alb" => (RoundTrip(json, events.ApplicationLoadBalancerRequest), RoundTrip(json, LambdaKitHttpEventsJsonContext.Default.ApplicationLoadBalancerRequest)),
            "sqs" => (RoundTrip(json, events.SQSEvent), RoundTrip(json, LambdaKitBatchEventsJsonContext.Default.SQSEvent)),
            "kinesis" => (RoundTrip(json, events.KinesisEvent), RoundTrip(json, LambdaKitBatchEventsJsonContext.Default.KinesisEvent)),
            "dynamodb" => (RoundTrip(json, events.DynamoDBEvent), RoundTrip(json, LambdaKitBatchEventsJsonContext.Default.DynamoDBEvent)),
            "firehose" => (RoundTrip(json, events.KinesisFirehoseEvent), RoundTrip(json, LambdaKitBatchEventsJsonContext.Default.KinesisFirehoseEvent)),
            "firehose-response" => (RoundTrip(json, events.KinesisFirehoseResponse), RoundTrip(json, LambdaKitBatchEventsJsonContext.Default.KinesisFirehoseResponse)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        Assert.Equal(theirs, ours);
        Assert.DoesNotContain(":null", ours, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_responses_are_written_as_the_events_context_writes_them()
    {
        var sqs = new SQS.SQSBatchResponse { BatchItemFailures = [new() { ItemIdentifier = "m1" }] };
        var streams = new Kinesis.StreamsEventResponse { BatchItemFailures = [new() { ItemIdentifier = "49590338271490256608559692538361571095921575989136588898" }] };

        Assert.Equal(
            JsonSerializer.Serialize(sqs, LambdaKitEventsJsonContext.Default.SQSBatchResponse),
            JsonSerializer.Serialize(sqs, LambdaKitBatchEventsJsonContext.Default.SQSBatchResponse));
        Assert.Equal(
            JsonSerializer.Serialize(streams, LambdaKitEventsJsonContext.Default.StreamsEventResponse),
            JsonSerializer.Serialize(streams, LambdaKitBatchEventsJsonContext.Default.StreamsEventResponse));
    }

    private static string RoundTrip<T>(byte[] json, JsonTypeInfo<T> typeInfo)
        => JsonSerializer.Serialize(JsonSerializer.Deserialize(json, typeInfo)!, typeInfo);
}
