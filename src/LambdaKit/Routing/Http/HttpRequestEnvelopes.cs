using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Serialization;

namespace LambdaKit.Routing.Http;

/// <summary>
/// Reads the request envelope of each HTTP source into a <see cref="LambdaHttpRequest"/>: API Gateway REST v1, HTTP API v2
/// and function URLs (the stage stripped from the path), ALB (multi-value headers and query joined with commas).
/// </summary>
internal static class HttpRequestEnvelopes
{
    /// <summary>
    /// The request of <paramref name="context"/>, read as the envelope of <paramref name="source"/>; MultiValue tells that the
    /// response must use multi-value headers (an ALB target group that sent them).
    /// </summary>
    public static (LambdaHttpRequest Request, bool MultiValue) Read(InvocationContext context, EventSourceKind source, JsonMetadata json)
    {
        var payload = context.Payload.Span;
        switch (source)
        {
            case EventSourceKind.ApiGatewayHttpV2:
                {
                    var e = LambdaJson.Deserialize(payload, HttpEnvelopes.HttpApiV2Request);
                    var stage = e.RequestContext?.Stage;
                    var path = e.RawPath ?? e.RequestContext?.Http?.Path ?? "/";
                    if (!string.IsNullOrEmpty(stage) && stage != "$default" && path.StartsWith("/" + stage + "/", StringComparison.Ordinal))
                    {
                        path = path[(stage.Length + 1)..];
                    }

                    var method = e.RequestContext?.Http?.Method ?? (e.RouteKey?.Split(' ')[0]) ?? "GET";
                    return (new LambdaHttpRequest(source, e, method.ToUpperInvariant(), path, e.Headers, e.QueryStringParameters, e.Cookies, e.Body, e.IsBase64Encoded, context, context.Services, json), false);
                }

            case EventSourceKind.ApplicationLoadBalancer:
                {
                    var e = LambdaJson.Deserialize(payload, HttpEnvelopes.LoadBalancerRequest);
                    var headers = Join(e.MultiValueHeaders) ?? e.Headers;
                    return (new LambdaHttpRequest(source, e, (e.HttpMethod ?? "GET").ToUpperInvariant(), e.Path ?? "/", headers, Join(e.MultiValueQueryStringParameters) ?? e.QueryStringParameters, CookiesOf(headers), e.Body, e.IsBase64Encoded, context, context.Services, json), e.MultiValueHeaders is not null);
                }

            default:
                {
                    var e = LambdaJson.Deserialize(payload, HttpEnvelopes.ProxyRequest);
                    var headers = Join(e.MultiValueHeaders) ?? e.Headers;
                    return (new LambdaHttpRequest(EventSourceKind.ApiGatewayRest, e, (e.HttpMethod ?? "GET").ToUpperInvariant(), e.Path ?? "/", headers, Join(e.MultiValueQueryStringParameters) ?? e.QueryStringParameters, CookiesOf(headers), e.Body, e.IsBase64Encoded, context, context.Services, json), false);
                }
        }
    }

    private static Dictionary<string, string>? Join(IDictionary<string, IList<string>>? values)
    {
        if (values is null)
        {
            return null;
        }

        var joined = new Dictionary<string, string>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, list) in values)
        {
            joined[key] = string.Join(',', list);
        }

        return joined;
    }

    private static string[]? CookiesOf(IDictionary<string, string>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var (name, value) in headers)
        {
            if (string.Equals(name, "Cookie", StringComparison.OrdinalIgnoreCase))
            {
                return value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            }
        }

        return null;
    }
}
