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

/// <summary>Problem bodies speak the user's terms, never echo raw input unescaped, and leave the internals to the log.</summary>
public sealed partial class HttpProblemBodyTests : IAsyncDisposable
{
    internal sealed record Order(string Sku, int Quantity);

    [JsonSerializable(typeof(Order))]
    internal sealed partial class OrderJsonContext : JsonSerializerContext;

    private readonly ServiceProvider _services;
    private readonly CapturingLoggerProvider _logs = new();

    public HttpProblemBodyTests()
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging(l => l.AddProvider(_logs));
        services.AddLambdaKit(o => o.AddJsonSerializerContext(OrderJsonContext.Default));
        services.AddHttpApi(api => api.MapPost<Order>("/orders/{id}", (r, order, ct) => ValueTask.FromResult(HttpResults.Text(r.GetRouteValue("id") + ":" + order.Sku))));
        _services = services.BuildServiceProvider();
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async Task<(int Status, string Body)> PostAsync(string path, string? body, bool base64 = false)
    {
        var output = new PooledBufferWriter();
        var bodyJson = body is null ? "null" : JsonSerializer.Serialize(body, LambdaKitTestJson.Default.String);
        var rawPath = JsonSerializer.Serialize(path, LambdaKitTestJson.Default.String);
        var flag = base64 ? "true" : "false";
        var json = "{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":" + rawPath + ",\"body\":" + bodyJson + ",\"isBase64Encoded\":" + flag
            + ",\"requestContext\":{\"http\":{\"method\":\"POST\",\"path\":\"/\"},\"stage\":\"$default\"}}";
        var context = new InvocationContext(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = Encoding.UTF8.GetBytes(json),
            Output = output,
            Services = _services,
        };
        await _services.GetRequiredService<InvocationDispatcher>().DispatchAsync(context);
        using var response = JsonDocument.Parse(output.WrittenMemory);
        return (response.RootElement.GetProperty("statusCode").GetInt32(), response.RootElement.GetProperty("body").GetString()!);
    }

    [Theory]
    [InlineData("""{"Sku": 12, "Quantity": "many"}""")]
    [InlineData("""{"Sku": "a", "Quantity": 99999999999999999999}""")]
    [InlineData("""{"Sku": "a",""")]
    [InlineData("""[1,2,3]""")]
    public async Task Bad_json_body_answers_400_in_the_users_terms_and_logs_the_serializer_details(string body)
    {
        var (status, problem) = await PostAsync("/orders/7", body);

        Assert.Equal(400, status);
        Assert.Contains("not valid JSON or does not have the expected shape", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Order", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("$.", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LambdaKit", problem, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Level == LogLevel.Information && l.Exception is JsonException);
    }

    [Fact]
    public async Task Invalid_base64_body_answers_400_without_details()
    {
        var (status, problem) = await PostAsync("/orders/7", "!!not base64!!", base64: true);

        Assert.Equal(400, status);
        Assert.Contains("not valid base64", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("FormatException", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Raw_input_echoed_in_a_problem_is_json_escaped_and_bounded()
    {
        var path = "/<script>alert('x')</script>/" + new string('a', 5000);

        var (status, problem) = await PostAsync(path, "{}");

        Assert.Equal(404, status);
        Assert.DoesNotContain("<script>", problem, StringComparison.Ordinal);
        Assert.True(problem.Length < 1000, problem.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var parsed = JsonDocument.Parse(problem);
        Assert.StartsWith("No route matches POST /<script>", parsed.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/orders/..%2F..%2Fetc%2Fpasswd", "../../etc/passwd")]
    [InlineData("/orders/..", "..")]
    public async Task Dot_dot_in_a_route_value_is_data_not_a_path(string path, string expected)
    {
        var (status, text) = await PostAsync(path, """{"Sku":"s","Quantity":1}""");

        Assert.Equal(200, status);
        Assert.StartsWith(expected + ":", text, StringComparison.Ordinal);
    }
}

[JsonSerializable(typeof(string))]
internal sealed partial class LambdaKitTestJson : JsonSerializerContext;
