using System.Text.Json.Serialization;

namespace LambdaKit.Events.CloudWatchLogs;

/// <summary>
/// The decoded content of a CloudWatch Logs subscription event (<see cref="CloudWatchLogsEvent.Log.Decode"/>): where the
/// log events come from and the log events themselves.
/// </summary>
public sealed class CloudWatchLogsData
{
    /// <summary>Gets or sets <c>DATA_MESSAGE</c> for log data, or <c>CONTROL_MESSAGE</c> for the check CloudWatch Logs sends when a subscription is created.</summary>
    [JsonPropertyName("messageType")]
    public string? MessageType { get; set; }

    /// <summary>Gets or sets the AWS account that owns the log group.</summary>
    [JsonPropertyName("owner")]
    public string? Owner { get; set; }

    /// <summary>Gets or sets the log group name.</summary>
    [JsonPropertyName("logGroup")]
    public string? LogGroup { get; set; }

    /// <summary>Gets or sets the log stream name.</summary>
    [JsonPropertyName("logStream")]
    public string? LogStream { get; set; }

    /// <summary>Gets or sets the names of the subscription filters that matched.</summary>
    [JsonPropertyName("subscriptionFilters")]
    public List<string>? SubscriptionFilters { get; set; }

    /// <summary>Gets or sets the log events, in order.</summary>
    [JsonPropertyName("logEvents")]
    public List<CloudWatchLogEvent> LogEvents { get; set; } = [];

    /// <summary>Gets or sets the policy level of the subscription filter (<c>ACCOUNT_LEVEL_POLICY</c>), when sent.</summary>
    [JsonPropertyName("policyLevel")]
    public string? PolicyLevel { get; set; }

    /// <summary>One log event.</summary>
    public sealed class CloudWatchLogEvent
    {
        /// <summary>Gets or sets the log event identifier.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>Gets or sets when the event was logged, in milliseconds since the Unix epoch.</summary>
        [JsonPropertyName("timestamp")]
        public long Timestamp { get; set; }

        /// <summary>Gets or sets the log message.</summary>
        [JsonPropertyName("message")]
        public string? Message { get; set; }
    }
}
