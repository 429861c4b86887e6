using LambdaKit;

namespace Showcase.Http;

/// <summary>The HTTP routes of the Showcase function, served the same way from REST v1, HTTP API v2, function URLs and ALB.</summary>
internal static class OrdersApi
{
    public static void Map(HttpApiBuilder api)
    {
        api.MapGet("/hello/{name}", request => HttpResults.Ok(new Greeting($"hello {request.GetRouteValue("name")}")));

        api.MapPost<Order>("/orders", (request, order, cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(order.Id))
            {
                return ValueTask.FromResult(HttpResults.BadRequest("An order needs an id."));
            }

            return ValueTask.FromResult(HttpResults.Created($"/orders/{order.Id}", order));
        });

        api.MapGet("/boom", HttpResult (_) => throw new InvalidOperationException("secret connection string in this message"));
    }
}
