using System.Text.Json.Serialization;

namespace LambdaKit.Events.SimpleEmail;

/// <summary>
/// An Amazon SES email receiving event: SES received an email and a receipt rule invoked the function (or published it to
/// an SNS topic). Corresponds to <c>Amazon.Lambda.SimpleEmailEvents.SimpleEmailEvent&lt;TReceiptAction&gt;</c>, with one
/// <see cref="SimpleEmailReceiptAction"/> type for every kind of receipt action instead of a type parameter.
/// </summary>
public sealed class SimpleEmailEvent
{
    /// <summary>Gets or sets the records (SES sends one per invocation).</summary>
    [JsonPropertyName("Records")]
    public IList<SimpleEmailRecord> Records { get; set; } = [];

    /// <summary>One SES receiving record.</summary>
    public sealed class SimpleEmailRecord
    {
        /// <summary>Gets or sets the version of the event structure, for example <c>1.0</c>.</summary>
        [JsonPropertyName("eventVersion")]
        public string? EventVersion { get; set; }

        /// <summary>Gets or sets the event source, <c>aws:ses</c>.</summary>
        [JsonPropertyName("eventSource")]
        public string? EventSource { get; set; }

        /// <summary>Gets or sets the email and what SES made of it.</summary>
        [JsonPropertyName("ses")]
        public SimpleEmailService? Ses { get; set; }
    }

    /// <summary>The <c>ses</c> member of a record: the email and its receipt.</summary>
    public sealed class SimpleEmailService
    {
        /// <summary>Gets or sets what SES made of the email: verdicts, recipients, the action taken.</summary>
        [JsonPropertyName("receipt")]
        public SimpleEmailReceipt? Receipt { get; set; }

        /// <summary>Gets or sets the email: envelope and headers (the content is not included).</summary>
        [JsonPropertyName("mail")]
        public SimpleEmailMessage? Mail { get; set; }
    }

    /// <summary>What SES made of a received email.</summary>
    public sealed class SimpleEmailReceipt
    {
        /// <summary>Gets or sets when the action was triggered (UTC).</summary>
        [JsonPropertyName("timestamp")]
        public DateTime Timestamp { get; set; }

        /// <summary>Gets or sets how long SES took to process the email, in milliseconds.</summary>
        [JsonPropertyName("processingTimeMillis")]
        public long ProcessingTimeMillis { get; set; }

        /// <summary>Gets or sets the recipients the receipt rule matched.</summary>
        [JsonPropertyName("recipients")]
        public IList<string>? Recipients { get; set; }

        /// <summary>Gets or sets whether the email is spam.</summary>
        [JsonPropertyName("spamVerdict")]
        public SimpleEmailVerdict? SpamVerdict { get; set; }

        /// <summary>Gets or sets whether the email carries a virus.</summary>
        [JsonPropertyName("virusVerdict")]
        public SimpleEmailVerdict? VirusVerdict { get; set; }

        /// <summary>Gets or sets the result of the SPF check.</summary>
        [JsonPropertyName("spfVerdict")]
        public SimpleEmailVerdict? SPFVerdict { get; set; }

        /// <summary>Gets or sets the result of the DKIM check.</summary>
        [JsonPropertyName("dkimVerdict")]
        public SimpleEmailVerdict? DKIMVerdict { get; set; }

        /// <summary>Gets or sets the result of the DMARC check.</summary>
        [JsonPropertyName("dmarcVerdict")]
        public SimpleEmailVerdict? DMARCVerdict { get; set; }

        /// <summary>Gets or sets the DMARC policy of the sending domain (<c>none</c>, <c>quarantine</c> or <c>reject</c>), when the DMARC check failed.</summary>
        [JsonPropertyName("dmarcPolicy")]
        public string? DMARCPolicy { get; set; }

        /// <summary>Gets or sets the receipt rule action that was taken.</summary>
        [JsonPropertyName("action")]
        public SimpleEmailReceiptAction? Action { get; set; }
    }

    /// <summary>The result of one check SES ran on a received email.</summary>
    public sealed class SimpleEmailVerdict
    {
        /// <summary>Gets or sets the status: <c>PASS</c>, <c>FAIL</c>, <c>GRAY</c> or <c>PROCESSING_FAILED</c>.</summary>
        [JsonPropertyName("status")]
        public string? Status { get; set; }
    }

    /// <summary>
    /// A receipt rule action. <see cref="Type"/> says which: <c>Lambda</c> (with <see cref="FunctionArn"/> and
    /// <see cref="InvocationType"/>), <c>SNS</c> (with <see cref="TopicArn"/> and <see cref="Encoding"/>) or <c>S3</c>
    /// (with <see cref="BucketName"/>, <see cref="ObjectKey"/> and <see cref="ObjectKeyPrefix"/>).
    /// </summary>
    public sealed class SimpleEmailReceiptAction
    {
        /// <summary>Gets or sets the kind of action: <c>Lambda</c>, <c>SNS</c> or <c>S3</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets the ARN of the function invoked (<c>Lambda</c> actions).</summary>
        [JsonPropertyName("functionArn")]
        public string? FunctionArn { get; set; }

