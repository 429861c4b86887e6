using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The answer of a REST API Lambda authorizer (and of an HTTP API authorizer in payload format 1.0): who the caller is
/// and the IAM policy that allows or denies the call. Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayCustomAuthorizerResponse</c>.
/// </summary>
public sealed class APIGatewayCustomAuthorizerResponse
{
    /// <summary>Gets or sets the caller's identifier, passed to the integration as <c>requestContext.authorizer.principalId</c>.</summary>
    [JsonPropertyName("principalId")]
    public string? PrincipalID { get; set; }

    /// <summary>Gets or sets the policy that allows or denies the call.</summary>
    [JsonPropertyName("policyDocument")]
    public APIGatewayCustomAuthorizerPolicy PolicyDocument { get; set; } = new();

    /// <summary>Gets or sets values passed to the integration in <c>requestContext.authorizer</c> (strings, numbers or Booleans).</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; set; }

    /// <summary>Gets or sets the API key of a usage plan, when the API takes keys from the authorizer.</summary>
    [JsonPropertyName("usageIdentifierKey")]
    public string? UsageIdentifierKey { get; set; }
}
