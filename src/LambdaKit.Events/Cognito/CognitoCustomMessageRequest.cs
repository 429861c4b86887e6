using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the custom message trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomMessageRequest</c>.</summary>
public sealed class CognitoCustomMessageRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the placeholder of the code, to put in the message.</summary>
    [JsonPropertyName("codeParameter")]
    public string? CodeParameter { get; set; }

    /// <summary>Gets or sets the placeholder of the user name, to put in the message.</summary>
    [JsonPropertyName("usernameParameter")]
    public string? UsernameParameter { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
