using System.Diagnostics.CodeAnalysis;
using LambdaKit.Events.APIGateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LambdaKit;

/// <summary>
/// The route table of an API Gateway WebSocket API: one handler per route key, as API Gateway names it in
/// <c>requestContext.routeKey</c> (<c>$connect</c>, <c>$disconnect</c>, <c>$default</c>, or a key chosen by the route selection
/// expression, such as <c>sendmessage</c>). A route key with no handler goes to the <c>$default</c> handler, or is answered
/// with status 404. Configured with <c>services.AddWebSocketApi(ws =&gt; ws.Map("$connect", …))</c>.
/// </summary>
public sealed class WebSocketApiBuilder
{
    private readonly Dictionary<string, Func<IServiceProvider, WebSocketRouteHandler>> _routes = new(StringComparer.Ordinal);
    private readonly List<Action<IServiceCollection>> _registrations = [];

    internal IReadOnlyDictionary<string, Func<IServiceProvider, WebSocketRouteHandler>> Routes => _routes;

    internal IReadOnlyList<Action<IServiceCollection>> Registrations => _registrations;

    /// <summary>Maps a route key to a handler.</summary>
    /// <param name="routeKey">The route key, compared exactly (case-sensitively), for example <c>$connect</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The route key is already mapped.</exception>
    public WebSocketApiBuilder Map(string routeKey, WebSocketRouteHandler handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        ArgumentNullException.ThrowIfNull(handler);
        Add(routeKey, _ => handler);
        return this;
    }

    /// <summary>Maps a route key to a handler class, resolved from the invocation's DI scope.</summary>
    /// <typeparam name="THandler">The handler; registered as scoped if it is not registered yet.</typeparam>
    /// <param name="routeKey">The route key, compared exactly (case-sensitively).</param>
    /// <returns>This builder.</returns>
    /// <exception cref="InvalidOperationException">The route key is already mapped.</exception>
    public WebSocketApiBuilder Map<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(string routeKey)
        where THandler : class, ILambdaHandler<APIGatewayProxyRequest, APIGatewayProxyResponse>
    {
        ArgumentException.ThrowIfNullOrEmpty(routeKey);
        _registrations.Add(services => services.TryAddScoped<THandler>());
        Add(routeKey, _ => (request, context, cancellationToken) =>
            ((Context.InvocationContext)context).Services.GetRequiredService<THandler>().HandleAsync(request, context, cancellationToken));
        return this;
    }

    private void Add(string routeKey, Func<IServiceProvider, WebSocketRouteHandler> build)
    {
        if (!_routes.TryAdd(routeKey, build))
        {
            throw new InvalidOperationException($"The WebSocket route key '{routeKey}' is mapped twice.");
        }
    }
}
