using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.CloudFormation;

/// <summary>
/// A CloudFormation custom resource request (<c>Create</c>, <c>Update</c> or <c>Delete</c>). The answer is not returned to
/// Lambda but sent with <c>PUT</c> to <see cref="ResponseURL"/> as a <see cref="CloudFormationCustomResourceResponse"/>.
/// Named as the Go and Java Lambda event libraries name it.
/// </summary>
public sealed class CloudFormationCustomResourceRequest
{
    /// <summary>Gets or sets <c>Create</c>, <c>Update</c> or <c>Delete</c>.</summary>
    [JsonPropertyName("RequestType")]
    public string? RequestType { get; set; }

    /// <summary>Gets or sets the pre-signed S3 URL that receives the answer.</summary>
    [JsonPropertyName("ResponseURL")]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1056:URI-like properties should not be strings", Justification = "Wire name; the value is passed through unchanged.")]
    public string? ResponseURL { get; set; }

    /// <summary>Gets or sets the ARN of the stack.</summary>
    [JsonPropertyName("StackId")]
    public string? StackId { get; set; }

    /// <summary>Gets or sets the identifier of this request.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }

    /// <summary>Gets or sets the resource type of the template, for example <c>Custom::Echo</c>.</summary>
    [JsonPropertyName("ResourceType")]
    public string? ResourceType { get; set; }

    /// <summary>Gets or sets the logical identifier of the resource in the template.</summary>
    [JsonPropertyName("LogicalResourceId")]
    public string? LogicalResourceId { get; set; }

    /// <summary>Gets or sets the physical identifier the function gave the resource (<c>Update</c> and <c>Delete</c> only).</summary>
    [JsonPropertyName("PhysicalResourceId")]
    public string? PhysicalResourceId { get; set; }

    /// <summary>Gets or sets the ARN of the function (or topic) that serves the resource.</summary>
    [JsonPropertyName("ServiceToken")]
    public string? ServiceToken { get; set; }

    /// <summary>Gets or sets the properties of the resource in the template (values are strings, lists or objects).</summary>
    [JsonPropertyName("ResourceProperties")]
    public Dictionary<string, JsonElement>? ResourceProperties { get; set; }

    /// <summary>Gets or sets the properties before the update (<c>Update</c> only).</summary>
    [JsonPropertyName("OldResourceProperties")]
    public Dictionary<string, JsonElement>? OldResourceProperties { get; set; }

    /// <summary>Gets or sets members this type does not name, kept so that the request round-trips.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
