using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the custom e-mail sender trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoCustomEmailSenderRequest</c>.</summary>
public sealed class CognitoCustomEmailSenderRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the request type, <c>customEmailSenderRequestV1</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Gets or sets the code, encrypted with the pool's KMS key (base64).</summary>
    [JsonPropertyName("code")]
    public string? Code { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
