using LambdaKit.Context;
using LambdaKit.Routing.Http;
using LambdaKit.Events.APIGateway;
using LambdaKit.Serialization;

namespace LambdaKit.Routing.WebSocket;

/// <summary>Routes a WebSocket event by <c>requestContext.routeKey</c> to its handler, then <c>$default</c>; otherwise answers 404.</summary>
internal sealed class WebSocketRouter
{
    private static readonly APIGatewayProxyResponse NotFound = new() { StatusCode = 404 };

    private readonly Dictionary<string, WebSocketRouteHandler> _routes;
    private readonly WebSocketRouteHandler? _default;
    private readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<APIGatewayProxyRequest> _request;
    private readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<APIGatewayProxyResponse> _response;

    public WebSocketRouter(IEnumerable<WebSocketApiBuilder> builders, IServiceProvider services)
    {
        _routes = new(StringComparer.Ordinal);
        foreach (var (key, build) in builders.SelectMany(b => b.Routes))
        {
            if (!_routes.TryAdd(key, build(services)))
            {
                throw new InvalidOperationException($"The WebSocket route key '{key}' is mapped twice.");
            }
        }

        _routes.TryGetValue("$default", out _default);
        _request = HttpEnvelopes.ProxyRequest;
        _response = HttpEnvelopes.ProxyResponse;
    }

    public ValueTask<InvocationOutcome> InvokeAsync(InvocationContext context)
    {
        var request = LambdaJson.Deserialize(context.Payload.Span, _request);
        var key = request.RequestContext?.RouteKey;
        var handler = key is not null && _routes.TryGetValue(key, out var found) ? found : _default;
        if (handler is null)
        {
            LambdaJson.Serialize(context.Output, NotFound, _response);
            return ValueTask.FromResult(InvocationOutcome.Completed);
        }

        var pending = handler(request, context, context.CancellationToken);
        if (pending.IsCompletedSuccessfully)
        {
            LambdaJson.Serialize(context.Output, pending.Result, _response);
            return ValueTask.FromResult(InvocationOutcome.Completed);
        }

        return WriteWhenDoneAsync(pending, context);
    }

    private async ValueTask<InvocationOutcome> WriteWhenDoneAsync(ValueTask<APIGatewayProxyResponse> pending, InvocationContext context)
    {
        var response = await pending.ConfigureAwait(false);
        LambdaJson.Serialize(context.Output, response, _response);
        return InvocationOutcome.Completed;
    }
}
