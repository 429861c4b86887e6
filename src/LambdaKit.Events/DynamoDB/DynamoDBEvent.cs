using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.DynamoDB;

/// <summary>
/// A batch of Amazon DynamoDB Streams records delivered to a function, including the tumbling-window members when the
/// event source mapping has a window. Mirrors <c>Amazon.Lambda.DynamoDBEvents.DynamoDBEvent</c> (and
/// <c>DynamoDBTimeWindowEvent</c>, whose members are on this type).
/// </summary>
/// <remarks>To report partial batch failures, return a <see cref="Kinesis.StreamsEventResponse"/>.</remarks>
public sealed class DynamoDBEvent
{
    /// <summary>Gets or sets the stream records of the batch.</summary>
    [JsonPropertyName("Records")]
    public IList<DynamodbStreamRecord> Records { get; set; } = [];

    /// <summary>Gets or sets the tumbling window the batch belongs to (tumbling-window invocations only).</summary>
    [JsonPropertyName("window")]
    public TimeWindow? Window { get; set; }

    /// <summary>
    /// Gets or sets the state returned by the previous invocation of this window (tumbling-window invocations only). Values
    /// are any JSON (numbers, strings, objects), kept as <see cref="JsonElement"/>s so that they round-trip unchanged.
    /// </summary>
    [JsonPropertyName("state")]
    public Dictionary<string, JsonElement>? State { get; set; }

    /// <summary>Gets or sets the identifier of the shard (tumbling-window invocations only).</summary>
    [JsonPropertyName("shardId")]
    public string? ShardId { get; set; }

    /// <summary>Gets or sets the ARN of the stream (tumbling-window invocations only).</summary>
    [JsonPropertyName("eventSourceARN")]
    public string? EventSourceArn { get; set; }

    /// <summary>Gets or sets a value indicating whether this is the last invocation of the window (tumbling-window invocations only).</summary>
    [JsonPropertyName("isFinalInvokeForWindow")]
    public bool? IsFinalInvokeForWindow { get; set; }

    /// <summary>Gets or sets a value indicating whether the window ended early because the state grew too large (tumbling-window invocations only).</summary>
    [JsonPropertyName("isWindowTerminatedEarly")]
    public bool? IsWindowTerminatedEarly { get; set; }

    /// <summary>One DynamoDB stream record of a batch, with its event metadata.</summary>
    public sealed class DynamodbStreamRecord
    {
        /// <summary>Gets or sets the unique identifier of the event.</summary>
        [JsonPropertyName("eventID")]
        public string? EventID { get; set; }

        /// <summary>Gets or sets the kind of change: <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>.</summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        /// <summary>Gets or sets the version of the event structure, for example <c>1.1</c>.</summary>
        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        /// <summary>Gets or sets the event source, <c>aws:dynamodb</c>.</summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        /// <summary>Gets or sets the AWS Region of the table.</summary>
        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>Gets or sets who made the change, when it was made by a service (for example TTL expiry).</summary>
        [JsonPropertyName("userIdentity")]
        public Identity? UserIdentity { get; set; }

        /// <summary>Gets or sets the change itself: keys, images, sequence number.</summary>
        [JsonPropertyName("dynamodb")]
        public StreamRecord? Dynamodb { get; set; }

