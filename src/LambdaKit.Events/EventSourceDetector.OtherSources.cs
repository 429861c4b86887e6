using System.Text.Json;

namespace LambdaKit.Events;

/// <summary>The detection of the sources recognised by a top-level member of their own (issue 12, part B).</summary>
public static partial class EventSourceDetector
{
    /// <summary>
    /// Looks at a top-level member name that no earlier rule claimed (the reader is on the property name) and tells which
    /// source it belongs to, or <see cref="EventSourceKind.Unknown"/>. When the value decides (<c>eventSource</c>, <c>Name</c>),
    /// the reader is left on the value's first token; the caller's <see cref="Utf8JsonReader.Skip"/> then skips what is left.
    /// </summary>
    /// <remarks>
    /// <list type="bullet">
    /// <item><description><c>deliveryStreamArn</c>: <see cref="EventSourceKind.KinesisFirehose"/>; <c>awslogs</c>: <see cref="EventSourceKind.CloudWatchLogs"/>.</description></item>
    /// <item><description><c>eventSource</c> (top level) <c>aws:kafka</c> or <c>SelfManagedKafka</c>: <see cref="EventSourceKind.Kafka"/>;
    /// <c>aws:mq</c>: <see cref="EventSourceKind.ActiveMQ"/>; <c>aws:rmq</c>: <see cref="EventSourceKind.RabbitMQ"/>.</description></item>
    /// <item><description><c>arguments</c>: <see cref="EventSourceKind.AppSyncResolver"/>; <c>currentIntent</c>: <see cref="EventSourceKind.LexV1"/>;
    /// <c>interpretations</c>: <see cref="EventSourceKind.LexV2"/>; <c>xAmzRequestId</c>: <see cref="EventSourceKind.S3ObjectLambda"/>;
    /// <c>tasks</c>: <see cref="EventSourceKind.S3BatchOperations"/>; <c>invokingEvent</c>: <see cref="EventSourceKind.ConfigRule"/>;
    /// <c>Name</c> <c>ContactFlowExecution</c>: <see cref="EventSourceKind.Connect"/>; <c>SecretId</c>: <see cref="EventSourceKind.SecretsManagerRotation"/>;
    /// <c>CodePipeline.job</c>: <see cref="EventSourceKind.CodePipeline"/>.</description></item>
    /// </list>
    /// <para>
    /// Members that a source's response shares with its event (<c>sessionState</c> of Lex V2, <c>invocationSchemaVersion</c> of
    /// S3 Batch Operations) do not decide: a response is never an event.
    /// An AppSync authorizer request has no member of its own (its <c>authorizationToken</c> and <c>requestContext</c> are shared
    /// with API Gateway authorizers) and is not detected: serve it with a single typed handler.
    /// The cost for the existing sources is one switch on the name's length per member they do not claim: the names are
    /// compared unescaped, without allocating.
    /// </para>
    /// </remarks>
    private static EventSourceKind DetectOtherSource(ref Utf8JsonReader reader)
    {
        const int LongestName = 17; // deliveryStreamArn
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan.Length <= LongestName ? Classify(reader.ValueSpan, ref reader) : EventSourceKind.Unknown;
        }

        // An escaped name unescapes to at most its own length; six bytes (\uXXXX) can unescape to one.
        if (reader.ValueSpan.Length > LongestName * 6)
        {
            return EventSourceKind.Unknown;
        }

        Span<byte> unescaped = stackalloc byte[LongestName * 6];
        var written = reader.CopyString(unescaped);
        return written <= LongestName ? Classify(unescaped[..written], ref reader) : EventSourceKind.Unknown;
    }

    private static EventSourceKind Classify(scoped ReadOnlySpan<byte> name, ref Utf8JsonReader reader)
    {
        switch (name.Length)
        {
            case 4 when name.SequenceEqual("Name"u8):
                return reader.Read() && reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("ContactFlowExecution"u8)
                    ? EventSourceKind.Connect
                    : EventSourceKind.Unknown;
            case 7 when name.SequenceEqual("awslogs"u8):
                return EventSourceKind.CloudWatchLogs;
            case 8 when name.SequenceEqual("SecretId"u8):
                return EventSourceKind.SecretsManagerRotation;
            case 9 when name.SequenceEqual("arguments"u8):
                return EventSourceKind.AppSyncResolver;
            case 11 when name.SequenceEqual("eventSource"u8):
                return reader.Read() && reader.TokenType == JsonTokenType.String ? EventSourceOfBroker(ref reader) : EventSourceKind.Unknown;
            case 5 when name.SequenceEqual("tasks"u8):
                return EventSourceKind.S3BatchOperations;
            case 13:
                return name.SequenceEqual("currentIntent"u8) ? EventSourceKind.LexV1
                    : name.SequenceEqual("xAmzRequestId"u8) ? EventSourceKind.S3ObjectLambda
                    : name.SequenceEqual("invokingEvent"u8) ? EventSourceKind.ConfigRule
                    : EventSourceKind.Unknown;
            case 16 when name.SequenceEqual("CodePipeline.job"u8):
                return EventSourceKind.CodePipeline;
            case 17 when name.SequenceEqual("deliveryStreamArn"u8):
                return EventSourceKind.KinesisFirehose;
            case 15 when name.SequenceEqual("interpretations"u8):
                return EventSourceKind.LexV2;
            default:
                return EventSourceKind.Unknown;
        }
    }

    /// <summary>The source a top-level <c>eventSource</c> string names (the reader is on the string).</summary>
    private static EventSourceKind EventSourceOfBroker(ref Utf8JsonReader reader)
        => reader.ValueTextEquals("aws:kafka"u8) || reader.ValueTextEquals("SelfManagedKafka"u8) ? EventSourceKind.Kafka
            : reader.ValueTextEquals("aws:mq"u8) ? EventSourceKind.ActiveMQ
            : reader.ValueTextEquals("aws:rmq"u8) ? EventSourceKind.RabbitMQ
            : EventSourceKind.Unknown;
}
