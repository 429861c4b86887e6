using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Context;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Routing;

public sealed partial class HttpRouterTests : IAsyncDisposable
{
    internal sealed record Item(string Name, int Count);

    [JsonSerializable(typeof(Item))]
    internal sealed partial class ItemJsonContext : JsonSerializerContext;

    private readonly ServiceProvider _services;
    private readonly InvocationDispatcher _dispatcher;

    public HttpRouterTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddLambdaKit(o => o.AddJsonSerializerContext(ItemJsonContext.Default));
        services.AddHttpApi(api =>
        {
            api.MapGet("/echo", r => HttpResults.Ok(new Item($"{r.GetHeader("x-custom")}|{r.GetQuery("tag")}|{r.Cookies.Count}", r.Headers.Count)));
            api.MapPost<Item>("/items", (r, item, ct) => ValueTask.FromResult(HttpResults.Json(202, item with { Count = item.Count + 1 })));
            api.MapGet("/png", _ => HttpResults.Bytes(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, "image/png"));
            api.MapGet("/cookie", _ => HttpResults.NoContent().WithCookie("id=1; Secure").WithCookie("theme=dark"));
            api.MapGet("/teapot", HttpResult (_) => throw new HttpProblemException(418, "I'm a teapot", "short and stout"));
            api.MapGet("/slow", async (r, ct) =>
            {
                await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
                return HttpResults.NoContent();
            });
            api.MapPut("/items/{id}", (r, ct) => ValueTask.FromResult(HttpResults.Text(r.GetRouteValue("id")!)));
            api.MapDelete("/items/{id}", (r, ct) => ValueTask.FromResult(HttpResults.NoContent()));
        });
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<InvocationDispatcher>();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<(JsonElement Response, InvocationOutcome Outcome)> InvokeAsync(string json, CancellationToken token = default)
    {
        var output = new PooledBufferWriter();
        var context = new InvocationContext(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            Services = _services,
            CancellationToken = token,
        };
        var outcome = await _dispatcher.DispatchAsync(context);
        return (JsonDocument.Parse(output.WrittenMemory).RootElement.Clone(), outcome);
    }

    private static string V1(string method, string path, string extra = "") =>
        $$"""{"resource":"/{proxy+}","path":"{{path}}","httpMethod":"{{method}}","requestContext":{"stage":"prod"}{{extra}}}""";

    private static string V2(string method, string path, string extra = "") =>
        $$"""{"version":"2.0","routeKey":"$default","rawPath":"{{path}}","requestContext":{"http":{"method":"{{method}}","path":"{{path}}"},"stage":"$default"}{{extra}}}""";

    [Fact]
    public async Task V1_headers_are_case_insensitive_and_multi_values_are_joined()
    {
        var (response, _) = await InvokeAsync(V1("GET", "/echo", """
            ,"headers":{"X-Custom":"one"},"multiValueHeaders":{"X-Custom":["one","two"],"Cookie":["a=1; b=2"]},
             "queryStringParameters":{"tag":"x"},"multiValueQueryStringParameters":{"TAG":["x","y"]}
            """));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"Name":"one,two|x,y|2","Count":2}""", response.GetProperty("body").GetString());
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Fact]
    public async Task V2_body_is_bound_from_base64_and_the_result_keeps_its_status()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"Name":"pen","Count":1}"""));
        var (response, _) = await InvokeAsync(V2("POST", "/items", $$""","body":"{{body}}","isBase64Encoded":true"""));

        Assert.Equal(202, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("""{"Name":"pen","Count":2}""", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Binary_result_is_sent_base64_encoded()
    {
        var (response, _) = await InvokeAsync(V2("GET", "/png"));

        Assert.True(response.GetProperty("isBase64Encoded").GetBoolean());
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, Convert.FromBase64String(response.GetProperty("body").GetString()!));
        Assert.Equal("image/png", response.GetProperty("headers").GetProperty("Content-Type").GetString());
    }

    [Fact]
    public async Task Cookies_are_sent_as_v2_cookies_and_as_v1_set_cookie_headers()
    {
        var (v2, _) = await InvokeAsync(V2("GET", "/cookie"));
        var (v1, _) = await InvokeAsync(V1("GET", "/cookie"));

        Assert.Equal(204, v2.GetProperty("statusCode").GetInt32());
        Assert.Equal(["id=1; Secure", "theme=dark"], v2.GetProperty("cookies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["id=1; Secure", "theme=dark"], v1.GetProperty("multiValueHeaders").GetProperty("Set-Cookie").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Problem_exception_answers_its_status_as_problem_json()
    {
        var (response, _) = await InvokeAsync(V2("GET", "/teapot"));

        Assert.Equal(418, response.GetProperty("statusCode").GetInt32());
        using var problem = JsonDocument.Parse(response.GetProperty("body").GetString()!);
        Assert.Equal("short and stout", problem.RootElement.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Route_still_running_at_the_deadline_margin_answers_504_and_marks_the_invocation_unfinished()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var (response, outcome) = await InvokeAsync(V2("GET", "/slow"), deadline.Token);

        Assert.Equal(504, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(1, outcome.UnfinishedWork);
    }

    [Fact]
    public async Task Allow_lists_every_method_of_the_path()
    {
        var (response, _) = await InvokeAsync(V2("GET", "/items/7"));

        Assert.Equal(405, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("PUT, DELETE", response.GetProperty("headers").GetProperty("Allow").GetString());
    }

    [Fact]
    public async Task Route_values_reach_the_handler()
    {
        var (response, _) = await InvokeAsync(V1("PUT", "/items/abc"));

        Assert.Equal("abc", response.GetProperty("body").GetString());
    }
}
