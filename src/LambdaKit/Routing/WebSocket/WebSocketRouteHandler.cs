using LambdaKit.Events.APIGateway;

namespace LambdaKit;

/// <summary>Handles the events of one WebSocket route key (<c>$connect</c>, <c>$disconnect</c>, <c>$default</c> or a custom key).</summary>
/// <param name="request">The event; <c>RequestContext.ConnectionId</c> names the connection, <c>Body</c> holds a message.</param>
/// <param name="context">The invocation's context.</param>
/// <param name="cancellationToken">Cancelled shortly before the invocation's deadline.</param>
/// <returns>The answer; on <c>$connect</c> a status other than 2xx refuses the connection.</returns>
public delegate ValueTask<APIGatewayProxyResponse> WebSocketRouteHandler(APIGatewayProxyRequest request, ILambdaContext context, CancellationToken cancellationToken);
