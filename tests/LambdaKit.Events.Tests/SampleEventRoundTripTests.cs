using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests;

/// <summary>Every shared sample event deserializes into its type and serializes back to equivalent JSON.</summary>
public class SampleEventRoundTripTests
{
    private const string MalformedDynamoDbFile = "dynamodb-event-malformed.2.json";

    private static readonly LambdaKitEventsJsonContext Context = LambdaKitEventsJsonContext.Default;

    /// <summary>The type each sample file is read as; the malformed file is handled by its own test.</summary>
    private static readonly Dictionary<string, JsonTypeInfo> TypeOfFile = new(StringComparer.Ordinal)
    {
        ["alb-lambda-target-request-headers-only.json"] = Context.ApplicationLoadBalancerRequest,
        ["alb-lambda-target-request-multivalue-headers.json"] = Context.ApplicationLoadBalancerRequest,
        ["alb-lambda-target-response.json"] = Context.ApplicationLoadBalancerResponse,
        ["apigw-request.json"] = Context.APIGatewayProxyRequest,
        ["apigw-restapi-openapi-request.json"] = Context.APIGatewayProxyRequest,
        ["apigw-response.json"] = Context.APIGatewayProxyResponse,
        ["apigw-v2-request-iam.json"] = Context.APIGatewayHttpApiV2ProxyRequest,
        ["apigw-v2-request-jwt-authorizer.json"] = Context.APIGatewayHttpApiV2ProxyRequest,
        ["apigw-v2-request-lambda-authorizer.json"] = Context.APIGatewayHttpApiV2ProxyRequest,
        ["apigw-v2-request-no-authorizer.json"] = Context.APIGatewayHttpApiV2ProxyRequest,
        ["cloudwatch-alarm-sns-payload-single-metric.json"] = Context.SNSEvent,
        ["dynamodb-event.json"] = Context.DynamoDBEvent,
        ["dynamodb-time-window-event.json"] = Context.DynamoDBEvent,
        ["kinesis-event.json"] = Context.KinesisEvent,
        ["kinesis-time-window-event.json"] = Context.KinesisEvent,
        ["lambda-urls-request.json"] = Context.APIGatewayHttpApiV2ProxyRequest,
        ["lambda-urls-response.json"] = Context.APIGatewayHttpApiV2ProxyResponse,
        ["s3-event-with-decoded.json"] = Context.S3Event,
        ["s3-event.json"] = Context.S3Event,
        ["s3-glacier-event.json"] = Context.S3Event,
        ["s3-intelligenttier-event.json"] = Context.S3Event,
        ["s3-lifecycle-event.json"] = Context.S3Event,
        ["s3-replication-event.json"] = Context.S3Event,
        ["s3-restore-event.json"] = Context.S3Event,
        ["scheduled-event.json"] = Context.ScheduledEvent,
        ["ses-sns-event.json"] = Context.SimpleEmailEvent,
        ["sns-event.json"] = Context.SNSEvent,
        ["sqs-event.json"] = Context.SQSEvent,
    };

    public static TheoryData<string> RoundTripFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in TypeOfFile.Keys.Order(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Every_sample_file_has_a_known_type()
    {
        var files = SampleEvents.AllFileNames();
        Assert.NotEmpty(files);
        var unmapped = files.Where(f => f != MalformedDynamoDbFile && !TypeOfFile.ContainsKey(f)).ToList();
        Assert.True(unmapped.Count == 0, "Sample files with no type to round-trip through: " + string.Join(", ", unmapped));
        var missing = TypeOfFile.Keys.Where(f => !files.Contains(f)).ToList();
        Assert.True(missing.Count == 0, "Mapped files missing from the samples folder: " + string.Join(", ", missing));
        Assert.Contains(MalformedDynamoDbFile, files);
    }

    [Theory]
    [MemberData(nameof(RoundTripFiles))]
    public void Sample_event_round_trips(string fileName)
    {
        var original = SampleEvents.ReadBytes(fileName);
        var typeInfo = TypeOfFile[fileName];

        var value = JsonSerializer.Deserialize(original, typeInfo);
        Assert.NotNull(value);
        Assert.IsType(typeInfo.Type, value);

        var written = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        JsonSemanticComparer.AssertEquivalent(original, written);

        // A second pass is stable: what was written reads back to the same JSON.
        var rewritten = JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(written, typeInfo), typeInfo);
        Assert.Equal(written, rewritten);
    }

    [Fact]
    public void Malformed_dynamodb_sample_is_truncated_json_and_gives_a_clear_JsonException()
    {
        var bytes = SampleEvents.ReadBytes(MalformedDynamoDbFile);

        // The file stops in the middle of the second record, so it is not JSON at all: the reader rejects it.
        var exception = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(bytes, Context.DynamoDBEvent));
        Assert.NotNull(exception.LineNumber);
        Assert.StartsWith("$.Records[1].dynamodb.NewImage", exception.Path, StringComparison.Ordinal);
        Assert.Contains("LineNumber", exception.Message, StringComparison.Ordinal);

        // It is just as malformed for a general-purpose parser; the types are not to blame.
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(bytes));
    }

    [Fact]
    public void Malformed_dynamodb_sample_is_unknown_to_the_detector()
    {
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(SampleEvents.ReadBytes(MalformedDynamoDbFile)));
    }
}
