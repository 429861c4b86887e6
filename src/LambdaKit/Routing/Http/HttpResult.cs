using LambdaKit.Routing.Http;

namespace LambdaKit;

/// <summary>
/// What an HTTP route answers: a status, headers, cookies and a body (text, JSON through source-generated metadata, or
/// binary, sent base64-encoded). Create one with <see cref="HttpResults"/>.
/// </summary>
public sealed class HttpResult
{
    private Dictionary<string, string>? _headers;
    private List<string>? _cookies;

    internal HttpResult(int statusCode, string? contentType, HttpBody? body)
    {
        StatusCode = statusCode;
        Body = body;
        if (contentType is not null)
        {
            WithHeader("Content-Type", contentType);
        }
    }

    /// <summary>The HTTP status sent to API Gateway or the load balancer (for example 200, 404).</summary>
    public int StatusCode { get; }

    /// <summary>The response headers (case-insensitive).</summary>
    public IReadOnlyDictionary<string, string> Headers => _headers ?? (IReadOnlyDictionary<string, string>)EmptyHeaders.Instance;

    /// <summary>The cookies to set (<c>Set-Cookie</c> values).</summary>
    public IReadOnlyList<string> Cookies => _cookies ?? (IReadOnlyList<string>)[];

    /// <summary>Whether the body is binary (sent base64-encoded).</summary>
    public bool IsBinary => Body?.IsBinary ?? false;

    internal HttpBody? Body { get; }

    /// <summary>Adds or replaces a header.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>This result.</returns>
    public HttpResult WithHeader(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        (_headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase))[name] = value;
        return this;
    }

    /// <summary>Adds a cookie (a <c>Set-Cookie</c> value such as <c>id=1; Secure; HttpOnly</c>).</summary>
    /// <param name="setCookie">The cookie.</param>
    /// <returns>This result.</returns>
    public HttpResult WithCookie(string setCookie)
    {
        ArgumentException.ThrowIfNullOrEmpty(setCookie);
        (_cookies ??= []).Add(setCookie);
        return this;
    }

    private static class EmptyHeaders
    {
        public static readonly Dictionary<string, string> Instance = new(StringComparer.OrdinalIgnoreCase);
    }
}
