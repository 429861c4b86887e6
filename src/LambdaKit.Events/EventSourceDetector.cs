using System.Text.Json;

namespace LambdaKit.Events;

/// <summary>
/// Tells which kind of AWS event an invocation payload is from its raw UTF-8 JSON, without deserializing it.
/// </summary>
public static partial class EventSourceDetector
{
    /// <summary>
    /// Detects the kind of AWS event <paramref name="utf8Json"/> holds.
    /// </summary>
    /// <param name="utf8Json">The invocation payload, UTF-8 JSON (a leading byte order mark is ignored).</param>
    /// <returns>
    /// The kind of event, or <see cref="EventSourceKind.Unknown"/> when the payload is not a JSON object, is not valid JSON
    /// (including trailing content after the object), or has no recognised shape. Never throws.
    /// </returns>
    /// <remarks>
    /// <para>
    /// The payload is read once, forward only, with a <see cref="Utf8JsonReader"/>; nested values are skipped except
    /// <c>Records[0]</c> and <c>requestContext</c>, whose members are looked at but not their values' contents.
    /// The whole payload is read, so that malformed JSON is reported as <see cref="EventSourceKind.Unknown"/>;
    /// nothing is allocated for valid JSON.
    /// </para>
    /// <para>The rules, first match wins:</para>
    /// <list type="number">
    /// <item><description><c>Records[0].eventSource</c> is <c>aws:sqs</c>, <c>aws:s3</c>, <c>aws:kinesis</c> or <c>aws:dynamodb</c>:
    /// <see cref="EventSourceKind.Sqs"/>, <see cref="EventSourceKind.S3"/>, <see cref="EventSourceKind.Kinesis"/>, <see cref="EventSourceKind.DynamoDb"/>;
    /// <c>Records[0].EventSource</c> is <c>aws:sns</c>: <see cref="EventSourceKind.Sns"/>.</description></item>
    /// <item><description><c>version</c> is <c>"2.0"</c> and there is a <c>routeKey</c> or a <c>rawPath</c>: <see cref="EventSourceKind.ApiGatewayHttpV2"/> (HTTP API or function URL).</description></item>
    /// <item><description><c>requestContext.elb</c> is present: <see cref="EventSourceKind.ApplicationLoadBalancer"/>.</description></item>
    /// <item><description><c>resource</c> and <c>httpMethod</c> are present: <see cref="EventSourceKind.ApiGatewayRest"/>.</description></item>
    /// <item><description><c>detail-type</c> and <c>source</c> are present: <see cref="EventSourceKind.Schedule"/> when <c>source</c> is
    /// <c>aws.events</c> and <c>detail-type</c> is <c>Scheduled Event</c>, otherwise <see cref="EventSourceKind.EventBridge"/>.</description></item>
    /// <item><description>A top-level member only one other source has (see <see cref="DetectOtherSource"/>): Firehose, CloudWatch Logs,
    /// Kafka, Amazon MQ, AppSync resolvers, Lex, S3 Object Lambda, S3 Batch Operations, Config, Connect, Secrets Manager, CodePipeline.</description></item>
    /// </list>
    /// <para>Member names and values are compared exactly (case-sensitively), after JSON unescaping.</para>
    /// <para>
    /// Like <see cref="Utf8JsonReader"/> itself, the detector checks the JSON grammar but not that the contents of strings it
    /// skips are valid UTF-8 (the Lambda service only delivers valid UTF-8); a discriminator value with invalid UTF-8 simply does not match.
    /// </para>
    /// </remarks>
    public static EventSourceKind Detect(ReadOnlySpan<byte> utf8Json) => Detect(utf8Json, validate: true);

    /// <summary>
    /// Detects the kind of AWS event <paramref name="utf8Json"/> holds; with <paramref name="validate"/> off, stops reading as soon as
    /// a discriminator decides (for an SQS batch, inside its first record; for an HTTP API request, after its first members).
    /// </summary>
    /// <param name="utf8Json">The invocation payload, UTF-8 JSON (a leading byte order mark is ignored).</param>
    /// <param name="validate">
    /// <see langword="true"/> to read the whole payload, so that malformed JSON is reported as <see cref="EventSourceKind.Unknown"/>
    /// (see <see cref="Detect(ReadOnlySpan{byte})"/>); <see langword="false"/> for the routing fast path, where the deserializer that
    /// follows reads (and validates) the payload anyway: the first rule satisfied in document order wins, which for the events AWS
    /// sends gives the same answer.
    /// </param>
    /// <returns>The kind of event, or <see cref="EventSourceKind.Unknown"/>. Never throws.</returns>
    public static EventSourceKind Detect(ReadOnlySpan<byte> utf8Json, bool validate)
    {
        try
        {
            return DetectCore(utf8Json, validate);
        }
        catch (JsonException)
        {
            return EventSourceKind.Unknown;
        }
        catch (InvalidOperationException)
        {
            return EventSourceKind.Unknown;
        }
    }

    private static EventSourceKind DetectCore(ReadOnlySpan<byte> utf8Json, bool validate)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (utf8Json.StartsWith(byteOrderMark))
        {
            utf8Json = utf8Json[byteOrderMark.Length..];
        }

        var reader = new Utf8JsonReader(utf8Json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return EventSourceKind.Unknown;
        }

