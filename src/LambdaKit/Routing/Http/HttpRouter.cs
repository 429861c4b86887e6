using System.Globalization;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.ApplicationLoadBalancer;
using LambdaKit.Serialization;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Routing.Http;

/// <summary>
/// Serves API Gateway REST v1, HTTP API v2 / function URL and ALB events from one route table: reads the request, matches
/// method and path, runs the route with the deadline token, and writes the response envelope of the source that asked.
/// Unknown path → 404, wrong method → 405 with <c>Allow</c>, unhandled exception → 500 without details (they are logged),
/// out of time → 504; all as <c>application/problem+json</c>.
/// </summary>
internal sealed partial class HttpRouter
{
    [ThreadStatic]
    private static PooledBufferWriter? t_body;

    [ThreadStatic]
    private static Utf8JsonWriter? t_envelope;

    private readonly HttpRoute[] _routes;
    private readonly JsonMetadata _json;
    private readonly ILogger _logger;

    public HttpRouter(IEnumerable<HttpRoute> routes, JsonMetadata json, ILogger<HttpRouter> logger)
    {
        _routes = routes.ToArray();
        _json = json;
        _logger = logger;
    }

    public static IReadOnlyList<EventSourceKind> Sources { get; } =
        [EventSourceKind.ApiGatewayRest, EventSourceKind.ApiGatewayHttpV2, EventSourceKind.ApplicationLoadBalancer];

    /// <summary>
    /// Serves the request of <paramref name="context"/>, read as the envelope of <paramref name="source"/>; the outcome counts
    /// one unfinished item when the route ran out of time (answered 504).
    /// </summary>
    public async ValueTask<InvocationOutcome> InvokeAsync(InvocationContext context, EventSourceKind source)
    {
        var (request, multiValue) = ReadRequest(context, source);
        var (result, timedOut) = await RunAsync(request, context).ConfigureAwait(false);
        WriteResponse(context, request.Source, result, multiValue);
        return timedOut ? new InvocationOutcome { UnfinishedWork = 1 } : InvocationOutcome.Completed;
    }

