using System.Text.Json.Serialization;
using LambdaKit.Events.Serialization;

namespace LambdaKit.Events.Kinesis;

/// <summary>
/// A batch of Amazon Kinesis Data Streams records delivered to a function, including the tumbling-window members
/// when the event source mapping has a window. Mirrors <c>Amazon.Lambda.KinesisEvents.KinesisEvent</c> (and
/// <c>KinesisTimeWindowEvent</c>, whose members are on this type).
/// </summary>
public sealed class KinesisEvent
{
    /// <summary>Gets or sets the records of the batch.</summary>
    [JsonPropertyName("Records")]
    public IList<KinesisEventRecord> Records { get; set; } = [];

    /// <summary>Gets or sets the tumbling window the batch belongs to (tumbling-window invocations only).</summary>
    [JsonPropertyName("window")]
    public TimeWindow? Window { get; set; }

    /// <summary>
    /// Gets or sets the state returned by the previous invocation of this window (tumbling-window invocations only). Values
    /// are any JSON (numbers, strings, objects), kept as <see cref="System.Text.Json.JsonElement"/>s so that they round-trip unchanged.
    /// </summary>
    [JsonPropertyName("state")]
    public Dictionary<string, System.Text.Json.JsonElement>? State { get; set; }

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

    /// <summary>One Kinesis record of a batch, with its event metadata.</summary>
    public sealed class KinesisEventRecord
    {
        /// <summary>Gets or sets the Kinesis record.</summary>
        [JsonPropertyName("kinesis")]
        public Record? Kinesis { get; set; }

        /// <summary>Gets or sets the event source, <c>aws:kinesis</c>.</summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        /// <summary>Gets or sets the version of the event structure, for example <c>1.0</c>.</summary>
        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        /// <summary>Gets or sets the event identifier: the shard identifier and the sequence number.</summary>
        [JsonPropertyName("eventID")]
        public string? EventId { get; set; }

        /// <summary>Gets or sets the event name, <c>aws:kinesis:record</c>.</summary>
        [JsonPropertyName("eventName")]
        public string? EventName { get; set; }

        /// <summary>Gets or sets the ARN of the role Lambda used to read the stream.</summary>
        [JsonPropertyName("invokeIdentityArn")]
        public string? InvokeIdentityArn { get; set; }

        /// <summary>Gets or sets the AWS Region of the stream.</summary>
        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>Gets or sets the ARN of the stream.</summary>
        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceARN { get; set; }
    }

    /// <summary>A Kinesis data record.</summary>
    public sealed class Record
    {
        /// <summary>Gets or sets the version of the record structure, for example <c>1.0</c>.</summary>
        [JsonPropertyName("kinesisSchemaVersion")]
        public string? KinesisSchemaVersion { get; set; }

        /// <summary>Gets or sets the partition key the producer gave the record.</summary>
        [JsonPropertyName("partitionKey")]
        public string? PartitionKey { get; set; }

        /// <summary>Gets or sets the sequence number of the record in its shard; report it in <see cref="StreamsEventResponse.BatchItemFailure.ItemIdentifier"/> to retry from it.</summary>
        [JsonPropertyName("sequenceNumber")]
        public string? SequenceNumber { get; set; }

        /// <summary>Gets or sets the data of the record, decoded from the base64 JSON string.</summary>
        [JsonPropertyName("data")]
        [JsonConverter(typeof(Base64BytesConverter))]
        public ReadOnlyMemory<byte> Data { get; set; }

        /// <summary>Gets or sets when the record arrived in the stream (UTC; seconds since the Unix epoch in JSON).</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        [JsonConverter(typeof(EpochSecondsDateTimeConverter))]
        public DateTime ApproximateArrivalTimestamp { get; set; }

        /// <summary>Gets or sets the server-side encryption of the record, <c>NONE</c> or <c>KMS</c>, when sent.</summary>
        [JsonPropertyName("encryptionType")]
        public string? EncryptionType { get; set; }
    }

    /// <summary>A tumbling window of a Kinesis stream.</summary>
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