        var recordsKind = EventSourceKind.Unknown;
        var versionIs2 = false;
        var hasRouteKey = false;
        var hasRawPath = false;
        var hasResource = false;
        var hasHttpMethod = false;
        var hasElb = false;
        var hasDetailType = false;
        var detailTypeIsScheduled = false;
        var hasSource = false;
        var sourceIsAwsEvents = false;
        var otherKind = EventSourceKind.Unknown;

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("Records"u8))
            {
                reader.Read();
                recordsKind = ReadRecords(ref reader, validate);
                if (!validate && recordsKind != EventSourceKind.Unknown)
                {
                    return recordsKind;
                }
            }
            else if (reader.ValueTextEquals("version"u8))
            {
                reader.Read();
                versionIs2 = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("2.0"u8);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("requestContext"u8))
            {
                reader.Read();
                hasElb = reader.TokenType == JsonTokenType.StartObject ? RequestContextHasElb(ref reader) : SkipValue(ref reader);
            }
            else if (reader.ValueTextEquals("detail-type"u8))
            {
                hasDetailType = true;
                reader.Read();
                detailTypeIsScheduled = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("Scheduled Event"u8);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("source"u8))
            {
                hasSource = true;
                reader.Read();
                sourceIsAwsEvents = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("aws.events"u8);
                reader.Skip();
            }
            else
            {
                if (reader.ValueTextEquals("routeKey"u8))
                {
                    hasRouteKey = true;
                }
                else if (reader.ValueTextEquals("rawPath"u8))
                {
                    hasRawPath = true;
                }
                else if (reader.ValueTextEquals("resource"u8))
                {
                    hasResource = true;
                }
                else if (reader.ValueTextEquals("httpMethod"u8))
                {
                    hasHttpMethod = true;
                }
                else if (otherKind == EventSourceKind.Unknown)
                {
                    otherKind = DetectOtherSource(ref reader);
                }

                // On a property name, Skip moves to the value and past all of its children.
                reader.Skip();
            }

            if (!validate)
            {
                var decided = Decide(recordsKind, versionIs2, hasRouteKey, hasRawPath, hasElb, hasResource, hasHttpMethod, hasDetailType, hasSource, sourceIsAwsEvents, detailTypeIsScheduled, otherKind);
                if (decided != EventSourceKind.Unknown)
                {
                    return decided;
                }
            }
        }

        // The loop ends on the root's EndObject; anything but whitespace after it makes Read throw.
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return EventSourceKind.Unknown;
        }

        return Decide(recordsKind, versionIs2, hasRouteKey, hasRawPath, hasElb, hasResource, hasHttpMethod, hasDetailType, hasSource, sourceIsAwsEvents, detailTypeIsScheduled, otherKind);
    }

    private static EventSourceKind Decide(
        EventSourceKind recordsKind,
        bool versionIs2,
        bool hasRouteKey,
        bool hasRawPath,
        bool hasElb,
        bool hasResource,
        bool hasHttpMethod,
        bool hasDetailType,
        bool hasSource,
        bool sourceIsAwsEvents,
        bool detailTypeIsScheduled,
        EventSourceKind otherKind)
    {
        if (recordsKind != EventSourceKind.Unknown)
        {
            return recordsKind;
        }

        if (versionIs2 && (hasRouteKey || hasRawPath))
        {
            return EventSourceKind.ApiGatewayHttpV2;
        }

        if (hasElb)
        {
            return EventSourceKind.ApplicationLoadBalancer;
        }

        if (hasResource && hasHttpMethod)
        {
            return EventSourceKind.ApiGatewayRest;
        }

        if (hasDetailType && hasSource)
        {
            return sourceIsAwsEvents && detailTypeIsScheduled ? EventSourceKind.Schedule : EventSourceKind.EventBridge;
        }

        return otherKind;
    }

    /// <summary>Reads the value of <c>Records</c> (the reader is on its first token) and returns the kind its first element names.</summary>
    private static EventSourceKind ReadRecords(ref Utf8JsonReader reader, bool validate)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            reader.Skip();
            return EventSourceKind.Unknown;
        }

        var kind = EventSourceKind.Unknown;
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (first && reader.TokenType == JsonTokenType.StartObject)
            {
                kind = ReadFirstRecord(ref reader);
                if (!validate)
                {
                    return kind;
                }
            }
            else
            {
                reader.Skip();
            }

            first = false;
        }

        return kind;
    }

    /// <summary>Reads <c>Records[0]</c> (the reader is on its StartObject) up to its EndObject and returns the kind its event source names.</summary>
    private static EventSourceKind ReadFirstRecord(ref Utf8JsonReader reader)
    {
        var lowerCaseKind = EventSourceKind.Unknown;
        var upperCaseIsSns = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("eventSource"u8))
            {
                reader.Read();
                lowerCaseKind = reader.TokenType != JsonTokenType.String ? EventSourceKind.Unknown
                    : reader.ValueTextEquals("aws:sqs"u8) ? EventSourceKind.Sqs
                    : reader.ValueTextEquals("aws:s3"u8) ? EventSourceKind.S3
                    : reader.ValueTextEquals("aws:kinesis"u8) ? EventSourceKind.Kinesis
                    : reader.ValueTextEquals("aws:dynamodb"u8) ? EventSourceKind.DynamoDb
                    : EventSourceKind.Unknown;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("EventSource"u8))
            {
                reader.Read();
                upperCaseIsSns = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("aws:sns"u8);
                reader.Skip();
            }
            else
            {
                reader.Skip();
            }
        }

        return lowerCaseKind != EventSourceKind.Unknown ? lowerCaseKind
            : upperCaseIsSns ? EventSourceKind.Sns
            : EventSourceKind.Unknown;
    }

    /// <summary>Reads <c>requestContext</c> (the reader is on its StartObject) up to its EndObject and tells whether it has an <c>elb</c> member.</summary>
    private static bool RequestContextHasElb(ref Utf8JsonReader reader)
    {
        var hasElb = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            hasElb |= reader.ValueTextEquals("elb"u8);
            reader.Skip();
        }

        return hasElb;
    }

    private static bool SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return false;
    }
}
