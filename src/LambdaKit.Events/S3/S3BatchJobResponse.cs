using System.Text.Json.Serialization;

namespace LambdaKit.Events.S3;

/// <summary>The answer to an <see cref="S3BatchJobEvent"/>. Mirrors <c>Amazon.Lambda.S3Events.S3BatchJobResponse</c>.</summary>
public sealed class S3BatchJobResponse
{
    /// <summary>Gets or sets the schema version of the answer, <c>1.0</c>.</summary>
    [JsonPropertyName("invocationSchemaVersion")]
    public string? InvocationSchemaVersion { get; set; }

    /// <summary>Gets or sets what a task missing from <see cref="Results"/> counts as: <c>Succeeded</c>, <c>TemporaryFailure</c> or <c>PermanentFailure</c>.</summary>
    [JsonPropertyName("treatMissingKeysAs")]
    public string? TreatMissingKeysAs { get; set; }

    /// <summary>Gets or sets the invocation identifier of the event.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>Gets or sets the result of each task.</summary>
    [JsonPropertyName("results")]
    public List<S3BatchJobResult> Results { get; set; } = [];

    /// <summary>The result of one task.</summary>
    public sealed class S3BatchJobResult
    {
        /// <summary>Gets or sets the task identifier.</summary>
        [JsonPropertyName("taskId")]
        public string? TaskId { get; set; }

        /// <summary>Gets or sets <c>Succeeded</c>, <c>TemporaryFailure</c> or <c>PermanentFailure</c>.</summary>
        [JsonPropertyName("resultCode")]
        public string? ResultCode { get; set; }

        /// <summary>Gets or sets a text that goes to the completion report.</summary>
        [JsonPropertyName("resultString")]
        public string? ResultString { get; set; }
    }
}
