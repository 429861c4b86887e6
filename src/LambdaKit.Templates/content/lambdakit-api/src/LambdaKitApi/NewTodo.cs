namespace LambdaKitApi;

/// <summary>A todo to add, from <c>POST /todos</c> or a queue message: <c>{"title":"..."}</c>.</summary>
/// <param name="Title">What to do.</param>
internal sealed record NewTodo(string? Title);
