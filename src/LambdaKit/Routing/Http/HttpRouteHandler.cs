namespace LambdaKit;

/// <summary>Handles an HTTP request routed from API Gateway (REST v1, HTTP API v2), a function URL or an ALB.</summary>
/// <param name="request">The request, with its route values.</param>
/// <param name="cancellationToken">Fires a configurable margin before the invocation's deadline.</param>
/// <returns>The result to send back.</returns>
public delegate ValueTask<HttpResult> HttpRouteHandler(LambdaHttpRequest request, CancellationToken cancellationToken);
