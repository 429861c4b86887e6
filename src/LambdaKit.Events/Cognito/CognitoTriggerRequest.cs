using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The members every trigger request has. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoTriggerRequest</c>; members this
/// library does not name are kept in <see cref="ExtensionData"/>, so that a request round-trips unchanged.
/// </summary>
public abstract class CognitoTriggerRequest
{
    /// <summary>Gets or sets the user's attributes, for example <c>email</c> (a Boolean or number attribute reads as its JSON text, <c>"true"</c>, and is written back as it came).</summary>
    [JsonPropertyName("userAttributes")]
    [JsonConverter(typeof(LambdaKit.Events.Serialization.StringValuesDictionaryConverter))]
    public Dictionary<string, string>? UserAttributes { get; set; }

    /// <summary>Gets or sets members this type does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
