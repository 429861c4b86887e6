using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests;

/// <summary>
/// Every test event of the repository (tests/events) deserializes into its type and serializes back to equivalent JSON.
/// A file's type is the one <see cref="EventSourceTypes"/> gives for the source the detector finds; files the detector
/// does not recognise (responses, sources it has no kind for) are listed with their type here. A file with neither fails.
/// </summary>
public class SampleEventRoundTripTests
{
    private const string MalformedDynamoDbFile = "dynamodb/malformed-truncated.json";

    private static readonly LambdaKitEventsJsonContext Context = LambdaKitEventsJsonContext.Default;

    /// <summary>The type of each file that the detector does not recognise.</summary>
    private static readonly Dictionary<string, JsonTypeInfo> UndetectedFileTypes = new(StringComparer.Ordinal)
    {
        ["alb/response-multi-value.json"] = Context.ApplicationLoadBalancerResponse,
        ["alb/response-single-value.json"] = Context.ApplicationLoadBalancerResponse,
        ["apigateway/http-api-v2-response.json"] = Context.APIGatewayHttpApiV2ProxyResponse,
        ["apigateway/rest-v1-response-binary.json"] = Context.APIGatewayProxyResponse,
        ["apigateway/rest-v1-response.json"] = Context.APIGatewayProxyResponse,
        ["function-url/response.json"] = Context.APIGatewayHttpApiV2ProxyResponse,
        ["appsync/appsync-authorizer.json"] = Context.AppSyncAuthorizerEvent,
        ["appsync/appsync-authorizer-result.json"] = Context.AppSyncAuthorizerResult,
        ["firehose/firehose-response.json"] = Context.KinesisFirehoseResponse,
        ["lex/lex-v1-response.json"] = Context.LexResponse,
        ["lex/lex-v2-response.json"] = Context.LexV2Response,
        ["s3-batch/s3-batch-response.json"] = Context.S3BatchJobResponse,
    };

    /// <summary>
    /// Known wire-fidelity defects of the event types, shown by these files exactly as AWS sends them: the round trip
    /// differs at the path given (the start of the comparer's description). When a defect is fixed its test fails here:
    /// remove its entry.
    /// </summary>
    private static readonly Dictionary<string, string> KnownDifferences = new(StringComparer.Ordinal)
    {
        // DateTime members are written with the shortest fraction: AWS's ".250Z" comes back as ".25Z".
        ["s3/restore-completed.json"] = "$.Records[0].glacierEventData.restoreEventData.lifecycleRestorationExpiryTime: expected \"2026-07-01T00:00:00.250Z\" but found \"2026-07-01T00:00:00.25Z\"",
    };

    public static TheoryData<string> RoundTripFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in SampleEvents.AllFileNames().Where(f => f != MalformedDynamoDbFile))
        {
            data.Add(name);
        }

        return data;
    }

    private static JsonTypeInfo? TypeOf(string fileName, byte[] bytes) =>
        EventSourceTypes.GetTypeInfo(EventSourceDetector.Detect(bytes)) ?? UndetectedFileTypes.GetValueOrDefault(fileName);

    [Fact]
    public void Every_event_file_has_a_known_type()
    {
        var files = SampleEvents.AllFileNames();
        Assert.Contains(MalformedDynamoDbFile, files);
        Assert.True(files.Count > 30, $"Only {files.Count} event files were found in {SampleEvents.Directory}.");

        var untyped = files.Where(f => f != MalformedDynamoDbFile && TypeOf(f, SampleEvents.ReadBytes(f)) is null).ToList();
        Assert.True(untyped.Count == 0, "Event files with no type to round-trip through (not detected, and not in UndetectedFileTypes): " + string.Join(", ", untyped));

        var stale = UndetectedFileTypes.Keys.Concat(KnownDifferences.Keys).Where(f => !files.Contains(f)).ToList();
        Assert.True(stale.Count == 0, "Listed files missing from tests/events: " + string.Join(", ", stale));
    }

    [Theory]
    [MemberData(nameof(RoundTripFiles))]
    public void Event_file_round_trips(string fileName)
    {
        var original = SampleEvents.ReadBytes(fileName);
        var typeInfo = TypeOf(fileName, original);
        Assert.NotNull(typeInfo);

        var value = JsonSerializer.Deserialize(original, typeInfo);
        Assert.NotNull(value);
        Assert.IsType(typeInfo.Type, value);

        var written = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);
        if (KnownDifferences.TryGetValue(fileName, out var known))
        {
            var difference = JsonSemanticComparer.FindFirstDifference(original, written);
            Assert.True(difference is not null, $"{fileName} now round-trips: the known defect is fixed, remove its KnownDifferences entry.");
            Assert.StartsWith(known, difference, StringComparison.Ordinal);
        }
        else
        {
            JsonSemanticComparer.AssertEquivalent(original, written);
        }

        // A second pass is stable: what was written reads back to the same JSON.
        var rewritten = JsonSerializer.SerializeToUtf8Bytes(JsonSerializer.Deserialize(written, typeInfo), typeInfo);
        Assert.Equal(written, rewritten);
    }

    [Fact]
    public void Malformed_dynamodb_event_is_truncated_json_and_gives_a_clear_JsonException()
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
    public void Malformed_dynamodb_event_is_unknown_to_the_detector()
    {
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(SampleEvents.ReadBytes(MalformedDynamoDbFile)));
    }
}
