using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the pre sign-up trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreSignupRequest</c>.</summary>
public sealed class CognitoPreSignupRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the validation data the client sent with the sign-up.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
