namespace LambdaKit.Routing.Http;

/// <summary>One entry of the route table.</summary>
internal sealed record HttpRoute(string Method, RouteTemplate Template, HttpRouteHandler Handler);
