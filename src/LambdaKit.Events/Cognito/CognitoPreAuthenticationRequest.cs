using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the pre authentication trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreAuthenticationRequest</c>.</summary>
public sealed class CognitoPreAuthenticationRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the validation data of the sign-in.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Gets or sets a value indicating whether the user does not exist (when the pool hides that).</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
