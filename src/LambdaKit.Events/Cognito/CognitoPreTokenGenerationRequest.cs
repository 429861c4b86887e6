using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the pre token generation (version 1) trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreTokenGenerationRequest</c>.</summary>
public sealed class CognitoPreTokenGenerationRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the user's groups, IAM roles and preferred role, as JSON.</summary>
    [JsonPropertyName("groupConfiguration")]
    public JsonElement? GroupConfiguration { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
