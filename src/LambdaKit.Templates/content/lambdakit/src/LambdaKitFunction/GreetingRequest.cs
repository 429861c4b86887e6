namespace LambdaKitFunction;

/// <summary>The function's event: <c>{"name":"Ada"}</c>.</summary>
/// <param name="Name">Who to greet.</param>
internal sealed record GreetingRequest(string? Name);
