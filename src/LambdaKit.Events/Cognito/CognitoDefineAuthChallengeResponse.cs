using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the define auth challenge trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoDefineAuthChallengeResponse</c>.</summary>
public sealed class CognitoDefineAuthChallengeResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets the next challenge.</summary>
    [JsonPropertyName("challengeName")]
    public string? ChallengeName { get; set; }

    /// <summary>Gets or sets a value indicating whether to issue tokens now.</summary>
    [JsonPropertyName("issueTokens")]
    public bool? IssueTokens { get; set; }

    /// <summary>Gets or sets a value indicating whether to end the authentication as failed.</summary>
    [JsonPropertyName("failAuthentication")]
    public bool? FailAuthentication { get; set; }
}