        /// <summary>Gets or sets the ARN of the stream.</summary>
        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }
    }

    /// <summary>The principal that made a change, when it was a service.</summary>
    public sealed class Identity
    {
        /// <summary>Gets or sets the principal identifier, for example <c>dynamodb.amazonaws.com</c>.</summary>
        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }

        /// <summary>Gets or sets the identity type, <c>Service</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }
    }

    /// <summary>A change to an item of a DynamoDB table.</summary>
    public sealed class StreamRecord
    {
        // Seconds since the Unix epoch beyond this (year 5000) are milliseconds: DynamoDB sends both units.
        private const decimal LargestSeconds = 95_617_584_000m;

        /// <summary>
        /// Gets or sets when the change was made (UTC), or <see langword="default"/> when the record has no timestamp. Read
        /// from <see cref="ApproximateCreationDateTimeEpoch"/>, whether it is in seconds or milliseconds; setting it keeps
        /// the unit the record came in (seconds for a new record).
        /// </summary>
        [JsonIgnore]
        public DateTime ApproximateCreationDateTime
        {
            get => ApproximateCreationDateTimeEpoch is not { } epoch ? default
                : DateTime.UnixEpoch.AddTicks((long)(epoch > LargestSeconds ? epoch * TimeSpan.TicksPerMillisecond : epoch * TimeSpan.TicksPerSecond));
            set
            {
                var ticks = (decimal)((value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : value).Ticks - DateTime.UnixEpoch.Ticks);
                ApproximateCreationDateTimeEpoch = ApproximateCreationDateTimeEpoch > LargestSeconds
                    ? ticks / TimeSpan.TicksPerMillisecond
                    : ticks / TimeSpan.TicksPerSecond;
            }
        }

        /// <summary>
        /// Gets or sets <c>ApproximateCreationDateTime</c> exactly as the JSON number that came: seconds since the Unix epoch
        /// (with a fraction), or milliseconds, which DynamoDB also sends (a value beyond year 5000 in seconds is read as
        /// milliseconds); <see langword="null"/> when absent, so that an absent timestamp is written back absent.
        /// </summary>
        [JsonPropertyName("ApproximateCreationDateTime")]
        public decimal? ApproximateCreationDateTimeEpoch { get; set; }

        /// <summary>Gets or sets the primary key attributes of the item.</summary>
        [JsonPropertyName("Keys")]
        public Dictionary<string, AttributeValue>? Keys { get; set; }

        /// <summary>Gets or sets the item after the change (stream view types <c>NEW_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c>).</summary>
        [JsonPropertyName("NewImage")]
        public Dictionary<string, AttributeValue>? NewImage { get; set; }

        /// <summary>Gets or sets the item before the change (stream view types <c>OLD_IMAGE</c> and <c>NEW_AND_OLD_IMAGES</c>).</summary>
        [JsonPropertyName("OldImage")]
        public Dictionary<string, AttributeValue>? OldImage { get; set; }

        /// <summary>Gets or sets the sequence number of the record; report it in <see cref="Kinesis.StreamsEventResponse.BatchItemFailure.ItemIdentifier"/> to retry from it.</summary>
        [JsonPropertyName("SequenceNumber")]
        public string? SequenceNumber { get; set; }

        /// <summary>Gets or sets the size of the record in bytes.</summary>
        [JsonPropertyName("SizeBytes")]
        public long SizeBytes { get; set; }

        /// <summary>Gets or sets what the stream records: <c>KEYS_ONLY</c>, <c>NEW_IMAGE</c>, <c>OLD_IMAGE</c> or <c>NEW_AND_OLD_IMAGES</c>.</summary>
        [JsonPropertyName("StreamViewType")]
        public string? StreamViewType { get; set; }
    }

    /// <summary>
    /// A DynamoDB attribute value in the stream's typed JSON form: exactly one member is set, for example
    /// <c>{"S":"text"}</c> or <c>{"N":"3.14"}</c>.
    /// </summary>
    public sealed class AttributeValue
    {
        /// <summary>Gets or sets a string value.</summary>
        [JsonPropertyName("S")]
        public string? S { get; set; }

        /// <summary>Gets or sets a number value, as the decimal string DynamoDB sends (parse it with the invariant culture).</summary>
        [JsonPropertyName("N")]
        public string? N { get; set; }

        /// <summary>Gets or sets a binary value, decoded from base64.</summary>
        [JsonPropertyName("B")]
        public ReadOnlyMemory<byte>? B { get; set; }

        /// <summary>Gets or sets a string set.</summary>
        [JsonPropertyName("SS")]
        public List<string>? SS { get; set; }

        /// <summary>Gets or sets a number set, as decimal strings.</summary>
        [JsonPropertyName("NS")]
        public List<string>? NS { get; set; }

        /// <summary>Gets or sets a binary set, each decoded from base64.</summary>
        [JsonPropertyName("BS")]
        public List<ReadOnlyMemory<byte>>? BS { get; set; }

        /// <summary>Gets or sets a map of attribute values.</summary>
        [JsonPropertyName("M")]
        public Dictionary<string, AttributeValue>? M { get; set; }

        /// <summary>Gets or sets a list of attribute values.</summary>
        [JsonPropertyName("L")]
        public List<AttributeValue>? L { get; set; }

        /// <summary>Gets or sets <see langword="true"/> for a null value.</summary>
        [JsonPropertyName("NULL")]
        public bool? NULL { get; set; }

        /// <summary>Gets or sets a Boolean value.</summary>
        [JsonPropertyName("BOOL")]
        public bool? BOOL { get; set; }
    }

    /// <summary>A tumbling window of a DynamoDB stream.</summary>
    public sealed class TimeWindow
    {
        /// <summary>Gets or sets when the window starts (UTC).</summary>
        [JsonPropertyName("start")]
        public DateTime Start { get; set; }

        /// <summary>Gets or sets when the window ends (UTC).</summary>
        [JsonPropertyName("end")]
        public DateTime End { get; set; }
    }
}
