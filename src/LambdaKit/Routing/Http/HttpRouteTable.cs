namespace LambdaKit.Routing.Http;

/// <summary>
/// The routes of the HTTP API in registration order: the first whose template and method match a request wins; a path
/// that matches only with other methods yields the <c>Allow</c> list of a 405.
/// </summary>
internal sealed class HttpRouteTable(IEnumerable<HttpRoute> routes)
{
    private readonly HttpRoute[] _routes = routes.ToArray();

    /// <summary>
    /// The route for <paramref name="request"/> (its route values set on the request), or null; then
    /// <paramref name="allowed"/> lists the methods of the routes whose template matched, or is null when none did.
    /// </summary>
    public HttpRoute? Match(LambdaHttpRequest request, out string? allowed)
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
}
