using System.Text.Json;
using LambdaKit.Events;

namespace LambdaKit.Benchmarks.Baselines;

/// <summary>
/// The event-source detector as it was before issue 12 added its sources (commit 57ab5af, XML comments dropped), frozen
/// here as the same-run baseline of <see cref="DetectorBenchmarks"/>: detection of the sources that existed then must not
/// get slower.
/// </summary>
internal static class DetectorBeforeIssue12
{
    public static EventSourceKind Detect(ReadOnlySpan<byte> utf8Json) => Detect(utf8Json, validate: true);

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

                // On a property name, Skip moves to the value and past all of its children.
                reader.Skip();
            }

            if (!validate)
            {
                var decided = Decide(recordsKind, versionIs2, hasRouteKey, hasRawPath, hasElb, hasResource, hasHttpMethod, hasDetailType, hasSource, sourceIsAwsEvents, detailTypeIsScheduled);
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

        return Decide(recordsKind, versionIs2, hasRouteKey, hasRawPath, hasElb, hasResource, hasHttpMethod, hasDetailType, hasSource, sourceIsAwsEvents, detailTypeIsScheduled);
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
        bool detailTypeIsScheduled)
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

        return EventSourceKind.Unknown;
    }

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