    internal async ValueTask<(HttpResult Result, bool TimedOut)> RunAsync(LambdaHttpRequest request, InvocationContext context)
    {
        var route = Match(request, out var allowed);
        if (route is null)
        {
            return (allowed is null
                ? HttpResults.Problem(404, "Not Found", $"No route matches {Shorten(request.Method)} {Shorten(request.Path)}.")
                : HttpResults.Problem(405, "Method Not Allowed", $"{Shorten(request.Path)} does not accept {Shorten(request.Method)}.").WithHeader("Allow", allowed), false);
        }

        var token = context.CancellationToken;
        Task<HttpResult>? running = null;
        try
        {
            var pending = route.Handler(request, token);
            if (pending.IsCompletedSuccessfully)
            {
                return (pending.Result, false);
            }

            running = pending.AsTask();
            return (await running.WaitAsync(token).ConfigureAwait(false), false);
        }
        catch (HttpProblemException problem)
        {
            if (problem.InnerException is { } cause)
            {
                // The details (serializer messages, type names) stay in the log; the body says it in the user's terms.
                LogProblem(_logger, cause, problem.StatusCode, request.Method, Shorten(request.Path));
            }

            return (HttpResults.Problem(problem.StatusCode, problem.Title, problem.Detail), false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            if (running is { IsCompleted: false })
            {
                // The loop observes it and keeps the invocation's DI scope alive until it finished.
                context.Abandon(running);
            }

            LogTimedOut(_logger, request.Method, request.Path);
            return (HttpResults.Problem(504, "Gateway Timeout", "The request did not complete before the function's deadline."), true);
        }
        catch (Exception exception)
        {
            LogUnhandled(_logger, exception, request.Method, request.Path);
            return (HttpResults.Problem(500, "Internal Server Error", "An unexpected error occurred."), false);
        }
    }

    /// <summary>Request text echoed in a problem body is bounded (it is JSON-escaped when written).</summary>
    private static string Shorten(string value) => value.Length <= 200 ? value : string.Concat(value.AsSpan(0, 200), "…");

    private HttpRoute? Match(LambdaHttpRequest request, out string? allowed)
    {
        allowed = null;
        foreach (var route in _routes)
        {
            if (!route.Template.TryMatch(request.Path, out var values))
            {
                continue;
            }

            if (string.Equals(route.Method, request.Method, StringComparison.OrdinalIgnoreCase))
            {
                if (values is not null)
                {
                    request.RouteValues = values;
                }

                return route;
            }

            allowed = allowed is null ? route.Method : allowed.Contains(route.Method, StringComparison.Ordinal) ? allowed : allowed + ", " + route.Method;
        }

        return null;
    }

    private (LambdaHttpRequest Request, bool MultiValue) ReadRequest(InvocationContext context, EventSourceKind source)
    {
        var payload = context.Payload.Span;
        switch (source)
        {
            case EventSourceKind.ApiGatewayHttpV2:
                {
                    var e = LambdaJson.Deserialize(payload, _json.GetTypeInfo<APIGatewayHttpApiV2ProxyRequest>());
                    var stage = e.RequestContext?.Stage;
                    var path = e.RawPath ?? e.RequestContext?.Http?.Path ?? "/";
                    if (!string.IsNullOrEmpty(stage) && stage != "$default" && path.StartsWith("/" + stage + "/", StringComparison.Ordinal))
                    {
                        path = path[(stage.Length + 1)..];
                    }

                    var method = e.RequestContext?.Http?.Method ?? (e.RouteKey?.Split(' ')[0]) ?? "GET";
                    return (new LambdaHttpRequest(source, e, method.ToUpperInvariant(), path, e.Headers, e.QueryStringParameters, e.Cookies, e.Body, e.IsBase64Encoded, context, context.Services, _json), false);
                }

            case EventSourceKind.ApplicationLoadBalancer:
                {
                    var e = LambdaJson.Deserialize(payload, _json.GetTypeInfo<ApplicationLoadBalancerRequest>());
                    var headers = Join(e.MultiValueHeaders) ?? e.Headers;
                    return (new LambdaHttpRequest(source, e, (e.HttpMethod ?? "GET").ToUpperInvariant(), e.Path ?? "/", headers, Join(e.MultiValueQueryStringParameters) ?? e.QueryStringParameters, CookiesOf(headers), e.Body, e.IsBase64Encoded, context, context.Services, _json), e.MultiValueHeaders is not null);
                }

            default:
                {
                    var e = LambdaJson.Deserialize(payload, _json.GetTypeInfo<APIGatewayProxyRequest>());
                    var headers = Join(e.MultiValueHeaders) ?? e.Headers;
                    return (new LambdaHttpRequest(EventSourceKind.ApiGatewayRest, e, (e.HttpMethod ?? "GET").ToUpperInvariant(), e.Path ?? "/", headers, Join(e.MultiValueQueryStringParameters) ?? e.QueryStringParameters, CookiesOf(headers), e.Body, e.IsBase64Encoded, context, context.Services, _json), false);
                }
        }
    }

    private void WriteResponse(InvocationContext context, EventSourceKind source, HttpResult result, bool multiValue)
    {
        var body = t_body ??= new PooledBufferWriter(4096);
        var writer = t_envelope;
        if (writer is null)
        {
            writer = new Utf8JsonWriter(context.Output);
            t_envelope = writer;
        }
        else
        {
            writer.Reset(context.Output);
        }

        try
        {
            result.Body?.Write(body, _json);
            var v2 = source == EventSourceKind.ApiGatewayHttpV2;
            var alb = source == EventSourceKind.ApplicationLoadBalancer;
            writer.WriteStartObject();
            writer.WriteNumber("statusCode", result.StatusCode);
            if (alb)
            {
                writer.WriteString("statusDescription", string.Concat(result.StatusCode.ToString(CultureInfo.InvariantCulture), " ", ReasonPhrase(result.StatusCode)));
            }

            if (multiValue)
            {
                writer.WriteStartObject("multiValueHeaders");
                foreach (var (name, value) in result.Headers)
                {
                    writer.WriteStartArray(name);
                    writer.WriteStringValue(value);
                    writer.WriteEndArray();
                }

                WriteSetCookies(writer, result);
                writer.WriteEndObject();
            }
            else
            {
                writer.WriteStartObject("headers");
                foreach (var (name, value) in result.Headers)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                if (v2)
                {
                    if (result.Cookies.Count > 0)
                    {
                        writer.WriteStartArray("cookies");
                        foreach (var cookie in result.Cookies)
                        {
                            writer.WriteStringValue(cookie);
                        }

                        writer.WriteEndArray();
                    }
                }
                else if (result.Cookies.Count > 0)
                {
                    writer.WriteStartObject("multiValueHeaders");
                    WriteSetCookies(writer, result);
                    writer.WriteEndObject();
                }
            }

            if (result.IsBinary)
            {
                writer.WriteBase64String("body", body.WrittenSpan);
            }
            else
            {
                writer.WriteString("body", body.WrittenSpan);
            }

            writer.WriteBoolean("isBase64Encoded", result.IsBinary);
            writer.WriteEndObject();
            writer.Flush();
        }
        finally
        {
            body.Reset();
            writer.Reset(Stream.Null);
        }
    }

    private static void WriteSetCookies(Utf8JsonWriter writer, HttpResult result)
    {
        if (result.Cookies.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("Set-Cookie");
        foreach (var cookie in result.Cookies)
        {
            writer.WriteStringValue(cookie);
        }

        writer.WriteEndArray();
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

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        202 => "Accepted",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        422 => "Unprocessable Entity",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => string.Empty,
    };

    [LoggerMessage(10, LogLevel.Error, "Unhandled exception in route {Method} {Path}; answered 500")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(11, LogLevel.Warning, "Route {Method} {Path} ran out of time; answered 504")]
    private static partial void LogTimedOut(ILogger logger, string method, string path);

    [LoggerMessage(12, LogLevel.Information, "{Method} {Path} answered {Status}")]
    private static partial void LogProblem(ILogger logger, Exception exception, int status, string method, string path);
}
