using System.Text.Json;
using LambdaKit.Testing;

namespace LambdaKitApi.Tests;

/// <summary>
/// The function's own Program, run in-process up to RunAsync by <see cref="LambdaTestHost"/>: each event goes through
/// LambdaKit's real pipeline (source detection, routing, a DI scope, the response shape of its source) without sockets.
/// </summary>
public sealed class ApiTests : IAsyncLifetime
{
    private LambdaTestHost _host = null!;

    public async Task InitializeAsync() => _host = await LambdaTestHost.StartAsync<Program>();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>An API Gateway HTTP API (payload format 2.0) request.</summary>
    private static string HttpApiRequest(string method, string path, string? body = null) => $$"""
        {"version":"2.0","routeKey":"$default","rawPath":"{{path}}","rawQueryString":"",
         "headers":{"content-type":"application/json"},
         "requestContext":{"accountId":"123456789012","apiId":"api1","domainName":"api1.execute-api.us-east-1.amazonaws.com",
           "http":{"method":"{{method}}","path":"{{path}}","protocol":"HTTP/1.1","sourceIp":"192.0.2.10","userAgent":"tests"},
           "requestId":"r-1","routeKey":"$default","stage":"$default","time":"01/Jan/2026:00:00:00 +0000","timeEpoch":1767225600000},
         "body":{{JsonSerializer.Serialize(body)}},"isBase64Encoded":false}
        """;

    /// <summary>An SQS batch of messages with these ids and bodies.</summary>
    private static string SqsBatch(params (string Id, string Body)[] messages) => $$"""
        {"Records":[{{string.Join(",", messages.Select(m => $$"""
            {"messageId":"{{m.Id}}","receiptHandle":"rh-{{m.Id}}","body":{{JsonSerializer.Serialize(m.Body)}},
             "attributes":{"ApproximateReceiveCount":"1"},"messageAttributes":{},"md5OfBody":"",
             "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:123456789012:todos","awsRegion":"us-east-1"}
            """))}}]}
        """;

    private static JsonElement Answer(LambdaTestResult result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        using var document = result.ParseResponse();
        return document.RootElement.Clone();
    }

    [Fact]
    public async Task Posted_todo_is_created_and_then_found_by_its_id()
    {
        var created = Answer(await _host.InvokeAsync(HttpApiRequest("POST", "/todos", """{"title":"write tests"}""")));
        Assert.Equal(201, created.GetProperty("statusCode").GetInt32());
        var location = created.GetProperty("headers").GetProperty("Location").GetString()!;

        var found = Answer(await _host.InvokeAsync(HttpApiRequest("GET", location)));

        Assert.Equal(200, found.GetProperty("statusCode").GetInt32());
        using var todo = JsonDocument.Parse(found.GetProperty("body").GetString()!);
        Assert.Equal("write tests", todo.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Todo_without_a_title_is_a_bad_request_and_an_unknown_id_is_not_found()
    {
        var rejected = Answer(await _host.InvokeAsync(HttpApiRequest("POST", "/todos", """{"title":""}""")));
        var missing = Answer(await _host.InvokeAsync(HttpApiRequest("GET", "/todos/does-not-exist")));

        Assert.Equal(400, rejected.GetProperty("statusCode").GetInt32());
        Assert.Equal(404, missing.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Queue_batch_reports_only_the_messages_that_failed()
    {
        var answer = Answer(await _host.InvokeAsync(SqsBatch(
            ("m-1", """{"title":"from the queue"}"""),
            ("m-2", """{"title":""}"""),
            ("m-3", "not json"))));

        var failed = answer.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();
        Assert.Equal(new[] { "m-2", "m-3" }, failed);
        var stored = Answer(await _host.InvokeAsync(HttpApiRequest("GET", "/todos/1")));
        Assert.Equal(200, stored.GetProperty("statusCode").GetInt32());
    }
}
