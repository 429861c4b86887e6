using System.Text.Json;
using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The simple answer of an HTTP API Lambda authorizer (payload format 2.0 with simple responses enabled):
/// <c>{"isAuthorized":true,"context":{…}}</c>. Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayCustomAuthorizerV2SimpleResponse</c>.
/// </summary>
public sealed class APIGatewayCustomAuthorizerV2SimpleResponse
{
    /// <summary>Gets or sets a value indicating whether the call is allowed.</summary>
    [JsonPropertyName("isAuthorized")]
    public bool IsAuthorized { get; set; }

    /// <summary>Gets or sets values passed to the integration in <c>requestContext.authorizer.lambda</c>; not written when <see langword="null"/>.</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, JsonElement>? Context { get; set; }
}
