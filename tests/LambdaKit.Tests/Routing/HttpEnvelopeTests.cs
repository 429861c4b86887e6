using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using LambdaKit.Context;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.Batching;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.Routing;

/// <summary>
/// What the HTTP router reads from each envelope (stage, method, path, headers, cookies) and writes back to each (ALB status
/// line, multi-value headers, problem bodies), value by value.
/// </summary>
public sealed partial class HttpEnvelopeTests : IAsyncDisposable
{
    internal sealed record Note(string Text, int Size);

    [JsonSerializable(typeof(Note))]
    internal sealed partial class NoteJsonContext : JsonSerializerContext;

    private readonly ServiceProvider _services;
    private readonly CapturingLoggerProvider _logs = new();

    public HttpEnvelopeTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging(l => l.AddProvider(_logs).SetMinimumLevel(LogLevel.Debug));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(NoteJsonContext.Default));
        services.AddHttpApi(api =>
        {
            api.MapGet("/echo", r => HttpResults.Text($"{r.Method} {r.Path} {r.Source} cookies={string.Join("|", r.Cookies)} a={r.GetHeader("x-a")} q={r.GetQuery("Q")} none={r.GetHeader("missing") ?? "-"} routes={r.RouteValues.Count}"));
            api.Map("PATCH", "/echo", (r, _) => ValueTask.FromResult(HttpResults.Text("patched " + r.Method)));
            api.MapGet("/status/{code}", r => HttpResults.StatusCode(int.Parse(r.GetRouteValue("code")!, System.Globalization.CultureInfo.InvariantCulture)).WithHeader("X-One", "1").WithCookie("c=1"));
            api.MapPut("/items/{id}", (r, _) => ValueTask.FromResult(HttpResults.NoContent()));
            api.MapPut("/items/{name}", (r, _) => ValueTask.FromResult(HttpResults.NoContent()));
            api.MapDelete("/items/{id}", (r, _) => ValueTask.FromResult(HttpResults.NoContent()));
            api.MapPost("/notes", async (r, _) =>
            {
                await Task.Yield();
                var note = r.ReadJson<Note>();
                return HttpResults.Created("/notes/1", note with { Size = note.Text.Length });
            });
            api.MapGet("/boom", HttpResult (_) => throw new InvalidOperationException("secret detail"));
            api.MapGet("/problem", HttpResult (_) => throw new HttpProblemException(409, "Conflict", "taken", new InvalidOperationException("cause")));
            api.MapGet("/plain-problem", HttpResult (_) => throw new HttpProblemException(422, "Unprocessable Entity", null));
            api.MapGet("/later", async (r, ct) =>
            {
                await Task.Yield();
                return HttpResults.Text("later", "text/x-later", 203);
            });
        });
        _services = services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<JsonElement> InvokeAsync(string json)
    {
        var output = new PooledBufferWriter();
        var context = new InvocationContext(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            Services = _services,
        };
        await _services.GetRequiredService<InvocationDispatcher>().DispatchAsync(context);
        return JsonDocument.Parse(output.WrittenMemory).RootElement.Clone();
    }

    private static JsonElement Problem(JsonElement response) => JsonDocument.Parse(response.GetProperty("body").GetString()!).RootElement.Clone();

    private static string Alb(string method, string path, string extra = "") =>
        $$$"""{"requestContext":{"elb":{"targetGroupArn":"arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/t/1"}},"httpMethod":"{{{method}}}","path":"{{{path}}}"{{{extra}}}}""";

    private static string V2(string rawPath, string stage, string http, string extra = "") =>
        $$"""{"version":"2.0","routeKey":"$default","rawPath":"{{rawPath}}","requestContext":{"http":{{http}},"stage":"{{stage}}"}{{extra}}}""";

    [Fact]
    public async Task Alb_request_is_read_with_its_headers_cookies_and_query_and_answered_with_a_status_description()
    {
        var response = await InvokeAsync(Alb("get", "/echo", ""","headers":{"X-A":"1","cookie":"s=1; t=2"},"queryStringParameters":{"q":"v"}"""));

        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("200 OK", response.GetProperty("statusDescription").GetString());
        Assert.Equal("GET /echo ApplicationLoadBalancer cookies=s=1|t=2 a=1 q=v none=- routes=0", response.GetProperty("body").GetString());
        Assert.Equal("text/plain; charset=utf-8", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.False(response.TryGetProperty("multiValueHeaders", out _));
        Assert.False(response.GetProperty("isBase64Encoded").GetBoolean());
    }

    [Theory]
    [InlineData(201, "201 Created")]
    [InlineData(202, "202 Accepted")]
    [InlineData(204, "204 No Content")]
    [InlineData(301, "301 Moved Permanently")]
    [InlineData(302, "302 Found")]
    [InlineData(304, "304 Not Modified")]
    [InlineData(400, "400 Bad Request")]
    [InlineData(401, "401 Unauthorized")]
    [InlineData(403, "403 Forbidden")]
    [InlineData(404, "404 Not Found")]
    [InlineData(405, "405 Method Not Allowed")]
    [InlineData(409, "409 Conflict")]
    [InlineData(422, "422 Unprocessable Entity")]
    [InlineData(429, "429 Too Many Requests")]
    [InlineData(500, "500 Internal Server Error")]
    [InlineData(502, "502 Bad Gateway")]
    [InlineData(503, "503 Service Unavailable")]
    [InlineData(504, "504 Gateway Timeout")]
    [InlineData(418, "418 ")]
    public async Task Alb_status_description_has_the_reason_phrase_of_the_status(int status, string description)
    {
        var response = await InvokeAsync(Alb("GET", $"/status/{status}"));

        Assert.Equal(status, response.GetProperty("statusCode").GetInt32());
        Assert.Equal(description, response.GetProperty("statusDescription").GetString());
    }

    [Fact]
    public async Task Alb_with_multi_value_headers_is_answered_with_multi_value_headers_and_set_cookie()
    {
        var response = await InvokeAsync(Alb("GET", "/status/202", ""","multiValueHeaders":{"X-A":["1","2"]},"multiValueQueryStringParameters":{"q":["a","b"]}"""));

        Assert.False(response.TryGetProperty("headers", out _));
        var headers = response.GetProperty("multiValueHeaders");
        Assert.Equal(["1"], headers.GetProperty("X-One").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["c=1"], headers.GetProperty("Set-Cookie").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal("202 Accepted", response.GetProperty("statusDescription").GetString());
    }

    [Fact]
    public async Task Alb_multi_value_request_headers_and_query_are_joined_and_its_cookie_header_read()
    {
        var response = await InvokeAsync(Alb("GET", "/echo", ""","multiValueHeaders":{"x-a":["1","2"],"Cookie":["k=v"]},"multiValueQueryStringParameters":{"Q":["a","b"]}"""));

        Assert.Equal("GET /echo ApplicationLoadBalancer cookies=k=v a=1,2 q=a,b none=- routes=0", response.GetProperty("body").GetString());
        Assert.True(response.TryGetProperty("multiValueHeaders", out _));
    }

    [Fact]
    public async Task V2_path_loses_its_stage_prefix_but_not_a_longer_segment_or_the_default_stage()
    {
        var prod = await InvokeAsync(V2("/prod/echo", "prod", """{"method":"GET","path":"/prod/echo"}"""));
        var production = await InvokeAsync(V2("/production/echo", "prod", """{"method":"GET","path":"/production/echo"}"""));
        var @default = await InvokeAsync(V2("/$default/echo", "$default", """{"method":"GET","path":"/$default/echo"}"""));

        Assert.Equal("GET /echo ApiGatewayHttpV2 cookies= a= q= none=- routes=0", prod.GetProperty("body").GetString());
        Assert.Equal(404, production.GetProperty("statusCode").GetInt32());
        Assert.Equal("No route matches GET /production/echo.", Problem(production).GetProperty("detail").GetString());
        Assert.Equal(404, @default.GetProperty("statusCode").GetInt32());
        Assert.False(prod.TryGetProperty("statusDescription", out _));
    }

    [Fact]
    public async Task V2_method_comes_from_the_route_key_when_the_request_context_has_none_and_is_upper_cased()
    {
        var fromRouteKey = await InvokeAsync("""{"version":"2.0","routeKey":"patch /echo","rawPath":"/echo","requestContext":{"stage":"$default"}}""");
        var lowerCase = await InvokeAsync(V2("/echo", "$default", """{"method":"patch","path":"/echo"}"""));
        var none = await InvokeAsync("""{"version":"2.0","rawPath":"/echo","requestContext":{"stage":"$default","http":{"path":"/echo"}}}""");

        Assert.Equal("patched PATCH", fromRouteKey.GetProperty("body").GetString());
        Assert.Equal("patched PATCH", lowerCase.GetProperty("body").GetString());
        Assert.StartsWith("GET /echo", none.GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_without_raw_path_uses_the_request_context_path_then_the_root()
    {
        var fromContext = await InvokeAsync("""{"version":"2.0","routeKey":"$default","requestContext":{"stage":"$default","http":{"method":"GET","path":"/echo"}}}""");
        var root = await InvokeAsync("""{"version":"2.0","routeKey":"$default","requestContext":{"stage":"$default","http":{"method":"GET"}}}""");

        Assert.StartsWith("GET /echo", fromContext.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("No route matches GET /.", Problem(root).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task V1_without_method_or_path_is_a_get_of_the_root()
    {
        var response = await InvokeAsync("""{"resource":"/","requestContext":{"stage":"prod"},"httpMethod":null,"path":null}""");

        Assert.Equal(404, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("No route matches GET /.", Problem(response).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task V1_cookie_header_and_duplicate_header_names_are_read_case_insensitively()
    {
        var response = await InvokeAsync("""{"resource":"/{proxy+}","path":"/echo","httpMethod":"GET","requestContext":{"stage":"prod"},"headers":{"X-A":"1","x-a":"2","COOKIE":"a=1;;b=2 "}}""");

        Assert.Equal("GET /echo ApiGatewayRest cookies=a=1|b=2 a=1,2 q= none=- routes=0", response.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Wrong_method_answers_405_naming_each_allowed_method_once()
    {
        var response = await InvokeAsync(V2("/items/7", "$default", """{"method":"GET","path":"/items/7"}"""));

        Assert.Equal(405, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("PUT, DELETE", response.GetProperty("headers").GetProperty("Allow").GetString());
        var problem = Problem(response);
        Assert.Equal("/items/7 does not accept GET.", problem.GetProperty("detail").GetString());
        Assert.Equal("Method Not Allowed", problem.GetProperty("title").GetString());
        Assert.Equal(405, problem.GetProperty("status").GetInt32());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.6", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Path_echoed_in_a_problem_is_kept_up_to_200_characters()
    {
        var exact = "/" + new string('p', 199);
        var longer = exact + "q";

        var kept = Problem(await InvokeAsync(V2(exact, "$default", $$"""{"method":"GET","path":"{{exact}}"}""")));
        var cut = Problem(await InvokeAsync(V2(longer, "$default", $$"""{"method":"GET","path":"{{longer}}"}""")));

        Assert.Equal($"No route matches GET {exact}.", kept.GetProperty("detail").GetString());
        Assert.Equal($"No route matches GET {exact}….", cut.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unhandled_exception_answers_500_without_its_message_and_logs_it_as_an_error()
    {
        var response = await InvokeAsync(V2("/boom", "$default", """{"method":"GET","path":"/boom"}"""));

        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        Assert.Equal("application/problem+json", response.GetProperty("headers").GetProperty("Content-Type").GetString());
        var problem = Problem(response);
        Assert.Equal("Internal Server Error", problem.GetProperty("title").GetString());
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("detail").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.6.1", problem.GetProperty("type").GetString());
        Assert.DoesNotContain("secret", response.GetProperty("body").GetString()!, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Error && l.Exception is InvalidOperationException { Message: "secret detail" });
    }

    [Fact]
    public async Task Problem_exception_answers_its_status_title_and_detail_and_logs_its_cause_only()
    {
        var withCause = await InvokeAsync(V2("/problem", "$default", """{"method":"GET","path":"/problem"}"""));
        var linesAfterFirst = _logs.Lines.Count;
        var withoutCause = await InvokeAsync(V2("/plain-problem", "$default", """{"method":"GET","path":"/plain-problem"}"""));

        Assert.Equal(409, withCause.GetProperty("statusCode").GetInt32());
        var problem = Problem(withCause);
        Assert.Equal("Conflict", problem.GetProperty("title").GetString());
        Assert.Equal("taken", problem.GetProperty("detail").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.10", problem.GetProperty("type").GetString());
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Information && l.Exception is InvalidOperationException { Message: "cause" });
        Assert.Equal(422, withoutCause.GetProperty("statusCode").GetInt32());
        Assert.False(Problem(withoutCause).TryGetProperty("detail", out _));
        Assert.Equal(linesAfterFirst, _logs.Lines.Count);
    }

    [Fact]
    public async Task Route_that_completes_later_answers_its_result()
    {
        var later = await InvokeAsync(V2("/later", "$default", """{"method":"GET","path":"/later"}"""));
        var created = await InvokeAsync(V2("/notes", "$default", """{"method":"POST","path":"/notes"}""", ""","body":"{\"Text\":\"abc\",\"Size\":0}" """));

        Assert.Equal(203, later.GetProperty("statusCode").GetInt32());
        Assert.Equal("later", later.GetProperty("body").GetString());
        Assert.Equal("text/x-later", later.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal(201, created.GetProperty("statusCode").GetInt32());
        Assert.Equal("/notes/1", created.GetProperty("headers").GetProperty("Location").GetString());
        Assert.Equal("""{"Text":"abc","Size":3}""", created.GetProperty("body").GetString());
    }

    [Theory]
    [InlineData(""","body":null""", "The request has no body; a JSON body is expected.")]
    [InlineData(""","body":"" """, "The request has no body; a JSON body is expected.")]
    [InlineData(""","body":"null" """, "The request body is null; a JSON body is expected.")]
    [InlineData(""","body":"{\"Text\":1}" """, "The request body is not valid JSON or does not have the expected shape (line 1, position 10).")]
    public async Task Body_that_cannot_be_bound_answers_400_saying_why(string body, string detail)
    {
        var response = await InvokeAsync(V2("/notes", "$default", """{"method":"POST","path":"/notes"}""", body));

        Assert.Equal(400, response.GetProperty("statusCode").GetInt32());
        var problem = Problem(response);
        Assert.Equal("Bad Request", problem.GetProperty("title").GetString());
        Assert.Equal(detail, problem.GetProperty("detail").GetString());
        Assert.Equal("https://tools.ietf.org/html/rfc9110#section-15.5.1", problem.GetProperty("type").GetString());
    }

    [Fact]
    public void Results_carry_their_status_headers_cookies_and_body_kind()
    {
        var text = HttpResults.Text("t").WithHeader("x-a", "1").WithHeader("X-A", "2").WithCookie("a=1").WithCookie("b=2");
        var bytes = HttpResults.Bytes(new byte[] { 1 });
        var status = HttpResults.StatusCode(202);

        Assert.Equal(200, text.StatusCode);
        Assert.Equal("2", text.Headers["x-a"]);
        Assert.Equal(2, text.Headers.Count);
        Assert.Equal(["a=1", "b=2"], text.Cookies);
        Assert.False(text.IsBinary);
        Assert.True(bytes.IsBinary);
        Assert.Equal("application/octet-stream", bytes.Headers["Content-Type"]);
        Assert.Equal(202, status.StatusCode);
        Assert.Empty(status.Headers);
        Assert.Empty(status.Cookies);
        Assert.False(status.IsBinary);
        Assert.Equal(400, HttpResults.BadRequest().StatusCode);
        Assert.Equal(404, HttpResults.NotFound("x").StatusCode);
        Assert.Equal("application/problem+json", HttpResults.NotFound().Headers["Content-Type"]);
        Assert.Equal("application/json", HttpResults.Json(207, 1).Headers["Content-Type"]);
        Assert.Throws<ArgumentException>(() => HttpResults.Problem(400, string.Empty));
        Assert.Throws<ArgumentException>(() => text.WithHeader(string.Empty, "v"));
        Assert.Throws<ArgumentNullException>(() => text.WithHeader("n", null!));
        Assert.Throws<ArgumentException>(() => text.WithCookie(string.Empty));
    }

    [Fact]
    public void Problem_exception_constructors_default_to_400_bad_request()
    {
        var plain = new HttpProblemException();
        var withMessage = new HttpProblemException("bad input");
        var withCause = new HttpProblemException("bad input", new FormatException());
        var full = new HttpProblemException(409, "Conflict", null);

        Assert.Equal((400, "Bad Request", (string?)null), (plain.StatusCode, plain.Title, plain.Detail));
        Assert.Equal((400, "Bad Request", "bad input"), (withMessage.StatusCode, withMessage.Title, withMessage.Detail));
        Assert.Equal((400, "Bad Request"), (withCause.StatusCode, withCause.Title));
        Assert.IsType<FormatException>(withCause.InnerException);
        Assert.Equal("Conflict", full.Message);
    }
}
