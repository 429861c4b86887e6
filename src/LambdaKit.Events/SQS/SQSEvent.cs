using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using LambdaKit.Events.Serialization;

namespace LambdaKit.Events.SQS;

/// <summary>
/// A batch of Amazon SQS messages delivered to a function. Mirrors <c>Amazon.Lambda.SQSEvents.SQSEvent</c>.
/// </summary>
public sealed class SQSEvent
{
    /// <summary>Gets or sets the messages of the batch.</summary>
    [JsonPropertyName("Records")]
    public List<SQSMessage> Records { get; set; } = [];

    /// <summary>One SQS message of a batch.</summary>
    public sealed class SQSMessage
    {
        /// <summary>Gets or sets the message identifier; report it in <see cref="SQSBatchResponse.BatchItemFailure.ItemIdentifier"/> to retry the message.</summary>
        [JsonPropertyName("messageId")]
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the receipt handle, used to delete the message or change its visibility.</summary>
        [JsonPropertyName("receiptHandle")]
        public string? ReceiptHandle { get; set; }

        /// <summary>Gets or sets the message body.</summary>
        [JsonPropertyName("body")]
        public string? Body { get; set; }

        /// <summary>Gets or sets the MD5 digest of the body.</summary>
        [JsonPropertyName("md5OfBody")]
        public string? Md5OfBody { get; set; }

        /// <summary>Gets or sets the MD5 digest of the message attributes.</summary>
        [JsonPropertyName("md5OfMessageAttributes")]
        public string? Md5OfMessageAttributes { get; set; }

        /// <summary>Gets or sets the ARN of the queue.</summary>
        [JsonPropertyName("eventSourceARN")]
        public string? EventSourceArn { get; set; }

        /// <summary>Gets or sets the event source, <c>aws:sqs</c>.</summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        /// <summary>Gets or sets the AWS Region of the queue.</summary>
        [JsonPropertyName("awsRegion")]
        public string? AwsRegion { get; set; }

        /// <summary>Gets or sets the system attributes, for example <c>ApproximateReceiveCount</c> and <c>SentTimestamp</c>.</summary>
        [JsonPropertyName("attributes")]
        public Dictionary<string, string>? Attributes { get; set; }

        /// <summary>Gets or sets the message attributes set by the sender.</summary>
        [JsonPropertyName("messageAttributes")]
        public Dictionary<string, MessageAttribute>? MessageAttributes { get; set; }
    }

    /// <summary>A message attribute set by the sender of an SQS message.</summary>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Name mirrors the Amazon.Lambda.*Events packages so that handlers port by a change of using.")]
    public sealed class MessageAttribute
    {
        /// <summary>Gets or sets the value of a <c>String</c> or <c>Number</c> attribute.</summary>
        [JsonPropertyName("stringValue")]
        public string? StringValue { get; set; }

        /// <summary>
        /// Gets or sets the value of a <c>Binary</c> attribute (base64 in JSON), as a <see cref="MemoryStream"/> like
        /// <c>Amazon.Lambda.SQSEvents</c>. <see cref="BinaryValueBytes"/> gives the same bytes without a stream.
        /// </summary>
        [JsonPropertyName("binaryValue")]
        [JsonConverter(typeof(Base64MemoryStreamConverter))]
        public MemoryStream? BinaryValue { get; set; }

        /// <summary>
        /// Gets the whole content of <see cref="BinaryValue"/> (whatever the stream's position), without a copy when the
        /// stream was read from the event; <see langword="null"/> when there is no binary value. Not serialized.
        /// </summary>
        [JsonIgnore]
        public ReadOnlyMemory<byte>? BinaryValueBytes => BinaryValue is { } stream ? Base64MemoryStreamConverter.Bytes(stream) : (ReadOnlyMemory<byte>?)null;

        /// <summary>Gets or sets the string list values (reserved by SQS).</summary>
        [JsonPropertyName("stringListValues")]
        public List<string>? StringListValues { get; set; }

        /// <summary>Gets or sets the binary list values (reserved by SQS; base64 in JSON), as <see cref="MemoryStream"/>s like <c>Amazon.Lambda.SQSEvents</c>.</summary>
        [JsonPropertyName("binaryListValues")]
        [JsonConverter(typeof(Base64MemoryStreamListConverter))]
        public List<MemoryStream>? BinaryListValues { get; set; }

        /// <summary>Gets or sets the data type: <c>String</c>, <c>Number</c> or <c>Binary</c>, optionally with a custom suffix.</summary>
        [JsonPropertyName("dataType")]
        public string? DataType { get; set; }
    }
}
