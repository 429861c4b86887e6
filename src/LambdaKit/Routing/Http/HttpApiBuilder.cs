using LambdaKit.Routing.Http;

namespace LambdaKit;

/// <summary>
/// The route table of an HTTP API served through API Gateway (REST v1, HTTP API v2), function URLs or an ALB:
/// routes by method and path template (<c>/orders/{id}</c>, <c>/files/{proxy+}</c>). Configured with
/// <c>services.AddHttpApi(api =&gt; api.MapGet("/hello/{name}", …))</c>.
/// </summary>
public sealed class HttpApiBuilder
{
    private readonly List<HttpRoute> _routes = [];

    internal IReadOnlyList<HttpRoute> Routes => _routes;

    /// <summary>Maps a route for a method.</summary>
    /// <param name="method">The HTTP method (GET, POST…).</param>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder Map(string method, string template, HttpRouteHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(handler);
        _routes.Add(new HttpRoute(method.ToUpperInvariant(), RouteTemplate.Parse(template), handler));
        return this;
    }

    /// <summary>Maps a GET route.</summary>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapGet(string template, HttpRouteHandler handler) => Map("GET", template, handler);

    /// <summary>Maps a GET route with a synchronous handler.</summary>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapGet(string template, Func<LambdaHttpRequest, HttpResult> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Map("GET", template, (request, _) => ValueTask.FromResult(handler(request)));
    }

    /// <summary>Maps a POST route.</summary>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapPost(string template, HttpRouteHandler handler) => Map("POST", template, handler);

    /// <summary>Maps a POST route whose JSON body is bound to <typeparamref name="TBody"/>; an unreadable body answers 400.</summary>
    /// <typeparam name="TBody">The body type; its JSON metadata must be registered.</typeparam>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapPost<TBody>(string template, Func<LambdaHttpRequest, TBody, CancellationToken, ValueTask<HttpResult>> handler)
        => Map("POST", template, Bind(handler));

    /// <summary>Maps a PUT route.</summary>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapPut(string template, HttpRouteHandler handler) => Map("PUT", template, handler);

    /// <summary>Maps a PUT route whose JSON body is bound to <typeparamref name="TBody"/>; an unreadable body answers 400.</summary>
    /// <typeparam name="TBody">The body type; its JSON metadata must be registered.</typeparam>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapPut<TBody>(string template, Func<LambdaHttpRequest, TBody, CancellationToken, ValueTask<HttpResult>> handler)
        => Map("PUT", template, Bind(handler));

    /// <summary>Maps a PATCH route.</summary>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapPatch(string template, HttpRouteHandler handler) => Map("PATCH", template, handler);

    /// <summary>Maps a DELETE route.</summary>
    /// <param name="template">The path template.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    public HttpApiBuilder MapDelete(string template, HttpRouteHandler handler) => Map("DELETE", template, handler);

    private static HttpRouteHandler Bind<TBody>(Func<LambdaHttpRequest, TBody, CancellationToken, ValueTask<HttpResult>> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (request, cancellationToken) => handler(request, request.ReadJson<TBody>(), cancellationToken);
    }
}
