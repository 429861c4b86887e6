using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the define auth challenge trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoDefineAuthChallengeRequest</c>.</summary>
public sealed class CognitoDefineAuthChallengeRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the challenges so far (<c>challengeName</c>, <c>challengeResult</c>, <c>challengeMetadata</c>), as JSON.</summary>
    [JsonPropertyName("session")]
    public IList<JsonElement>? Session { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }

    /// <summary>Gets or sets a value indicating whether the user does not exist.</summary>
    [JsonPropertyName("userNotFound")]
    public bool? UserNotFound { get; set; }
}
