using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The response of a function behind an API Gateway HTTP API (payload format 2.0) or a Lambda function URL.
/// Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyResponse</c>.
/// </summary>
public sealed class APIGatewayHttpApiV2ProxyResponse
{
    /// <summary>Gets or sets the HTTP status code.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>Gets or sets the response headers; several values of one header are joined with commas.</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the cookies to set, one <c>Set-Cookie</c> value per entry.</summary>
    [JsonPropertyName("cookies")]
    public string[]? Cookies { get; set; }

    /// <summary>Gets or sets the response body; base64 when <see cref="IsBase64Encoded"/> is <see langword="true"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Body"/> is base64-encoded binary content.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}
