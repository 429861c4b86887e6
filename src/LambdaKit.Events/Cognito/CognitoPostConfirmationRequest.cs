using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the post confirmation trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPostConfirmationRequest</c>.</summary>
public sealed class CognitoPostConfirmationRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
