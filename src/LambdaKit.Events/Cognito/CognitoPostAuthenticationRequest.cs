using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the post authentication trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPostAuthenticationRequest</c>.</summary>
public sealed class CognitoPostAuthenticationRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets a value indicating whether the user signed in from a new device.</summary>
    [JsonPropertyName("newDeviceUsed")]
    public bool? NewDeviceUsed { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
