using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.CodePipeline;

/// <summary>
/// An AWS CodePipeline job for a Lambda invoke action (JSON <c>CodePipeline.job</c>); the function reports the outcome with
/// <c>PutJobSuccessResult</c> or <c>PutJobFailureResult</c>, not in its answer.
/// </summary>
public sealed class CodePipelineJobEvent
{
    /// <summary>Gets or sets the job (JSON <c>CodePipeline.job</c>).</summary>
    [JsonPropertyName("CodePipeline.job")]
    public CodePipelineJob? Job { get; set; }

    /// <summary>A CodePipeline job.</summary>
    public sealed class CodePipelineJob
    {
        /// <summary>Gets or sets the job identifier, to report the outcome with.</summary>
        [JsonPropertyName("id")]
        public string? Id { get; set; }

        /// <summary>Gets or sets the AWS account of the pipeline.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; set; }

        /// <summary>Gets or sets the job data.</summary>
        [JsonPropertyName("data")]
        public CodePipelineJobData? Data { get; set; }
    }

    /// <summary>The data of a job.</summary>
    public sealed class CodePipelineJobData
    {
        /// <summary>Gets or sets the action configuration (<c>configuration.FunctionName</c>, <c>configuration.UserParameters</c>).</summary>
        [JsonPropertyName("actionConfiguration")]
        public ActionConfiguration? ActionConfiguration { get; set; }

        /// <summary>Gets or sets the input artifacts.</summary>
        [JsonPropertyName("inputArtifacts")]
        public List<Artifact>? InputArtifacts { get; set; }

        /// <summary>Gets or sets the output artifacts.</summary>
        [JsonPropertyName("outputArtifacts")]
        public List<Artifact>? OutputArtifacts { get; set; }

        /// <summary>Gets or sets the temporary credentials for the artifact store.</summary>
        [JsonPropertyName("artifactCredentials")]
        public ArtifactCredentials? ArtifactCredentials { get; set; }

        /// <summary>Gets or sets the continuation token of a job that asked to be continued.</summary>
        [JsonPropertyName("continuationToken")]
        public string? ContinuationToken { get; set; }

        /// <summary>Gets or sets the encryption key of the artifact store, kept as received.</summary>
        [JsonPropertyName("encryptionKey")]
        public JsonElement? EncryptionKey { get; set; }
    }

    /// <summary>The configuration of the action.</summary>
    public sealed class ActionConfiguration
    {
        /// <summary>Gets or sets the configuration values (<c>FunctionName</c>, <c>UserParameters</c>).</summary>
        [JsonPropertyName("configuration")]
        public Dictionary<string, string>? Configuration { get; set; }
    }

    /// <summary>An input or output artifact.</summary>
    public sealed class Artifact
    {
        /// <summary>Gets or sets the artifact name.</summary>
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        /// <summary>Gets or sets the revision (JSON null when there is none, written back as null).</summary>
        [JsonPropertyName("revision")]
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public string? Revision { get; set; }

        /// <summary>Gets or sets where the artifact is.</summary>
        [JsonPropertyName("location")]
        public ArtifactLocation? Location { get; set; }
    }

    /// <summary>Where an artifact is.</summary>
    public sealed class ArtifactLocation
    {
        /// <summary>Gets or sets the location type, <c>S3</c>.</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets the S3 location.</summary>
        [JsonPropertyName("s3Location")]
        public S3Location? S3Location { get; set; }
    }

    /// <summary>An S3 location of an artifact.</summary>
    public sealed class S3Location
    {
        /// <summary>Gets or sets the bucket.</summary>
        [JsonPropertyName("bucketName")]
        public string? BucketName { get; set; }

        /// <summary>Gets or sets the object key.</summary>
        [JsonPropertyName("objectKey")]
        public string? ObjectKey { get; set; }
    }

    /// <summary>Temporary credentials for the artifact store.</summary>
    public sealed class ArtifactCredentials
    {
        /// <summary>Gets or sets the access key.</summary>
        [JsonPropertyName("accessKeyId")]
        public string? AccessKeyId { get; set; }

        /// <summary>Gets or sets the secret key.</summary>
        [JsonPropertyName("secretAccessKey")]
        public string? SecretAccessKey { get; set; }

        /// <summary>Gets or sets the session token.</summary>
        [JsonPropertyName("sessionToken")]
        public string? SessionToken { get; set; }

        /// <summary>Gets or sets when the credentials expire, in milliseconds since the Unix epoch, when sent.</summary>
        [JsonPropertyName("expirationTime")]
        public long? ExpirationTime { get; set; }
    }
}
