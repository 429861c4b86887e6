using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using LambdaKit.Events.Serialization;

namespace LambdaKit.Events.SNS;

/// <summary>
/// A batch of Amazon SNS notifications delivered to a function. Mirrors <c>Amazon.Lambda.SNSEvents.SNSEvent</c>.
/// </summary>
public sealed class SNSEvent
{
    /// <summary>Gets or sets the notification records (SNS delivers one per invocation).</summary>
    [JsonPropertyName("Records")]
    public IList<SNSRecord> Records { get; set; } = [];

    /// <summary>One SNS notification record.</summary>
    public sealed class SNSRecord
    {
        /// <summary>Gets or sets the event source, <c>aws:sns</c>.</summary>
        [JsonPropertyName("EventSource")]
        public string? EventSource { get; set; }

        /// <summary>Gets or sets the version of the event structure, for example <c>1.0</c>.</summary>
        [JsonPropertyName("EventVersion")]
        public string? EventVersion { get; set; }

        /// <summary>Gets or sets the ARN of the subscription that delivered the notification.</summary>
        [JsonPropertyName("EventSubscriptionArn")]
        public string? EventSubscriptionArn { get; set; }

        /// <summary>Gets or sets the notification.</summary>
        [JsonPropertyName("Sns")]
        public SNSMessage? Sns { get; set; }
    }

    /// <summary>
    /// An SNS notification. It reads both spellings AWS uses for two of its members — <c>SigningCertUrl</c> and
    /// <c>UnsubscribeUrl</c> in Lambda events, <c>SigningCertURL</c> and <c>UnsubscribeURL</c> in notifications
    /// delivered over HTTP or to SQS queues — and writes each back with the spelling it was read with
    /// (the Lambda spelling for a message built in code).
    /// </summary>
    [JsonConverter(typeof(SNSMessageConverter))]
    public sealed class SNSMessage
    {
        /// <summary>Gets or sets the message type, <c>Notification</c> for a published message.</summary>
        public string? Type { get; set; }

        /// <summary>Gets or sets the message identifier assigned by SNS.</summary>
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the ARN of the topic the message was published to.</summary>
        public string? TopicArn { get; set; }

        /// <summary>Gets or sets the subject given when the message was published, if any.</summary>
        public string? Subject { get; set; }

        /// <summary>Gets or sets the message body.</summary>
        public string? Message { get; set; }

        /// <summary>Gets or sets when the message was published (UTC); omitted from written JSON when it is the default value.</summary>
        public DateTime Timestamp { get; set; }

        /// <summary>Gets or sets the version of the signature.</summary>
        public string? SignatureVersion { get; set; }

        /// <summary>Gets or sets the base64 signature of the message.</summary>
        public string? Signature { get; set; }

        /// <summary>Gets or sets the URL of the certificate used to sign the message (<c>SigningCertUrl</c> or <c>SigningCertURL</c> in JSON).</summary>
        public string? SigningCertUrl { get; set; }

        /// <summary>Gets or sets the URL that unsubscribes the endpoint from the topic (<c>UnsubscribeUrl</c> or <c>UnsubscribeURL</c> in JSON).</summary>
        public string? UnsubscribeUrl { get; set; }

        /// <summary>Gets or sets the message attributes set by the publisher.</summary>
        public IDictionary<string, MessageAttribute>? MessageAttributes { get; set; }

        /// <summary>Gets or sets a value indicating whether the signing certificate URL is written as <c>SigningCertURL</c>.</summary>
        internal bool SigningCertUrlUpperCase { get; set; }

        /// <summary>Gets or sets a value indicating whether the unsubscribe URL is written as <c>UnsubscribeURL</c>.</summary>
        internal bool UnsubscribeUrlUpperCase { get; set; }
    }

    /// <summary>A message attribute of an SNS notification.</summary>
    [SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Name mirrors the Amazon.Lambda.*Events packages so that handlers port by a change of using.")]
    public sealed class MessageAttribute
    {
        /// <summary>Gets or sets the data type: <c>String</c>, <c>String.Array</c>, <c>Number</c> or <c>Binary</c>.</summary>
        public string? Type { get; set; }

        /// <summary>Gets or sets the value (base64 for a <c>Binary</c> attribute).</summary>
        public string? Value { get; set; }
    }
}
