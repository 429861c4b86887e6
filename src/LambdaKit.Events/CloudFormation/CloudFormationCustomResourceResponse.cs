using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.CloudFormation;

/// <summary>The answer to a <see cref="CloudFormationCustomResourceRequest"/>, sent with <c>PUT</c> to its <c>ResponseURL</c>.</summary>
public sealed class CloudFormationCustomResourceResponse
{
    /// <summary>Gets or sets <c>SUCCESS</c> or <c>FAILED</c>.</summary>
    [JsonPropertyName("Status")]
    public string? Status { get; set; }

    /// <summary>Gets or sets why the request failed (shown in the stack events); required with <c>FAILED</c>.</summary>
    [JsonPropertyName("Reason")]
    public string? Reason { get; set; }

    /// <summary>Gets or sets the physical identifier of the resource; a new value on <c>Update</c> makes CloudFormation delete the old one.</summary>
    [JsonPropertyName("PhysicalResourceId")]
    public string? PhysicalResourceId { get; set; }

    /// <summary>Gets or sets the stack ARN, copied from the request.</summary>
    [JsonPropertyName("StackId")]
    public string? StackId { get; set; }

    /// <summary>Gets or sets the request identifier, copied from the request.</summary>
    [JsonPropertyName("RequestId")]
    public string? RequestId { get; set; }

    /// <summary>Gets or sets the logical resource identifier, copied from the request.</summary>
    [JsonPropertyName("LogicalResourceId")]
    public string? LogicalResourceId { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Data"/> is hidden from <c>Fn::GetAtt</c> output in the console.</summary>
    [JsonPropertyName("NoEcho")]
    public bool? NoEcho { get; set; }

    /// <summary>Gets or sets values the template reads with <c>Fn::GetAtt</c>.</summary>
    [JsonPropertyName("Data")]
    public Dictionary<string, JsonElement>? Data { get; set; }
}
