using System.Text.Json.Serialization;

namespace LambdaKit.Events.ApplicationLoadBalancer;

/// <summary>
/// A request from an Application Load Balancer to a Lambda target.
/// Mirrors <c>Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest</c>.
/// </summary>
/// <remarks>
/// The load balancer sends either <see cref="Headers"/> and <see cref="QueryStringParameters"/>, or, when multi-value
/// headers are enabled on the target group, <see cref="MultiValueHeaders"/> and <see cref="MultiValueQueryStringParameters"/>.
/// </remarks>
public sealed class ApplicationLoadBalancerRequest
{
    /// <summary>Gets or sets the request context, which names the target group.</summary>
    [JsonPropertyName("requestContext")]
    public ALBRequestContext? RequestContext { get; set; }

    /// <summary>Gets or sets the HTTP method.</summary>
    [JsonPropertyName("httpMethod")]
    public string? HttpMethod { get; set; }

    /// <summary>Gets or sets the request path.</summary>
    [JsonPropertyName("path")]
    public string? Path { get; set; }

    /// <summary>Gets or sets the query string parameters (not decoded), when multi-value headers are off.</summary>
    [JsonPropertyName("queryStringParameters")]
    public IDictionary<string, string>? QueryStringParameters { get; set; }

    /// <summary>Gets or sets the query string parameters with all of their values, when multi-value headers are on.</summary>
    [JsonPropertyName("multiValueQueryStringParameters")]
    public IDictionary<string, IList<string>>? MultiValueQueryStringParameters { get; set; }

    /// <summary>Gets or sets the request headers, when multi-value headers are off.</summary>
    [JsonPropertyName("headers")]
    public IDictionary<string, string>? Headers { get; set; }

    /// <summary>Gets or sets the request headers with all of their values, when multi-value headers are on.</summary>
    [JsonPropertyName("multiValueHeaders")]
    public IDictionary<string, IList<string>>? MultiValueHeaders { get; set; }

    /// <summary>Gets or sets the request body; base64 when <see cref="IsBase64Encoded"/> is <see langword="true"/>.</summary>
    [JsonPropertyName("body")]
    public string? Body { get; set; }

    /// <summary>Gets or sets a value indicating whether <see cref="Body"/> is base64-encoded binary content.</summary>
    [JsonPropertyName("isBase64Encoded")]
    public bool IsBase64Encoded { get; set; }

    /// <summary>The <c>requestContext</c> of a load balancer request.</summary>
    public sealed class ALBRequestContext
    {
        /// <summary>Gets or sets the target group the request was routed to.</summary>
        [JsonPropertyName("elb")]
        public TargetGroupInfo? Elb { get; set; }
    }

    /// <summary>The target group a load balancer request was routed to.</summary>
    public sealed class TargetGroupInfo
    {
        /// <summary>Gets or sets the ARN of the target group.</summary>
        [JsonPropertyName("targetGroupArn")]
        public string? TargetGroupArn { get; set; }
    }
}
