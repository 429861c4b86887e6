using System.Text.Json.Serialization;

namespace LambdaKit.Events.ApplicationLoadBalancer;

/// <summary>
/// The response of a Lambda target to an Application Load Balancer.
/// Mirrors <c>Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerResponse</c>.
/// </summary>
/// <remarks>
/// Set <see cref="Headers"/> when multi-value headers are off on the target group, <see cref="MultiValueHeaders"/> when they are on.
/// </remarks>
public sealed class ApplicationLoadBalancerResponse
{
    /// <summary>Gets or sets the HTTP status code.</summary>
    [JsonPropertyName("statusCode")]
    public int StatusCode { get; set; }

    /// <summary>Gets or sets the HTTP status description, for example <c>200 OK</c>.</summary>
    [JsonPropertyName("statusDescription")]
    public string? StatusDescription { get; set; }

    /// <summary>Gets or sets the response headers (one value each).</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the response headers with several values each.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IDictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>Gets or sets the response body; base64 when <see cref="IsBase64Encoded"/> is <see langword="true"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Body"/> is base64-encoded binary content.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }
}
