using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the custom message trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomMessageResponse</c>.</summary>
public sealed class CognitoCustomMessageResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets the text of the SMS message.</summary>
    [JsonPropertyName("smsMessage")]
    public string? SmsMessage { get; set; }

    /// <summary>Gets or sets the body of the e-mail message.</summary>
    [JsonPropertyName("emailMessage")]
    public string? EmailMessage { get; set; }

    /// <summary>Gets or sets the subject of the e-mail message.</summary>
    [JsonPropertyName("emailSubject")]
    public string? EmailSubject { get; set; }
}