        /// <summary>Gets or sets how the function was invoked, <c>Event</c> or <c>RequestResponse</c> (<c>Lambda</c> actions).</summary>
        [JsonPropertyName("invocationType")]
        public string? InvocationType { get; set; }

        /// <summary>Gets or sets the ARN of the SNS topic notified (<c>SNS</c> actions, and <c>S3</c> actions that notify a topic).</summary>
        [JsonPropertyName("topicArn")]
        public string? TopicArn { get; set; }

        /// <summary>Gets or sets the encoding of the email in the notification, <c>UTF-8</c> or <c>BASE64</c> (<c>SNS</c> actions).</summary>
        [JsonPropertyName("encoding")]
        public string? Encoding { get; set; }

        /// <summary>Gets or sets the bucket the email was stored in (<c>S3</c> actions).</summary>
        [JsonPropertyName("bucketName")]
        public string? BucketName { get; set; }

        /// <summary>Gets or sets the key the email was stored under (<c>S3</c> actions).</summary>
        [JsonPropertyName("objectKey")]
        public string? ObjectKey { get; set; }

        /// <summary>Gets or sets the key prefix of the action (<c>S3</c> actions).</summary>
        [JsonPropertyName("objectKeyPrefix")]
        public string? ObjectKeyPrefix { get; set; }

        /// <summary>Gets or sets the ARN of the KMS key the email was encrypted with (<c>S3</c> actions).</summary>
        [JsonPropertyName("kmsKeyArn")]
        public string? KmsKeyArn { get; set; }
    }

    /// <summary>A received email: its envelope and headers.</summary>
    public sealed class SimpleEmailMessage
    {
        /// <summary>Gets or sets when the email was received (UTC).</summary>
        [JsonPropertyName("timestamp")]
        public DateTime Timestamp { get; set; }

        /// <summary>Gets or sets the envelope sender (<c>MAIL FROM</c>).</summary>
        [JsonPropertyName("source")]
        public string? Source { get; set; }

        /// <summary>Gets or sets the identifier SES gave the email.</summary>
        [JsonPropertyName("messageId")]
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the envelope recipients (<c>RCPT TO</c>).</summary>
        [JsonPropertyName("destination")]
        public IList<string>? Destination { get; set; }

        /// <summary>Gets or sets a value indicating whether the headers were truncated.</summary>
        [JsonPropertyName("headersTruncated")]
        public bool HeadersTruncated { get; set; }

        /// <summary>Gets or sets the headers of the email, in order.</summary>
        [JsonPropertyName("headers")]
        public IList<SimpleEmailHeader>? Headers { get; set; }

        /// <summary>Gets or sets the common headers, parsed.</summary>
        [JsonPropertyName("commonHeaders")]
        public SimpleEmailCommonHeaders? CommonHeaders { get; set; }
    }

    /// <summary>A header of a received email.</summary>
    public sealed class SimpleEmailHeader
    {
        /// <summary>Gets or sets the header name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the header value.</summary>
        [JsonPropertyName("value")]
        public string? Value { get; set; }
    }

    /// <summary>The common headers of a received email.</summary>
    public sealed class SimpleEmailCommonHeaders
    {
        /// <summary>Gets or sets the <c>Return-Path</c> header.</summary>
        [JsonPropertyName("returnPath")]
        public string? ReturnPath { get; set; }

        /// <summary>Gets or sets the addresses of the <c>From</c> header.</summary>
        [JsonPropertyName("from")]
        public IList<string>? From { get; set; }

        /// <summary>Gets or sets the <c>Sender</c> header.</summary>
        [JsonPropertyName("sender")]
        public string? Sender { get; set; }

        /// <summary>Gets or sets the addresses of the <c>Reply-To</c> header.</summary>
        [JsonPropertyName("replyTo")]
        public IList<string>? ReplyTo { get; set; }

        /// <summary>Gets or sets the <c>Date</c> header, as sent.</summary>
        [JsonPropertyName("date")]
        public string? Date { get; set; }

        /// <summary>Gets or sets the addresses of the <c>To</c> header.</summary>
        [JsonPropertyName("to")]
        public IList<string>? To { get; set; }

        /// <summary>Gets or sets the addresses of the <c>Cc</c> header.</summary>
        [JsonPropertyName("cc")]
        public IList<string>? Cc { get; set; }

        /// <summary>Gets or sets the addresses of the <c>Bcc</c> header.</summary>
        [JsonPropertyName("bcc")]
        public IList<string>? Bcc { get; set; }

        /// <summary>Gets or sets the <c>Message-ID</c> header.</summary>
        [JsonPropertyName("messageId")]
        public string? MessageId { get; set; }

        /// <summary>Gets or sets the <c>Subject</c> header.</summary>
        [JsonPropertyName("subject")]
        public string? Subject { get; set; }
    }
}
