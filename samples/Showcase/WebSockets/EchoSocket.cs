using LambdaKit;
using LambdaKit.Events.APIGateway;

namespace Showcase.WebSockets;

/// <summary>The WebSocket API: connections are accepted, every other route echoes the message.</summary>
internal static class EchoSocket
{
    private static readonly APIGatewayProxyResponse Ok = new() { StatusCode = 200 };

    public static void Map(WebSocketApiBuilder ws) => ws
        .Map("$connect", (_, _, _) => ValueTask.FromResult(Ok))
        .Map("$disconnect", (_, _, _) => ValueTask.FromResult(Ok))
        .Map("$default", (request, _, _) => ValueTask.FromResult(new APIGatewayProxyResponse { StatusCode = 200, Body = "echo:" + request.Body }));
}
