using LambdaKit.Routing.Http;

namespace LambdaKit;

/// <summary>Creates <see cref="HttpResult"/>s: typed JSON results, problems (<c>application/problem+json</c>), text and binary.</summary>
public static class HttpResults
{
    private const string JsonContentType = "application/json";
    private const string ProblemJson = "application/problem+json";

    /// <summary>200 with a JSON body.</summary>
    /// <typeparam name="T">The body type; its JSON metadata must be registered.</typeparam>
    /// <param name="value">The body.</param>
    /// <returns>The result.</returns>
    public static HttpResult Ok<T>(T value) => new(200, JsonContentType, new JsonBody<T>(value));

    /// <summary>A JSON body with any status.</summary>
    /// <typeparam name="T">The body type; its JSON metadata must be registered.</typeparam>
    /// <param name="statusCode">The status.</param>
    /// <param name="value">The body.</param>
    /// <returns>The result.</returns>
    public static HttpResult Json<T>(int statusCode, T value) => new(statusCode, JsonContentType, new JsonBody<T>(value));

    /// <summary>201 with a <c>Location</c> header and a JSON body.</summary>
    /// <typeparam name="T">The body type; its JSON metadata must be registered.</typeparam>
    /// <param name="location">The URI of the created resource.</param>
    /// <param name="value">The body.</param>
    /// <returns>The result.</returns>
    public static HttpResult Created<T>(string location, T value)
        => new HttpResult(201, JsonContentType, new JsonBody<T>(value)).WithHeader("Location", location);

    /// <summary>204, no body.</summary>
    /// <returns>The result.</returns>
    public static HttpResult NoContent() => new(204, null, null);

    /// <summary>A status with no body.</summary>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult StatusCode(int statusCode) => new(statusCode, null, null);

    /// <summary>A text body.</summary>
    /// <param name="text">The text.</param>
    /// <param name="contentType">The content type.</param>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult Text(string text, string contentType = "text/plain; charset=utf-8", int statusCode = 200)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new(statusCode, contentType, new TextBody(text));
    }

    /// <summary>A binary body, sent base64-encoded with <c>isBase64Encoded</c>.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="contentType">The content type.</param>
    /// <param name="statusCode">The status.</param>
    /// <returns>The result.</returns>
    public static HttpResult Bytes(ReadOnlyMemory<byte> bytes, string contentType = "application/octet-stream", int statusCode = 200)
        => new(statusCode, contentType, new BinaryBody(bytes));

    /// <summary>An <c>application/problem+json</c> body (RFC 9457).</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="title">A short summary.</param>
    /// <param name="detail">The explanation for this occurrence.</param>
    /// <returns>The result.</returns>
    public static HttpResult Problem(int statusCode, string title, string? detail = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(title);
        return new(statusCode, ProblemJson, new ProblemBody(statusCode, title, detail));
    }

    /// <summary>400 problem.</summary>
    /// <param name="detail">What is wrong with the request.</param>
    /// <returns>The result.</returns>
    public static HttpResult BadRequest(string? detail = null) => Problem(400, "Bad Request", detail);

    /// <summary>404 problem.</summary>
    /// <param name="detail">What was not found.</param>
    /// <returns>The result.</returns>
    public static HttpResult NotFound(string? detail = null) => Problem(404, "Not Found", detail);
}
