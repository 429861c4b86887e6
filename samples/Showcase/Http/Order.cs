namespace Showcase.Http;

/// <summary>An order posted to <c>POST /orders</c>.</summary>
internal sealed record Order(string Id, decimal Amount);
