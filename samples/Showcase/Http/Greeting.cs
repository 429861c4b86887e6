namespace Showcase.Http;

/// <summary>The answer of <c>GET /hello/{name}</c>.</summary>
internal sealed record Greeting(string Message);
