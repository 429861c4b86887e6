using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.Cognito;

/// <summary>
/// The base of every trigger response. Mirrors <c>Amazon.Lambda.CognitoEvents.CognitoTriggerResponse</c>; members this
/// library does not name are kept in <see cref="ExtensionData"/>.
/// </summary>
public abstract class CognitoTriggerResponse
{
    /// <summary>Gets or sets members this type does not name.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }
}
