using System.Text;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.KinesisFirehose;

/// <summary>
/// A batch of records that Amazon Data Firehose (Kinesis Data Firehose) asks a function to transform; answer with a
/// <see cref="KinesisFirehoseResponse"/> that has one record per <see cref="FirehoseRecord.RecordId"/>.
/// Mirrors <c>Amazon.Lambda.KinesisFirehoseEvents.KinesisFirehoseEvent</c>.
/// </summary>
public sealed class KinesisFirehoseEvent
{
    /// <summary>Gets or sets the identifier of this transformation invocation.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>Gets or sets the ARN of the delivery stream.</summary>
    [JsonPropertyName("deliveryStreamArn")]
    public string? DeliveryStreamArn { get; set; }

    /// <summary>Gets or sets the ARN of the Kinesis data stream, when the delivery stream reads from one.</summary>
    [JsonPropertyName("sourceKinesisStreamArn")]
    public string? SourceKinesisStreamArn { get; set; }

    /// <summary>Gets or sets the AWS Region of the delivery stream.</summary>
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>Gets or sets the records to transform.</summary>
    [JsonPropertyName("records")]
    public List<FirehoseRecord> Records { get; set; } = [];

    /// <summary>One record to transform.</summary>
    public sealed class FirehoseRecord
    {
        /// <summary>Gets or sets the record identifier; the response must answer it with the same value.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary>Gets or sets when the record arrived, in milliseconds since the Unix epoch (JSON <c>approximateArrivalTimestamp</c>).</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        public long ApproximateArrivalEpoch { get; set; }

        /// <summary>Gets <see cref="ApproximateArrivalEpoch"/> as a UTC time.</summary>
        [JsonIgnore]
        public DateTime ApproximateArrivalTimestamp => DateTime.UnixEpoch.AddMilliseconds(ApproximateArrivalEpoch);

        /// <summary>Gets or sets the record data, base64 as received (JSON <c>data</c>); see <see cref="DecodeData"/>.</summary>
        [JsonPropertyName("data")]
        public string? Base64EncodedData { get; set; }

        /// <summary>Gets or sets the Kinesis metadata of the record, when the delivery stream reads from a Kinesis data stream.</summary>
        [JsonPropertyName("kinesisRecordMetadata")]
        public KinesisRecordMetadata? KinesisRecordMetadata { get; set; }

        /// <summary>Decodes <see cref="Base64EncodedData"/> into bytes (empty when there is none).</summary>
        /// <exception cref="FormatException">The data is not valid base64.</exception>
        public byte[] DecodeDataBytes() => string.IsNullOrEmpty(Base64EncodedData) ? [] : Convert.FromBase64String(Base64EncodedData);

        /// <summary>Decodes <see cref="Base64EncodedData"/> and reads it as UTF-8 text.</summary>
        /// <exception cref="FormatException">The data is not valid base64.</exception>
        public string DecodeData() => Encoding.UTF8.GetString(DecodeDataBytes());
    }

    /// <summary>Where a record came from in a Kinesis data stream.</summary>
    public sealed class KinesisRecordMetadata
    {
        /// <summary>Gets or sets the shard identifier.</summary>
        [JsonPropertyName("shardId")]
        public string? ShardId { get; set; }

        /// <summary>Gets or sets the partition key.</summary>
        [JsonPropertyName("partitionKey")]
        public string? PartitionKey { get; set; }

        /// <summary>Gets or sets when the record arrived in the data stream, in milliseconds since the Unix epoch.</summary>
        [JsonPropertyName("approximateArrivalTimestamp")]
        public long ApproximateArrivalTimestamp { get; set; }

        /// <summary>Gets or sets the sequence number.</summary>
        [JsonPropertyName("sequenceNumber")]
        public string? SequenceNumber { get; set; }

        /// <summary>Gets or sets the subsequence number (of an aggregated record).</summary>
        [JsonPropertyName("subsequenceNumber")]
        public long SubsequenceNumber { get; set; }
    }
}
