using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The request of an API Gateway REST API Lambda authorizer, of type <c>TOKEN</c> (only <see cref="AuthorizationToken"/>
/// and <see cref="MethodArn"/>) or <c>REQUEST</c> (the request's headers, query, path and context), and of an HTTP API
/// authorizer in payload format 1.0. Answer it with an <see cref="APIGatewayCustomAuthorizerResponse"/>.
/// Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayCustomAuthorizerRequest</c>.
/// </summary>
public sealed class APIGatewayCustomAuthorizerRequest
{
    /// <summary>Gets or sets the payload version of an HTTP API authorizer in format 1.0 (<c>1.0</c>); absent for REST APIs.</summary>
    [JsonPropertyName("version")]
    public string? Version { get; set; }

    /// <summary>Gets or sets the authorizer type: <c>TOKEN</c> or <c>REQUEST</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>Gets or sets the ARN of the method being called; the policy's <c>Resource</c> usually names it.</summary>
    [JsonPropertyName("methodArn")]
    public string? MethodArn { get; set; }

    /// <summary>Gets or sets the values of the identity sources (HTTP API format 1.0).</summary>
    [JsonPropertyName("identitySource")]
    public string? IdentitySource { get; set; }

    /// <summary>Gets or sets the caller's token, from the header the authorizer names (<c>TOKEN</c> authorizers).</summary>
    [JsonPropertyName("authorizationToken")]
    public string? AuthorizationToken { get; set; }

    /// <summary>Gets or sets the resource path template, for example <c>/orders/{id}</c> (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("resource")]
    public string? Resource { get; set; }

    /// <summary>Gets or sets the request path (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>Gets or sets the HTTP method (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>Gets or sets the request headers, last value of each (<c>REQUEST</c> authorizers; names as sent, compare them case-insensitively).</summary>
    [JsonPropertyName("headers")]
    public Dictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets every value of each request header (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("multiValueHeaders")]
    public Dictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>Gets or sets the query string parameters, last value of each (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("queryStringParameters")]
    public Dictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Gets or sets every value of each query string parameter (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public Dictionary<string, IList<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>Gets or sets the path parameters (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("pathParameters")]
    public Dictionary<string, string>? PathParameters { get; set; }

    /// <summary>Gets or sets the stage variables (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("stageVariables")]
    public Dictionary<string, string>? StageVariables { get; set; }

    /// <summary>Gets or sets the request context (<c>REQUEST</c> authorizers).</summary>
    [JsonPropertyName("requestContext")]
    public APIGatewayProxyRequest.ProxyRequestContext? RequestContext { get; set; }
}
