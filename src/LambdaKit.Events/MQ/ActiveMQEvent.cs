using System.Text;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.MQ;

/// <summary>
/// A batch of messages from an Amazon MQ for ActiveMQ broker (<c>aws:mq</c>); message data is base64 as received and
/// decoded on demand (<see cref="ActiveMQMessage.DecodeData"/>). Mirrors <c>Amazon.Lambda.MQEvents.ActiveMQEvent</c>.
/// </summary>
public sealed class ActiveMQEvent
{
    /// <summary>Gets or sets <c>aws:mq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>Gets or sets the ARN of the broker.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>Gets or sets the messages, in the order received.</summary>
    [JsonPropertyName("messages")]
    public List<ActiveMQMessage> Messages { get; set; } = [];

    /// <summary>One ActiveMQ message.</summary>
    public sealed class ActiveMQMessage
    {
        /// <summary>Gets or sets the JMS message identifier (JSON <c>messageID</c>).</summary>
        [JsonPropertyName("messageID")]
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the JMS message type, for example <c>jms/text-message</c> or <c>jms/bytes-message</c>.</summary>
        [JsonPropertyName("messageType")]
        public string? MessageType { get; set; }

        /// <summary>Gets or sets the message body, base64 as received; see <see cref="DecodeData"/>.</summary>
        [JsonPropertyName("data")]
        public string? Data { get; set; }

        /// <summary>Gets or sets the connection identifier, when sent.</summary>
        [JsonPropertyName("connectionId")]
        public string? ConnectionId { get; set; }

        /// <summary>Gets or sets whether the broker delivered the message before.</summary>
        [JsonPropertyName("redelivered")]
        public bool? Redelivered { get; set; }

        /// <summary>Gets or sets whether the message is persistent, when sent.</summary>
        [JsonPropertyName("persistent")]
        public bool? Persistent { get; set; }

        /// <summary>Gets or sets the JMS delivery mode (1 non-persistent, 2 persistent).</summary>
        [JsonPropertyName("deliveryMode")]
        public int? DeliveryMode { get; set; }

        /// <summary>Gets or sets the JMS correlation identifier (JSON <c>correlationID</c>).</summary>
        [JsonPropertyName("correlationID")]
        public string? CorrelationId { get; set; }

        /// <summary>Gets or sets the reply-to destination, as text.</summary>
        [JsonPropertyName("replyTo")]
        public string? ReplyTo { get; set; }

        /// <summary>Gets or sets the JMS type.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets the expiration, in milliseconds since the Unix epoch (0: never).</summary>
        [JsonPropertyName("expiration")]
        public long? Expiration { get; set; }

        /// <summary>Gets or sets the JMS priority.</summary>
        [JsonPropertyName("priority")]
        public int? Priority { get; set; }

        /// <summary>Gets or sets the queue the message came from.</summary>
        [JsonPropertyName("destination")]
        public Destination? Destination { get; set; }

        /// <summary>Gets or sets when the message was sent, in milliseconds since the Unix epoch.</summary>
        [JsonPropertyName("timestamp")]
        public long? Timestamp { get; set; }

        /// <summary>Gets or sets when the broker received the message, in milliseconds since the Unix epoch.</summary>
        [JsonPropertyName("brokerInTime")]
        public long? BrokerInTime { get; set; }

        /// <summary>Gets or sets when the broker dispatched the message, in milliseconds since the Unix epoch.</summary>
        [JsonPropertyName("brokerOutTime")]
        public long? BrokerOutTime { get; set; }

        /// <summary>Gets or sets the custom properties.</summary>
        [JsonPropertyName("properties")]
        public Dictionary<string, string>? Properties { get; set; }

        /// <summary>Decodes <see cref="Data"/> from base64 (empty when there is none).</summary>
        /// <exception cref="FormatException">The data is not valid base64.</exception>
        public byte[] DecodeDataBytes() => string.IsNullOrEmpty(Data) ? [] : Convert.FromBase64String(Data);

        /// <summary>Decodes <see cref="Data"/> from base64 and reads it as UTF-8 text.</summary>
        /// <exception cref="FormatException">The data is not valid base64.</exception>
        public string DecodeData() => Encoding.UTF8.GetString(DecodeDataBytes());
    }

    /// <summary>The destination of an ActiveMQ message.</summary>
    public sealed class Destination
    {
        /// <summary>Gets or sets the queue name.</summary>
        [JsonPropertyName("physicalName")]
        public string? PhysicalName { get; set; }
    }
}
