using System.Text;
using System.Text.Json.Serialization;
using LambdaKit.Events.Serialization;

namespace LambdaKit.Events.Kafka;

/// <summary>
/// A batch of Kafka records from Amazon MSK (<c>aws:kafka</c>) or a self-managed cluster (<c>SelfManagedKafka</c>), grouped
/// by <c>topic-partition</c>. Keys and values are base64 as received and decoded on demand (<see cref="KafkaEventRecord.DecodeValue"/>).
/// Mirrors <c>Amazon.Lambda.KafkaEvents.KafkaEvent</c>.
/// </summary>
public sealed class KafkaEvent
{
    /// <summary>Gets or sets <c>aws:kafka</c> (Amazon MSK) or <c>SelfManagedKafka</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>Gets or sets the ARN of the MSK cluster (absent for a self-managed cluster).</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceARN { get; set; }

    /// <summary>Gets or sets the brokers, comma-separated <c>host:port</c>.</summary>
    [JsonPropertyName("bootstrapServers")]
    public string? BootstrapServers { get; set; }

    /// <summary>Gets or sets the records by <c>topic-partition</c>, each list in offset order, the groups in the order received.</summary>
    [JsonPropertyName("records")]
    public Dictionary<string, List<KafkaEventRecord>>? Records { get; set; }

    /// <summary>Enumerates every record of every <c>topic-partition</c> group, in the order received.</summary>
    /// <returns>The records.</returns>
    public IEnumerable<KafkaEventRecord> AllRecords()
    {
        foreach (var group in Records ?? [])
        {
            foreach (var record in group.Value ?? [])
            {
                yield return record;
            }
        }
    }

    /// <summary>One Kafka record.</summary>
    public sealed class KafkaEventRecord
    {
        /// <summary>Gets or sets the topic.</summary>
        [JsonPropertyName("topic")]
        public string? Topic { get; set; }

        /// <summary>Gets or sets the partition.</summary>
        [JsonPropertyName("partition")]
        public int Partition { get; set; }

        /// <summary>Gets or sets the offset in the partition.</summary>
        [JsonPropertyName("offset")]
        public long Offset { get; set; }

        /// <summary>Gets or sets the record timestamp, in milliseconds since the Unix epoch.</summary>
        [JsonPropertyName("timestamp")]
        public long Timestamp { get; set; }

        /// <summary>Gets or sets <c>CREATE_TIME</c> or <c>LOG_APPEND_TIME</c>.</summary>
        [JsonPropertyName("timestampType")]
        public string? TimestampType { get; set; }

        /// <summary>Gets or sets the key, base64 as received (absent for a record without a key); see <see cref="DecodeKey"/>.</summary>
        [JsonPropertyName("key")]
        public string? Key { get; set; }

        /// <summary>Gets or sets the value, base64 as received; see <see cref="DecodeValue"/> and <see cref="DecodeValueText"/>.</summary>
        [JsonPropertyName("value")]
        public string? Value { get; set; }

        /// <summary>
        /// Gets or sets the headers: a list of one-entry maps from header name to its bytes (on the wire, an array of byte values,
        /// written back as received: Java's signed bytes, -128 to 127).
        /// </summary>
        [JsonPropertyName("headers")]
        [JsonConverter(typeof(KafkaHeadersConverter))]
        public List<Dictionary<string, byte[]>>? Headers { get; set; }

        /// <summary>Decodes <see cref="Key"/> from base64.</summary>
        /// <returns>The key bytes, or <see langword="null"/> when the record has no key.</returns>
        /// <exception cref="FormatException">The key is not valid base64.</exception>
        public byte[]? DecodeKey() => Key is null ? null : Convert.FromBase64String(Key);

        /// <summary>Decodes <see cref="Value"/> from base64.</summary>
        /// <returns>The value bytes, or <see langword="null"/> when the record has no value (a tombstone).</returns>
        /// <exception cref="FormatException">The value is not valid base64.</exception>
        public byte[]? DecodeValue() => Value is null ? null : Convert.FromBase64String(Value);

        /// <summary>Decodes <see cref="Value"/> from base64 and reads it as UTF-8 text.</summary>
        /// <returns>The text, or <see langword="null"/> when the record has no value.</returns>
        /// <exception cref="FormatException">The value is not valid base64.</exception>
        public string? DecodeValueText() => DecodeValue() is { } bytes ? Encoding.UTF8.GetString(bytes) : null;

        /// <summary>Finds the first header named <paramref name="name"/> (ordinal comparison).</summary>
        /// <param name="name">The header name.</param>
        /// <returns>Its bytes, or <see langword="null"/> when there is no such header.</returns>
        public byte[]? GetHeader(string name)
        {
            foreach (var header in Headers ?? [])
            {
                if (header is not null && header.TryGetValue(name, out var value))
                {
                    return value;
                }
            }

            return null;
        }
    }
}
