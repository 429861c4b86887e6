using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the pre token generation (versions 2 and 3) trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreTokenGenerationV2Response</c>.</summary>
public sealed class CognitoPreTokenGenerationV2Response : CognitoTriggerResponse
{
    /// <summary>Gets or sets the claims and scopes to add, override or suppress in the ID and access tokens, as JSON (<c>idTokenGeneration</c>, <c>accessTokenGeneration</c>, <c>groupOverrideDetails</c>).</summary>
    [JsonPropertyName("claimsAndScopeOverrideDetails")]
    public JsonElement? ClaimsAndScopeOverrideDetails { get; set; }
}
