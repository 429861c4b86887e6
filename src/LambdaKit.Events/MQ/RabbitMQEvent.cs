using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.MQ;

/// <summary>
/// A batch of messages from an Amazon MQ for RabbitMQ broker (<c>aws:rmq</c>), grouped by queue
/// (<c>"queue::virtual-host"</c>); message data is base64 as received and decoded on demand
/// (<see cref="RabbitMQMessage.DecodeData"/>). Mirrors <c>Amazon.Lambda.MQEvents.RabbitMQEvent</c>.
/// </summary>
public sealed class RabbitMQEvent
{
    /// <summary>Gets or sets <c>aws:rmq</c>.</summary>
    [JsonPropertyName("eventSource")]
    public string? EventSource { get; set; }

    /// <summary>Gets or sets the ARN of the broker.</summary>
    [JsonPropertyName("eventSourceArn")]
    public string? EventSourceArn { get; set; }

    /// <summary>Gets or sets the messages by queue (<c>"queue::virtual-host"</c>), in the order received.</summary>
    [JsonPropertyName("rmqMessagesByQueue")]
    public Dictionary<string, List<RabbitMQMessage>>? RmqMessagesByQueue { get; set; }

    /// <summary>One RabbitMQ message.</summary>
    public sealed class RabbitMQMessage
    {
        /// <summary>Gets or sets the AMQP properties of the message.</summary>
        [JsonPropertyName("basicProperties")]
        public BasicProperties? BasicProperties { get; set; }

        /// <summary>Gets or sets whether the broker delivered the message before.</summary>
        [JsonPropertyName("redelivered")]
        public bool? Redelivered { get; set; }

        /// <summary>Gets or sets the message body, base64 as received; see <see cref="DecodeData"/>.</summary>
        [JsonPropertyName("data")]
        public string? Data { get; set; }

        /// <summary>Decodes <see cref="Data"/> from base64 (empty when there is none).</summary>
        /// <exception cref="FormatException">The data is not valid base64.</exception>
        public byte[] DecodeDataBytes() => string.IsNullOrEmpty(Data) ? [] : Convert.FromBase64String(Data);

        /// <summary>Decodes <see cref="Data"/> from base64 and reads it as UTF-8 text.</summary>
        /// <exception cref="FormatException">The data is not valid base64.</exception>
        public string DecodeData() => Encoding.UTF8.GetString(DecodeDataBytes());
    }

    /// <summary>
    /// The AMQP properties of a RabbitMQ message. Lambda sends every member, <see langword="null"/> when unset; they are
    /// written back the same way.
    /// </summary>
    public sealed class BasicProperties
    {
        /// <summary>Gets or sets the content type.</summary>
        [JsonPropertyName("contentType")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? ContentType { get; set; }

        /// <summary>Gets or sets the content encoding.</summary>
        [JsonPropertyName("contentEncoding")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? ContentEncoding { get; set; }

        /// <summary>
        /// Gets or sets the headers, any JSON value each (a string header arrives as <c>{"bytes":[…]}</c>, a number as a number).
        /// </summary>
        [JsonPropertyName("headers")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public Dictionary<string, JsonElement>? Headers { get; set; }

        /// <summary>Gets or sets the delivery mode (1 non-persistent, 2 persistent).</summary>
        [JsonPropertyName("deliveryMode")]
        public int DeliveryMode { get; set; }

        /// <summary>Gets or sets the priority.</summary>
        [JsonPropertyName("priority")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public int? Priority { get; set; }

        /// <summary>Gets or sets the correlation identifier.</summary>
        [JsonPropertyName("correlationId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? CorrelationId { get; set; }

        /// <summary>Gets or sets the reply-to queue.</summary>
        [JsonPropertyName("replyTo")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? ReplyTo { get; set; }

        /// <summary>Gets or sets the expiration, as text (milliseconds).</summary>
        [JsonPropertyName("expiration")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? Expiration { get; set; }

        /// <summary>Gets or sets the message identifier.</summary>
        [JsonPropertyName("messageId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the timestamp, as text in the broker's format.</summary>
        [JsonPropertyName("timestamp")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? Timestamp { get; set; }

        /// <summary>Gets or sets the message type.</summary>
        [JsonPropertyName("type")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? Type { get; set; }

        /// <summary>Gets or sets the user identifier.</summary>
        [JsonPropertyName("userId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? UserId { get; set; }

        /// <summary>Gets or sets the application identifier.</summary>
        [JsonPropertyName("appId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? AppId { get; set; }

        /// <summary>Gets or sets the cluster identifier.</summary>
        [JsonPropertyName("clusterId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? ClusterId { get; set; }

        /// <summary>Gets or sets the size of the body, in bytes.</summary>
        [JsonPropertyName("bodySize")]
        public int BodySize { get; set; }
    }
}
