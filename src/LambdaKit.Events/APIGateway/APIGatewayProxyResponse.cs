using System.Text.Json.Serialization;

namespace LambdaKit.Events.APIGateway;

/// <summary>
/// The response of a function behind an API Gateway REST API (v1) Lambda proxy integration.
/// Mirrors <c>Amazon.Lambda.APIGatewayEvents.APIGatewayProxyResponse</c>.
/// </summary>
public sealed class APIGatewayProxyResponse
{
    /// <summary>Gets or sets the HTTP status code.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>Gets or sets the response headers (one value each).</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets response headers with several values each.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IDictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>Gets or sets the response body; base64 when <see cref="IsBase64Encoded"/> is <see langword="true"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Body"/> is base64-encoded binary content.</summary>
    /// <remarks>Omitted from written JSON when <see langword="false"/>: API Gateway treats a missing flag as <see langword="false"/>.</remarks>
    [JsonPropertyName("isBase64Encoded")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool IsBase64Encoded { get; set; }
}
