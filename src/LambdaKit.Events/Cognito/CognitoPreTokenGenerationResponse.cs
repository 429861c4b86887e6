using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the pre token generation (version 1) trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreTokenGenerationResponse</c>.</summary>
public sealed class CognitoPreTokenGenerationResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets the claims to add, override or suppress and the group overrides, as JSON (<c>claimsToAddOrOverride</c>, <c>claimsToSuppress</c>, <c>groupOverrideDetails</c>).</summary>
    [JsonPropertyName("claimsOverrideDetails")]
    public JsonElement? ClaimsOverrideDetails { get; set; }
}
