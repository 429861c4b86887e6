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
        var shapes = Shapes.None;   // issue 12 part A: authorizers, WebSocket, Cognito, CloudFormation
        var cognitoKind = EventSourceKind.Unknown;
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
                shapes |= Shapes.VersionSeen | (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("1"u8) ? Shapes.VersionIs1 : Shapes.None);
                reader.Skip();
            }
            else if (reader.ValueTextEquals("requestContext"u8))
            {
                reader.Read();
                var context = reader.TokenType == JsonTokenType.StartObject ? ReadRequestContext(ref reader) : SkipValue(ref reader);
                hasElb = (context & Shapes.Elb) != 0;
                shapes |= context;
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
            else if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                shapes |= reader.TokenType != JsonTokenType.String ? Shapes.None
                    : reader.ValueTextEquals("REQUEST"u8) ? Shapes.TypeIsRequest
                    : reader.ValueTextEquals("TOKEN"u8) ? Shapes.TypeIsToken
                    : Shapes.None;
                reader.Skip();
            }
            else if (reader.ValueTextEquals("triggerSource"u8))
            {
                reader.Read();
                cognitoKind = reader.TokenType == JsonTokenType.String ? CognitoKindOf(ref reader) : EventSourceKind.Unknown;
                reader.Skip();
            }
            else
            {
                shapes |= reader.ValueTextEquals("methodArn"u8) ? Shapes.MethodArn
                    : reader.ValueTextEquals("RequestType"u8) ? Shapes.RequestType
                    : reader.ValueTextEquals("ResponseURL"u8) ? Shapes.ResponseUrl
                    : Shapes.None;
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
                var decided = Decide(recordsKind, versionIs2, hasRouteKey, hasRawPath, hasElb, hasResource, hasHttpMethod, hasDetailType, hasSource, sourceIsAwsEvents, detailTypeIsScheduled, shapes, cognitoKind, otherKind, final: false);
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

        return Decide(recordsKind, versionIs2, hasRouteKey, hasRawPath, hasElb, hasResource, hasHttpMethod, hasDetailType, hasSource, sourceIsAwsEvents, detailTypeIsScheduled, shapes, cognitoKind, otherKind, final: true);
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
        Shapes shapes,
        EventSourceKind cognitoKind,
        EventSourceKind otherKind,
        bool final)
    {
        if (recordsKind != EventSourceKind.Unknown)
        {
            return recordsKind;
        }

        // Lambda authorizers: a top-level "type" of TOKEN/REQUEST, which no proxy request has.
        if ((shapes & (Shapes.TypeIsToken | Shapes.TypeIsRequest)) != 0 && (shapes & Shapes.MethodArn) != 0)
        {
            return EventSourceKind.ApiGatewayAuthorizer;
        }

        if (versionIs2 && (shapes & Shapes.TypeIsRequest) != 0)
        {
            return EventSourceKind.ApiGatewayHttpV2Authorizer;
        }

        if (versionIs2 && (hasRouteKey || hasRawPath))
        {
            return EventSourceKind.ApiGatewayHttpV2;
        }

        if (hasElb)
        {
            return EventSourceKind.ApplicationLoadBalancer;
        }

        // A WebSocket event has requestContext.connectionId; checked first so that one with a resource and method is not taken for REST.
        if ((shapes & Shapes.ConnectionId) != 0)
        {
            return EventSourceKind.ApiGatewayWebSocket;
        }

        if (hasResource && hasHttpMethod)
        {
            return EventSourceKind.ApiGatewayRest;
        }

        if (hasDetailType && hasSource)
        {
            return sourceIsAwsEvents && detailTypeIsScheduled ? EventSourceKind.Schedule : EventSourceKind.EventBridge;
        }

        if (cognitoKind == EventSourceKind.CognitoPreTokenGeneration)
        {
            // Version 1 or 2/3 of the trigger, told by "version": wait for it unless the object has ended.
            return (shapes & Shapes.VersionSeen) == 0 ? (final ? cognitoKind : EventSourceKind.Unknown)
                : (shapes & Shapes.VersionIs1) != 0 ? cognitoKind : EventSourceKind.CognitoPreTokenGenerationV2;
        }

        if (cognitoKind != EventSourceKind.Unknown)
        {
            return cognitoKind;
        }

        if ((shapes & (Shapes.RequestType | Shapes.ResponseUrl)) == (Shapes.RequestType | Shapes.ResponseUrl))
        {
            return EventSourceKind.CloudFormationCustomResource;
        }

        return otherKind;
    }

    /// <summary>The Cognito trigger a <c>triggerSource</c> value (the reader is on it) names by its prefix, for example <c>PreSignUp_SignUp</c>.</summary>
    private static EventSourceKind CognitoKindOf(ref Utf8JsonReader reader)
    {
        Span<byte> unescaped = stackalloc byte[64];
        scoped ReadOnlySpan<byte> value;
        if (!reader.ValueIsEscaped)
        {
            value = reader.ValueSpan;
        }
        else if (reader.ValueSpan.Length <= unescaped.Length)
        {
            value = unescaped[..reader.CopyString(unescaped)];
        }
        else
        {
            return EventSourceKind.Unknown;
        }

        return value.StartsWith("PreSignUp_"u8) ? EventSourceKind.CognitoPreSignup
            : value.StartsWith("PostConfirmation_"u8) ? EventSourceKind.CognitoPostConfirmation
            : value.StartsWith("PreAuthentication_"u8) ? EventSourceKind.CognitoPreAuthentication
            : value.StartsWith("PostAuthentication_"u8) ? EventSourceKind.CognitoPostAuthentication
            : value.StartsWith("TokenGeneration_"u8) || value.SequenceEqual("PreTokenGen"u8) ? EventSourceKind.CognitoPreTokenGeneration
            : value.StartsWith("CustomMessage_"u8) ? EventSourceKind.CognitoCustomMessage
            : value.StartsWith("DefineAuthChallenge_"u8) ? EventSourceKind.CognitoDefineAuthChallenge
            : value.StartsWith("CreateAuthChallenge_"u8) ? EventSourceKind.CognitoCreateAuthChallenge
            : value.StartsWith("VerifyAuthChallengeResponse_"u8) ? EventSourceKind.CognitoVerifyAuthChallenge
            : value.StartsWith("UserMigration_"u8) ? EventSourceKind.CognitoMigrateUser
            : value.StartsWith("CustomEmailSender_"u8) ? EventSourceKind.CognitoCustomEmailSender
            : value.StartsWith("CustomSMSSender_"u8) ? EventSourceKind.CognitoCustomSmsSender
            : EventSourceKind.Unknown;
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
                    : reader.ValueTextEquals("aws:ses"u8) ? EventSourceKind.SimpleEmail
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

    /// <summary>Reads <c>requestContext</c> (the reader is on its StartObject) up to its EndObject and tells whether it has an <c>elb</c> or a <c>connectionId</c> member.</summary>
    private static Shapes ReadRequestContext(ref Utf8JsonReader reader)
    {
        var found = Shapes.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            found |= reader.ValueTextEquals("elb"u8) ? Shapes.Elb
                : reader.ValueTextEquals("connectionId"u8) ? Shapes.ConnectionId
                : Shapes.None;
            reader.Skip();
        }

        return found;
    }

    private static Shapes SkipValue(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return Shapes.None;
    }

    /// <summary>Members seen for the sources of issue 12 part A, as flags so that the state stays one value.</summary>
    [Flags]
    private enum Shapes
    {
        None = 0,
        Elb = 1,
        ConnectionId = 1 << 1,
        TypeIsToken = 1 << 2,
        TypeIsRequest = 1 << 3,
        MethodArn = 1 << 4,
        VersionSeen = 1 << 5,
        VersionIs1 = 1 << 6,
        RequestType = 1 << 7,
        ResponseUrl = 1 << 8,
    }
}
