using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the create auth challenge trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCreateAuthChallengeRequest</c>.</summary>
public sealed class CognitoCreateAuthChallengeRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the challenge to create.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Gets or sets the challenges so far, as JSON.</summary>
    [JsonPropertyName("session")]
    public IList<JsonElement>? Session { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Gets or sets a value indicating whether the user does not exist.</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
