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

    /// <summary>
    /// Sets a response header, as <c>Amazon.Lambda.APIGatewayEvents</c> does: with <paramref name="append"/>, a value already
    /// set for the header (matched case-insensitively, as HTTP names are) is kept and <paramref name="value"/> is added after
    /// a comma; otherwise the header is replaced. Creates <see cref="Headers"/> (case-insensitive) when it is null.
    /// </summary>
    /// <param name="headerName">The header name.</param>
    /// <param name="value">The value to set or add.</param>
    /// <param name="append">Whether to add to a value already set rather than replace it.</param>
    public void SetHeaderValues(string headerName, string value, bool append)
    {
        ArgumentException.ThrowIfNullOrEmpty(headerName);
        ArgumentNullException.ThrowIfNull(value);
        Headers ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var existing = FindHeader(Headers, headerName);
        if (existing is not null && append)
        {
            Headers[existing] = Headers[existing] + "," + value;
            return;
        }

        if (existing is not null)
        {
            Headers.Remove(existing);
        }

        Headers[headerName] = value;
    }

    /// <summary>
    /// Sets a response header to several values joined with commas (the form HTTP API responses carry), appending them to a
    /// value already set when <paramref name="append"/> is <see langword="true"/>. See <see cref="SetHeaderValues(string, string, bool)"/>.
    /// </summary>
    /// <param name="headerName">The header name.</param>
    /// <param name="values">The values to set or add.</param>
    /// <param name="append">Whether to add to a value already set rather than replace it.</param>
    public void SetHeaderValues(string headerName, IEnumerable<string> values, bool append)
    {
        ArgumentNullException.ThrowIfNull(values);
        SetHeaderValues(headerName, string.Join(",", values), append);
    }

    private static string? FindHeader(IDictionary<string, string> headers, string name)
    {
        if (headers.ContainsKey(name))
        {
            return name;
        }

        foreach (var key in headers.Keys)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }
}
