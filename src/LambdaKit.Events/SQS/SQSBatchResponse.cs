using System.Text.Json.Serialization;

namespace LambdaKit.Events.SQS;

/// <summary>
/// The partial batch response of a function that processes SQS messages (with <c>ReportBatchItemFailures</c> enabled):
/// the messages listed are made visible again, the others are deleted. Mirrors <c>Amazon.Lambda.SQSEvents.SQSBatchResponse</c>.
/// </summary>
public sealed class SQSBatchResponse
{
    /// <summary>Initializes a new response with no failures.</summary>
    public SQSBatchResponse()
        : this([])
    {
    }

    /// <summary>Initializes a new response with the given failures.</summary>
    /// <param name="batchItemFailures">The messages that failed.</param>
    public SQSBatchResponse(List<BatchItemFailure> batchItemFailures)
    {
        BatchItemFailures = batchItemFailures;
    }

    /// <summary>Gets or sets the messages that failed and are to be retried.</summary>
    [JsonPropertyName("batchItemFailures")]
    public List<BatchItemFailure> BatchItemFailures { get; set; }

    /// <summary>A message that failed.</summary>
    public sealed class BatchItemFailure
    {
        /// <summary>Gets or sets the <see cref="SQSEvent.SQSMessage.MessageId"/> of the message that failed.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; set; }
    }
}
