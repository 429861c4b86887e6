using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The request of an API Gateway HTTP API Lambda authorizer in payload format 2.0 (<c>"version":"2.0","type":"REQUEST"</c>).
/// Answer it with an <see cref="APIGatewayCustomAuthorizerV2SimpleResponse"/> (simple responses enabled) or an
/// <see cref="APIGatewayCustomAuthorizerV2IamResponse"/>. Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayCustomAuthorizerV2Request</c>.
/// </summary>
public sealed class APIGatewayCustomAuthorizerV2Request
{
    /// <summary>Gets or sets the payload version, <c>2.0</c>.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the authorizer type, <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Gets or sets the ARN of the route being called.</summary>
    [JsonPropertyName("routeArn")]
    public string? RouteArn { get; set; }

    /// <summary>Gets or sets the values of the identity sources the authorizer is configured with.</summary>
    [JsonPropertyName("identitySource")]
    public IList<string>? IdentitySource { get; set; }

    /// <summary>Gets or sets the route key, for example <c>GET /orders</c> or <c>$default</c>.</summary>
    [JsonPropertyName("routeKey")]
    public string? RouteKey { get; set; }

    /// <summary>Gets or sets the request path.</summary>
    [JsonPropertyName("rawPath")]
    public string? RawPath { get; set; }

    /// <summary>Gets or sets the raw query string, without <c>?</c>.</summary>
    [JsonPropertyName("rawQueryString")]
    public string? RawQueryString { get; set; }

    /// <summary>Gets or sets the cookies of the request.</summary>
    [JsonPropertyName("cookies")]
    public IList<string>? Cookies { get; set; }

    /// <summary>Gets or sets the request headers (names lower-cased by API Gateway; repeated values joined with commas).</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the query string parameters (repeated values joined with commas).</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Gets or sets the request context.</summary>
    [JsonPropertyName("requestContext")]
    public APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext? RequestContext { get; set; }

    /// <summary>Gets or sets the path parameters.</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>Gets or sets the stage variables.</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }
}
