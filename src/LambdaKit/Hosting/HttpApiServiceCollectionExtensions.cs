using LambdaKit;
using LambdaKit.Hosting;
using LambdaKit.Routing;
using LambdaKit.Routing.Http;
using LambdaKit.Serialization;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an HTTP API (API Gateway REST v1, HTTP API v2, function URLs, ALB) served from a route table.</summary>
public static class HttpApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds routes to the function's HTTP API. Every HTTP event source is served by the same route table; calling this
    /// more than once adds routes.
    /// </summary>
    /// <param name="services">The function's services (<c>builder.Services</c>).</param>
    /// <param name="configure">Maps the routes.</param>
    /// <returns><paramref name="services"/>, to chain further registrations.</returns>
    public static IServiceCollection AddHttpApi(this IServiceCollection services, Action<HttpApiBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddLambdaKit();
        var builder = new HttpApiBuilder();
        configure(builder);
        foreach (var route in builder.Routes)
        {
            services.AddSingleton(route);
        }

        if (!services.Any(d => d.ServiceType == typeof(HttpRouter)))
        {
            services.AddSingleton<HttpRouter>();
            ClosedOptions.RegisterLogger<HttpRouter>(services);
            services.AddSingleton(new HandlerRegistration("HTTP API", HttpRouter.Sources, sp =>
            {
                var router = sp.GetRequiredService<HttpRouter>();
                return router.InvokeAsync;
            })
            {
                Prime = sp =>
                {
                    LambdaJson.Prime(HttpEnvelopes.HttpApiV2Request);
                    LambdaJson.Prime(HttpEnvelopes.ProxyRequest);
                    LambdaJson.Prime(HttpEnvelopes.LoadBalancerRequest);
                    return ValueTask.CompletedTask;
                },
            });
        }

        return services;
    }
}
