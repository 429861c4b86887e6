using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the verify auth challenge response trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoVerifyAuthChallengeResponse</c>.</summary>
public sealed class CognitoVerifyAuthChallengeResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets a value indicating whether the answer is correct.</summary>
    [JsonPropertyName("answerCorrect")]
    public bool? AnswerCorrect { get; set; }
}
