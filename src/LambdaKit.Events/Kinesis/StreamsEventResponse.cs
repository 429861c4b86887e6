using System.Text.Json.Serialization;

namespace LambdaKit.Events.Kinesis;

/// <summary>
/// The partial batch response of a function that processes a Kinesis or DynamoDB stream (with
/// <c>ReportBatchItemFailures</c> enabled): processing resumes from the lowest sequence number listed.
/// Mirrors <c>Amazon.Lambda.KinesisEvents.StreamsEventResponse</c> (and the DynamoDB one of the same name).
/// </summary>
public sealed class StreamsEventResponse
{
    /// <summary>Gets or sets the records that failed; empty when the whole batch succeeded.</summary>
    [JsonPropertyName("batchItemFailures")]
    public IList<BatchItemFailure> BatchItemFailures { get; set; } = [];

    /// <summary>
    /// Gets or sets the state of a tumbling window, handed to the next invocation of the same window as the event's
    /// <c>state</c> (any JSON values); <see langword="null"/> (not written) outside tumbling windows.
    /// </summary>
    [JsonPropertyName("state")]
    public Dictionary<string, System.Text.Json.JsonElement>? State { get; set; }

    /// <summary>A record that failed.</summary>
    public sealed class BatchItemFailure
    {
        /// <summary>Gets or sets the sequence number of the record that failed.</summary>
        [JsonPropertyName("itemIdentifier")]
        public string? ItemIdentifier { get; set; }
    }
}
