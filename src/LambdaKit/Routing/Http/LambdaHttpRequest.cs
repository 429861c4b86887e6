using System.Text;
using System.Text.Json;
using LambdaKit.Events;
using LambdaKit.Serialization;

namespace LambdaKit;

/// <summary>
/// An HTTP request as a route sees it, whatever carried it (API Gateway REST v1, HTTP API v2, function URL, ALB):
/// method, path, route values, case-insensitive headers and query, cookies, body.
/// </summary>
public sealed class LambdaHttpRequest
{
    private static readonly Dictionary<string, string> Empty = new(StringComparer.OrdinalIgnoreCase);
    private readonly JsonMetadata _json;
    private IReadOnlyDictionary<string, string>? _headers;
    private IReadOnlyDictionary<string, string>? _query;
    private ReadOnlyMemory<byte>? _bodyBytes;

    internal LambdaHttpRequest(
        EventSourceKind source,
        object @event,
        string method,
        string path,
        IDictionary<string, string>? headers,
        IDictionary<string, string>? query,
        IReadOnlyList<string>? cookies,
        string? body,
        bool isBase64Encoded,
        ILambdaContext lambdaContext,
        IServiceProvider services,
        JsonMetadata json)
    {
        Source = source;
        Event = @event;
        Method = method;
        Path = path;
        RawHeaders = headers;
        RawQuery = query;
        Cookies = cookies ?? [];
        Body = body;
        IsBase64Encoded = isBase64Encoded;
        LambdaContext = lambdaContext;
        Services = services;
        _json = json;
    }

    /// <summary>Which kind of event carried the request.</summary>
    public EventSourceKind Source { get; }

    /// <summary>The original event (<c>APIGatewayProxyRequest</c>, <c>APIGatewayHttpApiV2ProxyRequest</c> or <c>ApplicationLoadBalancerRequest</c>), for authorizer data and the rest.</summary>
    public object Event { get; }

    /// <summary>The method, upper case.</summary>
    public string Method { get; }

    /// <summary>The path, without the stage.</summary>
    public string Path { get; }

    /// <summary>The values of the route's parameters (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> RouteValues { get; internal set; } = Empty;

    /// <summary>The headers (case-insensitive); multi-valued headers are joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers ??= CaseInsensitive(RawHeaders);

    /// <summary>The query string parameters (case-insensitive names); multi-valued parameters are joined with commas.</summary>
    public IReadOnlyDictionary<string, string> Query => _query ??= CaseInsensitive(RawQuery);

    /// <summary>The request's cookies (<c>name=value</c>).</summary>
    public IReadOnlyList<string> Cookies { get; }

    /// <summary>The body as sent (base64 when <see cref="IsBase64Encoded"/>).</summary>
    public string? Body { get; }

    /// <summary>Whether <see cref="Body"/> is base64-encoded binary.</summary>
    public bool IsBase64Encoded { get; }

    /// <summary>The body's bytes, decoded from base64 when needed.</summary>
    public ReadOnlyMemory<byte> BodyBytes => _bodyBytes ??= DecodeBody();

    /// <summary>The invocation's context.</summary>
    public ILambdaContext LambdaContext { get; }

    /// <summary>The invocation's DI scope.</summary>
    public IServiceProvider Services { get; }

    private IDictionary<string, string>? RawHeaders { get; }

    private IDictionary<string, string>? RawQuery { get; }

    /// <summary>A route value, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The value.</returns>
    public string? GetRouteValue(string name) => RouteValues.GetValueOrDefault(name);

    /// <summary>A header, or <see langword="null"/>.</summary>
    /// <param name="name">The header name (any case).</param>
    /// <returns>The value.</returns>
    public string? GetHeader(string name) => Headers.GetValueOrDefault(name);

    /// <summary>A query string parameter, or <see langword="null"/>.</summary>
    /// <param name="name">The parameter name (any case).</param>
    /// <returns>The value.</returns>
    public string? GetQuery(string name) => Query.GetValueOrDefault(name);

    /// <summary>Reads the JSON body as <typeparamref name="T"/> through source-generated metadata.</summary>
    /// <typeparam name="T">The body type; its JSON metadata must be registered.</typeparam>
    /// <returns>The body.</returns>
    /// <exception cref="HttpProblemException">The body is missing or is not valid JSON for <typeparamref name="T"/> (answers 400).</exception>
    public T ReadJson<T>()
    {
        var bytes = BodyBytes;
        if (bytes.IsEmpty)
        {
            throw new HttpProblemException(400, "Bad Request", "The request has no body; a JSON body is expected.");
        }

        try
        {
            return JsonSerializer.Deserialize(bytes.Span, _json.GetTypeInfo<T>())
                ?? throw new HttpProblemException(400, "Bad Request", "The request body is null; a JSON body is expected.");
        }
        catch (JsonException exception)
        {
            // In the user's terms only: the serializer's message names .NET types and JSON paths (it goes to the log).
            var where = exception.LineNumber is { } line && exception.BytePositionInLine is { } position
                ? $" (line {line + 1}, position {position + 1})"
                : string.Empty;
            throw new HttpProblemException(400, "Bad Request", $"The request body is not valid JSON or does not have the expected shape{where}.", exception);
        }
    }

    private ReadOnlyMemory<byte> DecodeBody()
    {
        if (string.IsNullOrEmpty(Body))
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (!IsBase64Encoded)
        {
            return Encoding.UTF8.GetBytes(Body);
        }

        try
        {
            return Convert.FromBase64String(Body);
        }
        catch (FormatException exception)
        {
            throw new HttpProblemException(400, "Bad Request", "The body is marked base64-encoded but is not valid base64.", exception);
        }
    }

    private static Dictionary<string, string> CaseInsensitive(IDictionary<string, string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return Empty;
        }

        if (values is Dictionary<string, string> { Comparer: var comparer } joined && ReferenceEquals(comparer, StringComparer.OrdinalIgnoreCase))
        {
            // Multi-value headers and query parameters were already joined into a case-insensitive map by the router.
            return joined;
        }

        var copy = new Dictionary<string, string>(values.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in values)
        {
            copy[key] = copy.TryGetValue(key, out var existing) ? existing + "," + value : value;
        }

        return copy;
    }
}
