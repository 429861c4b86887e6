using System.Text;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.KinesisFirehose;

/// <summary>
/// The answer to a <see cref="KinesisFirehoseEvent"/>: one record per record received, with the same <c>recordId</c>.
/// Mirrors <c>Amazon.Lambda.KinesisFirehoseEvents.KinesisFirehoseResponse</c>.
/// </summary>
public sealed class KinesisFirehoseResponse
{
    /// <summary>The record was transformed: Firehose delivers its new data.</summary>
    public const string TRANSFORMED_STATE_OK = "Ok";

    /// <summary>The record was dropped on purpose: Firehose counts it as processed and delivers nothing.</summary>
    public const string TRANSFORMED_STATE_DROPPED = "Dropped";

    /// <summary>The record could not be transformed: Firehose sends it to the error output.</summary>
    public const string TRANSFORMED_STATE_PROCESSINGFAILED = "ProcessingFailed";

    /// <summary>Gets or sets the transformed records.</summary>
    [JsonPropertyName("records")]
    public List<FirehoseRecord> Records { get; set; } = [];

    /// <summary>One transformed record.</summary>
    public sealed class FirehoseRecord
    {
        /// <summary>Gets or sets the identifier of the record received.</summary>
        [JsonPropertyName("recordId")]
        public string? RecordId { get; set; }

        /// <summary>Gets or sets <see cref="TRANSFORMED_STATE_OK"/>, <see cref="TRANSFORMED_STATE_DROPPED"/> or <see cref="TRANSFORMED_STATE_PROCESSINGFAILED"/>.</summary>
        [JsonPropertyName("result")]
        public string? Result { get; set; }

        /// <summary>Gets or sets the transformed data, base64 (JSON <c>data</c>); see <see cref="EncodeData(string)"/>.</summary>
        [JsonPropertyName("data")]
        public string? Base64EncodedData { get; set; }

        /// <summary>Gets or sets the metadata of the record (dynamic partitioning keys).</summary>
        [JsonPropertyName("metadata")]
        public FirehoseResponseRecordMetadata? Metadata { get; set; }

        /// <summary>Sets <see cref="Base64EncodedData"/> to the base64 of <paramref name="data"/> as UTF-8.</summary>
        /// <param name="data">The transformed data.</param>
        public void EncodeData(string data) => Base64EncodedData = Convert.ToBase64String(Encoding.UTF8.GetBytes(data));
    }

    /// <summary>The metadata of a transformed record.</summary>
    public sealed class FirehoseResponseRecordMetadata
    {
        /// <summary>Gets or sets the keys of dynamic partitioning.</summary>
        [JsonPropertyName("partitionKeys")]
        public Dictionary<string, string>? PartitionKeys { get; set; }

        /// <summary>Gets or sets the metadata for Apache Iceberg tables destinations (table, database, operation), kept as received.</summary>
        [JsonPropertyName("otfMetadata")]
        public Dictionary<string, string>? OtfMetadata { get; set; }
    }
}
