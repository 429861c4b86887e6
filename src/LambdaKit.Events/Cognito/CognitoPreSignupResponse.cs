using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the pre sign-up trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoPreSignupResponse</c>.</summary>
public sealed class CognitoPreSignupResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets a value indicating whether to confirm the user without a code.</summary>
    [JsonPropertyName("autoConfirmUser")]
    public bool? AutoConfirmUser { get; set; }

    /// <summary>Gets or sets a value indicating whether to mark the e-mail address verified.</summary>
    [JsonPropertyName("autoVerifyEmail")]
    public bool? AutoVerifyEmail { get; set; }

    /// <summary>Gets or sets a value indicating whether to mark the phone number verified.</summary>
    [JsonPropertyName("autoVerifyPhone")]
    public bool? AutoVerifyPhone { get; set; }
}
