using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.S3;

/// <summary>
/// An S3 Object Lambda access point request (<c>GetObject</c>, <c>HeadObject</c>, <c>ListObjects</c>, <c>ListObjectsV2</c>);
/// exactly one of the <c>…Context</c> members is set. Mirrors <c>Amazon.Lambda.S3Events.S3ObjectLambdaEvent</c>.
/// </summary>
public sealed class S3ObjectLambdaEvent
{
    /// <summary>Gets or sets the request identifier.</summary>
    [JsonPropertyName("xAmzRequestId")]
    public string? XAmzRequestId { get; set; }

    /// <summary>Gets or sets the context of a <c>GetObject</c> request: where to read the object and how to answer with <c>WriteGetObjectResponse</c>.</summary>
    [JsonPropertyName("getObjectContext")]
    public GetObjectContextType? GetObjectContext { get; set; }

    /// <summary>Gets or sets the context of a <c>HeadObject</c> request.</summary>
    [JsonPropertyName("headObjectContext")]
    public InputS3UrlContext? HeadObjectContext { get; set; }

    /// <summary>Gets or sets the context of a <c>ListObjects</c> request.</summary>
    [JsonPropertyName("listObjectsContext")]
    public InputS3UrlContext? ListObjectsContext { get; set; }

    /// <summary>Gets or sets the context of a <c>ListObjectsV2</c> request.</summary>
    [JsonPropertyName("listObjectsV2Context")]
    public InputS3UrlContext? ListObjectsV2Context { get; set; }

    /// <summary>Gets or sets the access point configuration.</summary>
    [JsonPropertyName("configuration")]
    public ConfigurationType? Configuration { get; set; }

    /// <summary>Gets or sets the request the user made.</summary>
    [JsonPropertyName("userRequest")]
    public UserRequestType? UserRequest { get; set; }

    /// <summary>Gets or sets who made the request.</summary>
    [JsonPropertyName("userIdentity")]
    public UserIdentityType? UserIdentity { get; set; }

    /// <summary>Gets or sets the protocol version, <c>1.00</c>.</summary>
    [JsonPropertyName("protocolVersion")]
    public string? ProtocolVersion { get; set; }

    /// <summary>The context of a <c>GetObject</c> request.</summary>
    public sealed class GetObjectContextType
    {
        /// <summary>Gets or sets the pre-signed URL of the original object.</summary>
        [JsonPropertyName("inputS3Url")]
        public string? InputS3Url { get; set; }

        /// <summary>Gets or sets the route to pass to <c>WriteGetObjectResponse</c>.</summary>
        [JsonPropertyName("outputRoute")]
        public string? OutputRoute { get; set; }

        /// <summary>Gets or sets the token to pass to <c>WriteGetObjectResponse</c>.</summary>
        [JsonPropertyName("outputToken")]
        public string? OutputToken { get; set; }
    }

    /// <summary>The context of a <c>HeadObject</c> or list request.</summary>
    public sealed class InputS3UrlContext
    {
        /// <summary>Gets or sets the pre-signed URL of the original request.</summary>
        [JsonPropertyName("inputS3Url")]
        public string? InputS3Url { get; set; }
    }

    /// <summary>The access point configuration.</summary>
    public sealed class ConfigurationType
    {
        /// <summary>Gets or sets the ARN of the Object Lambda access point.</summary>
        [JsonPropertyName("accessPointArn")]
        public string? AccessPointArn { get; set; }

        /// <summary>Gets or sets the ARN of the supporting access point.</summary>
        [JsonPropertyName("supportingAccessPointArn")]
        public string? SupportingAccessPointArn { get; set; }

        /// <summary>Gets or sets the custom payload of the access point configuration, as text.</summary>
        [JsonPropertyName("payload")]
        public string? Payload { get; set; }
    }

    /// <summary>The request the user made.</summary>
    public sealed class UserRequestType
    {
        /// <summary>Gets or sets the URL.</summary>
        [JsonPropertyName("url")]
        public string? Url { get; set; }

        /// <summary>Gets or sets the headers.</summary>
        [JsonPropertyName("headers")]
        public Dictionary<string, string>? Headers { get; set; }
    }

    /// <summary>Who made the request.</summary>
    public sealed class UserIdentityType
    {
        /// <summary>Gets or sets the identity type (<c>IAMUser</c>, <c>AssumedRole</c>…).</summary>
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        /// <summary>Gets or sets the principal identifier.</summary>
        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }

        /// <summary>Gets or sets the ARN of the principal.</summary>
        [JsonPropertyName("arn")]
        public string? Arn { get; set; }

        /// <summary>Gets or sets the AWS account.</summary>
        [JsonPropertyName("accountId")]
        public string? AccountId { get; set; }

        /// <summary>Gets or sets the access key.</summary>
        [JsonPropertyName("accessKeyId")]
        public string? AccessKeyId { get; set; }

        /// <summary>Gets or sets the session context of temporary credentials, kept as received.</summary>
        [JsonPropertyName("sessionContext")]
        public JsonElement? SessionContext { get; set; }
    }
}
