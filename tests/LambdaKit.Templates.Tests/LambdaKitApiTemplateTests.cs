using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaKit.Templates.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.Templates.Tests;

/// <summary><c>dotnet new lambdakit-api</c>: HTTP API routes and an SQS queue handler in one function, with its test project.</summary>
[Collection(SharedTemplatePack.Name)]
public sealed class LambdaKitApiTemplateTests(TemplatesFixture templates)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>The project's HTTP API (payload 2.0) event, rewritten to a method, a path and a body.</summary>
    private static string HttpApiRequest(string method, string path, string? body)
    {
        var e = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", "apigateway", "http-api-v2-no-authorizer.json")))!.AsObject();
        e["rawPath"] = path;
        e["rawQueryString"] = string.Empty;
        e["routeKey"] = "$default";
        e["requestContext"]!["http"]!["method"] = method;
        e["requestContext"]!["http"]!["path"] = path;
        e["body"] = body;
        e["isBase64Encoded"] = false;
        return e.ToJsonString();
    }

    /// <summary>The project's SQS (standard queue) event, its messages' bodies replaced by <paramref name="bodies"/> in order.</summary>
    private static (string Event, string[] MessageIds) SqsBatch(params string[] bodies)
    {
        var e = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", "sqs", "standard.json")))!.AsObject();
        var records = e["Records"]!.AsArray();
        Assert.True(records.Count >= bodies.Length, "tests/events/sqs/standard.json has fewer messages than the test needs.");
        while (records.Count > bodies.Length)
        {
            records.RemoveAt(records.Count - 1);
        }

        for (var i = 0; i < bodies.Length; i++)
        {
            records[i]!["body"] = bodies[i];
            records[i]!.AsObject().Remove("md5OfBody");
        }

        return (e.ToJsonString(), records.Select(r => (string)r!["messageId"]!).ToArray());
    }

    [Fact]
    public async Task Created_api_is_renamed_builds_without_warnings_passes_its_tests_and_serves_routes_and_the_queue_through_the_runtime_api()
    {
        await templates.NewAsync("lambdakit-api", "-n", "Contoso.Todos", "-o", "todos");
        var solution = new GeneratedSolution(Path.Combine(templates.Work, "todos"), templates.Configuration);

        Assert.True(solution.Exists("Contoso.Todos.sln"));
        Assert.True(solution.Exists("src/Contoso.Todos/Contoso.Todos.csproj"));
        Assert.True(solution.Exists("test/Contoso.Todos.Tests/Contoso.Todos.Tests.csproj"));
        Assert.Contains("namespace Contoso.Todos;", solution.Read("src/Contoso.Todos/TodoRoutes.cs"), StringComparison.Ordinal);
        Assert.Empty(solution.FilesContaining("LambdaKitApi"));
        Assert.Empty(solution.FilesContaining("LAMBDAKIT_PACKAGE_VERSION"));
        Assert.Empty(solution.FilesContaining("LAMBDAKIT_FUNCTION_NAME"));
        Assert.Contains($"""<PackageReference Include="LambdaKit" Version="{templates.Version}" />""", solution.Read("src/Contoso.Todos/Contoso.Todos.csproj"), StringComparison.Ordinal);
        Assert.Equal("Contoso-Todos", (string?)JsonNode.Parse(solution.Read("src/Contoso.Todos/aws-lambda-tools-defaults.json"))!["function-name"]);

        await solution.BuildAsync();
        Assert.Equal(3, await solution.TestAsync());

        // The template turns LambdaKitEventTypeLookup off and the package's build targets write it to the runtime
        // configuration: the process below reads its HTTP and SQS envelopes through LambdaKit.Events' subset contexts.
        Assert.False(solution.RuntimeSwitch("Contoso.Todos", "LambdaKit.Serialization.EventTypeLookup.IsEnabled"));

        await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionName = "Contoso-Todos" });
        await using var function = FunctionProcess.Start(solution.Bootstrap("Contoso.Todos"), api);

        var created = await api.InvokeAsync(HttpApiRequest("POST", "/todos", """{"title":"ship the templates"}""")).WaitAsync(Patience);
        Assert.True(created.Outcome == InvocationOutcome.Response, $"{created.Outcome}: {created.BodyText}{Environment.NewLine}{function}");
        using (var response = created.ParseBody())
        {
            Assert.Equal(201, response.RootElement.GetProperty("statusCode").GetInt32());
            using var todo = JsonDocument.Parse(response.RootElement.GetProperty("body").GetString()!);
            Assert.Equal("ship the templates", todo.RootElement.GetProperty("title").GetString());
        }

        var (batch, ids) = SqsBatch("""{"title":"from the queue"}""", """{"title":""}""");
        var answered = await api.InvokeAsync(batch).WaitAsync(Patience);
        Assert.True(answered.Outcome == InvocationOutcome.Response, $"{answered.Outcome}: {answered.BodyText}{Environment.NewLine}{function}");
        using var batchResponse = answered.ParseBody();
        var failed = batchResponse.RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();
        Assert.Equal(new[] { ids[1] }, failed);
    }
}
