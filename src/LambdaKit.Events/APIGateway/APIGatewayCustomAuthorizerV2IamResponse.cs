using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The IAM-policy answer of an HTTP API Lambda authorizer in payload format 2.0 (simple responses disabled).
/// Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayCustomAuthorizerV2IamResponse</c>.
/// </summary>
public sealed class APIGatewayCustomAuthorizerV2IamResponse
{
    /// <summary>Gets or sets the caller's identifier.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalID { get; set; }

    /// <summary>Gets or sets the policy that allows or denies the call (its <c>Resource</c> names the route ARN).</summary>
    [JsonPropertyName("policyDocument")]
    public APIGatewayCustomAuthorizerPolicy PolicyDocument { get; set; } = new();

    /// <summary>Gets or sets values passed to the integration in <c>requestContext.authorizer.lambda</c>.</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; set; }
}
