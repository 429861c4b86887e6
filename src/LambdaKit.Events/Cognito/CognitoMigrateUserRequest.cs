using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The request of the user migration trigger. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoMigrateUserRequest</c>.</summary>
public sealed class CognitoMigrateUserRequest : CognitoTriggerRequest
{
    /// <summary>Gets or sets the password the user entered (sign-in only).</summary>
    [JsonPropertyName("password")]
    public string? Password { get; set; }

    /// <summary>Gets or sets the validation data of the request.</summary>
    [JsonPropertyName("validationData")]
    public Dictionary<string, string>? ValidationData { get; set; }

    /// <summary>Gets or sets the client metadata of the request.</summary>
    [JsonPropertyName("clientMetadata")]
    public Dictionary<string, string>? ClientMetadata { get; set; }
}
