using LambdaKit;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKitApi;

/// <summary>The function's HTTP routes: <c>POST /todos</c> and <c>GET /todos/{id}</c>.</summary>
internal static class TodoRoutes
{
    public static void Map(HttpApiBuilder api)
    {
        api.MapPost<NewTodo>("/todos", (request, todo, cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(todo.Title))
            {
                return ValueTask.FromResult(HttpResults.BadRequest("A todo needs a title."));
            }

            var created = request.Services.GetRequiredService<TodoStore>().Add(todo.Title);
            return ValueTask.FromResult(HttpResults.Created($"/todos/{created.Id}", created));
        });

        api.MapGet("/todos/{id}", request =>
            request.Services.GetRequiredService<TodoStore>().Find(request.GetRouteValue("id")) is { } todo
                ? HttpResults.Ok(todo)
                : HttpResults.NotFound());
    }
}
