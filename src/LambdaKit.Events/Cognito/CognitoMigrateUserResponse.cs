using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>The response of the user migration trigger, filled by the handler. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoMigrateUserResponse</c>.</summary>
public sealed class CognitoMigrateUserResponse : CognitoTriggerResponse
{
    /// <summary>Gets or sets the attributes of the migrated user.</summary>
    [JsonPropertyName("userAttributes")]
    [JsonConverter(typeof(LambdaKit.Events.Serialization.StringValuesDictionaryConverter))]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Gets or sets the status of the migrated user, for example <c>CONFIRMED</c>.</summary>
    [JsonPropertyName("finalUserStatus")]
    public string? FinalUserStatus { get; set; }

    /// <summary>Gets or sets <c>SUPPRESS</c> to send no welcome message.</summary>
    [JsonPropertyName("messageAction")]
    public string? MessageAction { get; set; }

    /// <summary>Gets or sets where to send the welcome message: <c>EMAIL</c>, <c>SMS</c>.</summary>
    [JsonPropertyName("desiredDeliveryMediums")]
    public IList<string>? DesiredDeliveryMediums { get; set; }

    /// <summary>Gets or sets a value indicating whether to move an alias from another user.</summary>
    [JsonPropertyName("forceAliasCreation")]
    public bool? ForceAliasCreation { get; set; }

    /// <summary>Gets or sets a value indicating whether to turn on SMS multi-factor authentication.</summary>
    [JsonPropertyName("enableSMSMFA")]
    public bool? EnableSMSMFA { get; set; }
}
