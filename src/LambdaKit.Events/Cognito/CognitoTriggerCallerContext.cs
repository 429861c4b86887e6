using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>Who called Cognito. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoTriggerCallerContext</c>.</summary>
public sealed class CognitoTriggerCallerContext
{
    /// <summary>Gets or sets the version of the AWS SDK that made the request.</summary>
    [JsonPropertyName("awsSdkVersion")]
    public string? AwsSdkVersion { get; set; }

    /// <summary>Gets or sets the identifier of the user pool's app client.</summary>
    [JsonPropertyName("clientId")]
    public string? ClientId { get; set; }
}
