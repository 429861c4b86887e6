using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the verify auth challenge response trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoVerifyAuthChallengeRequest</c>.</summary>
public sealed class CognitoVerifyAuthChallengeRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the parameters the create trigger set.</summary>
    [JsonPropertyName("privateChallengeParameters")]
    public Dictionary<string, string>? PrivateChallengeParameters { get; set; }

    /// <summary>Gets or sets the answer the user gave.</summary>
    [JsonPropertyName("challengeAnswer")]
    public string? ChallengeAnswer { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Gets or sets a value indicating whether the user does not exist.</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
