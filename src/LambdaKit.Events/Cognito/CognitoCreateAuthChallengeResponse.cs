using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the create auth challenge trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCreateAuthChallengeResponse</c>.</summary>
public sealed class CognitoCreateAuthChallengeResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets the parameters the client sees.</summary>
    [JsonPropertyName("publicChallengeParameters")]
    public Dictionary<string, string>? PublicChallengeParameters { get; set; }

    /// <summary>Gets or sets the parameters only the verify trigger sees.</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>Gets or sets a name for the challenge.</summary>
    [JsonPropertyName("challengeMetadata")]
    public string? ChallengeMetadata { get; set; }
}
