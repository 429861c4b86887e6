using System.Text.Json.Serialization;

namespace LambdaKit.Events.S3;

/// <summary>
/// An S3 Batch Operations task invocation (schema 1.0 or 2.0); answer with an <see cref="S3BatchJobResponse"/>.
/// Mirrors <c>Amazon.Lambda.S3Events.S3BatchJobEvent</c>.
/// </summary>
public sealed class S3BatchJobEvent
{
    /// <summary>Gets or sets the schema version, <c>1.0</c> or <c>2.0</c>.</summary>
    [JsonPropertyName("invocationSchemaVersion")]
    public string? InvocationSchemaVersion { get; set; }

    /// <summary>Gets or sets the invocation identifier, to return in the response.</summary>
    [JsonPropertyName("invocationId")]
    public string? InvocationId { get; set; }

    /// <summary>Gets or sets the job.</summary>
    [JsonPropertyName("job")]
    public S3BatchJob? Job { get; set; }

    /// <summary>Gets or sets the tasks (one object each).</summary>
    [JsonPropertyName("tasks")]
    public List<S3BatchJobTask> Tasks { get; set; } = [];

    /// <summary>The job of a task.</summary>
    public sealed class S3BatchJob
    {
        /// <summary>Gets or sets the job identifier.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>Gets or sets the user arguments of the job (schema 2.0).</summary>
        [JsonPropertyName("userArguments")]
        public Dictionary<string, string>? UserArguments { get; set; }
    }

    /// <summary>One task: an object to work on.</summary>
    public sealed class S3BatchJobTask
    {
        /// <summary>Gets or sets the task identifier, to return in the response.</summary>
        [JsonPropertyName("taskId")]
        public string? TaskId { get; set; }

        /// <summary>Gets or sets the object key (URL-encoded in schema 1.0).</summary>
        [JsonPropertyName("s3Key")]
        public string? S3Key { get; set; }

        /// <summary>Gets or sets the object version (JSON null, written back as null, when the bucket is not versioned).</summary>
        [JsonPropertyName("s3VersionId")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? S3VersionId { get; set; }

        /// <summary>Gets or sets the bucket name (schema 2.0).</summary>
        [JsonPropertyName("s3Bucket")]
        public string? S3Bucket { get; set; }

        /// <summary>Gets or sets the bucket ARN (schema 1.0).</summary>
        [JsonPropertyName("s3BucketArn")]
        public string? S3BucketArn { get; set; }
    }
}
