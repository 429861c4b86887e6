using LambdaKit;
using LambdaKit.Events;
using LambdaKit.Routing;
using LambdaKit.Routing.WebSocket;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an API Gateway WebSocket API served from a table of route keys.</summary>
public static class WebSocketApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds route keys to the function's WebSocket API (events whose <c>requestContext</c> has a <c>connectionId</c>);
    /// calling this more than once adds route keys.
    /// </summary>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Maps the route keys.</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddWebSocketApi(this IServiceCollection services, Action<WebSocketApiBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLambdaKit();
        var builder = new WebSocketApiBuilder();
        configure(builder);
        services.AddSingleton(builder);
        foreach (var register in builder.Registrations)
        {
            register(services);
        }

        if (!services.Any(d => d.ServiceType == typeof(WebSocketRouter)))
        {
            services.AddSingleton(sp => new WebSocketRouter(sp.GetServices<WebSocketApiBuilder>(), sp));
            services.AddSingleton(new HandlerRegistration("WebSocket API", [EventSourceKind.ApiGatewayWebSocket], sp =>
            {
                var router = sp.GetRequiredService<WebSocketRouter>();
                return (context, _) => router.InvokeAsync(context);
            }));
        }

        return services;
    }
}
