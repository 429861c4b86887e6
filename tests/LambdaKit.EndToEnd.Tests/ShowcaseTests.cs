using System.Text.Json;
using System.Text.Json.Nodes;
using LambdaKit.EndToEnd.Tests.TestHelpers;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>One Showcase process, many sources: each event is routed to its handler by its shape.</summary>
public sealed class ShowcaseFixture : IAsyncLifetime
{
    public LocalRuntimeApi Api { get; private set; } = null!;

    internal SampleProcess Function { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionName = "showcase" });
        Function = SampleProcess.Start("Showcase", Api);
    }

    public async Task DisposeAsync()
    {
        await Function.DisposeAsync();
        await Api.DisposeAsync();
    }

    public Task<InvocationResult> InvokeAsync(string json) => Api.InvokeAsync(json).WaitAsync(TimeSpan.FromSeconds(60));
}

public sealed class ShowcaseTests(ShowcaseFixture showcase) : IClassFixture<ShowcaseFixture>
{
    public static TheoryData<string> HttpEvents => new()
    {
        "apigateway/rest-v1-proxy-request.json",
        "apigateway/rest-v1-proxy-request-multi-value.json",
        "apigateway/http-api-v2-no-authorizer.json",
        "apigateway/http-api-v2-iam-authorizer.json",
        "apigateway/http-api-v2-jwt-authorizer.json",
        "apigateway/http-api-v2-lambda-authorizer.json",
        "function-url/request.json",
        "alb/request-single-value.json",
    };

    private static (int Status, JsonElement Headers, string? Body, JsonElement Response) Http(InvocationResult result)
    {
        Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
        var response = result.ParseBody().RootElement;
        var headers = response.TryGetProperty("headers", out var h) ? h : response.GetProperty("multiValueHeaders");
        return (response.GetProperty("statusCode").GetInt32(), headers, response.GetProperty("body").GetString(), response);
    }

    [Theory]
    [MemberData(nameof(HttpEvents))]
    public async Task Get_hello_answers_200_with_the_greeting(string file)
    {
        var (status, headers, body, _) = Http(await showcase.InvokeAsync(SampleEvents.Http(file, "GET", "/hello/lambda")));

        Assert.Equal(200, status);
        Assert.Equal("application/json", headers.GetProperty("Content-Type").GetString());
        Assert.Equal("""{"message":"hello lambda"}""", body);
    }

    [Theory]
    [MemberData(nameof(HttpEvents))]
    public async Task Post_orders_answers_201_with_the_order_echoed(string file)
    {
        var (status, headers, body, _) = Http(await showcase.InvokeAsync(SampleEvents.Http(file, "POST", "/orders", """{"id":"o-17","amount":42.5}""")));

        Assert.Equal(201, status);
        Assert.Equal("/orders/o-17", headers.GetProperty("Location").GetString());
        using var order = JsonDocument.Parse(body!);
        Assert.Equal("o-17", order.RootElement.GetProperty("id").GetString());
        Assert.Equal(42.5m, order.RootElement.GetProperty("amount").GetDecimal());
    }

    [Fact]
    public async Task Post_orders_with_an_unreadable_body_answers_400_problem()
    {
        var (status, headers, body, _) = Http(await showcase.InvokeAsync(SampleEvents.Http("apigateway/http-api-v2-no-authorizer.json", "POST", "/orders", "{not json")));

        Assert.Equal(400, status);
        Assert.Equal("application/problem+json", headers.GetProperty("Content-Type").GetString());
        var detail = JsonDocument.Parse(body!).RootElement.GetProperty("detail").GetString();
        Assert.StartsWith("The request body is not valid JSON", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("Showcase.", detail, StringComparison.Ordinal); // the problem names no .NET types; they go to the log
    }

    [Theory]
    [MemberData(nameof(HttpEvents))]
    public async Task Unknown_path_answers_404_problem(string file)
    {
        var (status, headers, body, _) = Http(await showcase.InvokeAsync(SampleEvents.Http(file, "GET", "/nowhere")));

        Assert.Equal(404, status);
        Assert.Equal("application/problem+json", headers.GetProperty("Content-Type").GetString());
        using var problem = JsonDocument.Parse(body!);
        Assert.Equal(404, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Not Found", problem.RootElement.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(HttpEvents))]
    public async Task Known_path_with_the_wrong_method_answers_405_with_allow(string file)
    {
        var (status, headers, body, _) = Http(await showcase.InvokeAsync(SampleEvents.Http(file, "DELETE", "/hello/lambda")));

        Assert.Equal(405, status);
        Assert.Equal("GET", headers.GetProperty("Allow").GetString());
        Assert.Equal(405, JsonDocument.Parse(body!).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [MemberData(nameof(HttpEvents))]
    public async Task Unhandled_exception_answers_500_problem_without_its_details(string file)
    {
        var (status, _, body, _) = Http(await showcase.InvokeAsync(SampleEvents.Http(file, "GET", "/boom")));

        Assert.Equal(500, status);
        Assert.DoesNotContain("secret", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.Equal(500, JsonDocument.Parse(body!).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Alb_response_carries_a_status_description()
    {
        var (_, _, _, response) = Http(await showcase.InvokeAsync(SampleEvents.Http("alb/request-single-value.json", "GET", "/hello/alb")));

        Assert.Equal("200 OK", response.GetProperty("statusDescription").GetString());
    }

    [Fact]
    public async Task Alb_with_multi_value_headers_is_answered_with_multi_value_headers()
    {
        var (status, headers, _, _) = Http(await showcase.InvokeAsync(SampleEvents.Http("alb/request-multi-value.json", "GET", "/hello/alb")));

        Assert.Equal(200, status);
        Assert.Equal("application/json", headers.GetProperty("Content-Type")[0].GetString());
    }

    [Fact]
    public async Task S3_notification_lists_objects_with_url_decoded_keys()
    {
        // The key as S3 sends it: "photos/summer+2026/caf%C3%A9+%2B+friends%2Fbest.jpg".
        var e = SampleEvents.Load("s3/put-encoded-key.json");

        var result = await showcase.InvokeAsync(e.ToJsonString());

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        var report = result.ParseBody().RootElement;
        Assert.Equal("s3", report.GetProperty("source").GetString());
        var first = report.GetProperty("objects")[0];
        Assert.Equal((string?)e["Records"]![0]!["s3"]!["bucket"]!["name"], first.GetProperty("bucket").GetString());
        Assert.Equal("photos/summer 2026/café + friends/best.jpg", first.GetProperty("key").GetString());
        Assert.Equal((long)e["Records"]![0]!["s3"]!["object"]!["size"]!, first.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Sns_notification_lists_messages()
    {
        var e = SampleEvents.Load("sns/notification.json");

        var result = await showcase.InvokeAsync(e.ToJsonString());

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        var report = result.ParseBody().RootElement;
        Assert.Equal("sns", report.GetProperty("source").GetString());
        var message = report.GetProperty("messages")[0];
        var sns = e["Records"]![0]!["Sns"]!;
        Assert.Equal((string?)sns["MessageId"], message.GetProperty("messageId").GetString());
        Assert.Equal((string?)sns["Subject"], message.GetProperty("subject").GetString());
        Assert.Equal((string?)sns["Message"], message.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Schedule_reports_the_rule_and_the_time()
    {
        var e = SampleEvents.Load("eventbridge/scheduled.json");

        var result = await showcase.InvokeAsync(e.ToJsonString());

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        var report = result.ParseBody().RootElement;
        Assert.Equal("schedule", report.GetProperty("source").GetString());
        Assert.Equal((string?)e["resources"]![0], report.GetProperty("rule").GetString());
        Assert.Equal(DateTime.Parse((string)e["time"]!, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime(), report.GetProperty("time").GetDateTime().ToUniversalTime());
    }

    [Fact]
    public async Task Event_of_an_unregistered_source_gets_a_structured_error_naming_it_and_the_loop_goes_on()
    {
        // SES is routed since issue 12; an EventBridge event that is no schedule has no handler in the Showcase.
        var ses = await showcase.InvokeAsync("""{"version":"0","id":"e-1","detail-type":"OrderPlaced","source":"shop.orders","account":"210987654321","time":"2026-11-22T10:00:00Z","region":"eu-west-1","resources":[],"detail":{}}""");
        var shapeless = await showcase.InvokeAsync("""{"orderId":"1","total":3}""");
        var after = await showcase.InvokeAsync(SampleEvents.Http("apigateway/rest-v1-proxy-request.json", "GET", "/hello/again"));

        foreach (var result in new[] { ses, shapeless })
        {
            Assert.Equal(InvocationOutcome.Error, result.Outcome);
            Assert.Equal("Runtime.UnknownEventSource", result.ErrorTypeHeader);
            Assert.Equal("Runtime.UnknownEventSource", result.ParseBody().RootElement.GetProperty("errorType").GetString());
        }

        Assert.Contains("orderId, total", shapeless.ParseBody().RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, Http(after).Status);
    }

    [Fact]
    public async Task Malformed_payload_gets_a_deserialization_error_and_the_loop_goes_on()
    {
        var malformed = await showcase.InvokeAsync("""{"Records":[{"eventSource":"aws:s3", """);
        var after = await showcase.InvokeAsync(SampleEvents.Http("apigateway/rest-v1-proxy-request.json", "GET", "/hello/again"));

        Assert.Equal(InvocationOutcome.Error, malformed.Outcome);
        Assert.Equal("Function.JsonDeserializationError", malformed.ErrorTypeHeader);
        Assert.Equal(200, Http(after).Status);
    }

    [Theory]
    // The JSON bodies of the standard queue read as work items without an id and succeed; the plain-text one cannot be read.
    [InlineData("sqs/standard.json", "messageId", new[] { "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" })]
    // The first record's data is a JSON object (a work item); the second's is binary.
    [InlineData("kinesis/records.json", "kinesis.sequenceNumber", new[] { "49650000000000000000000000000000000000000000000000000032" })]
    // No record has a 'payload' attribute, so the first fails and the stream stops there.
    [InlineData("dynamodb/insert-modify-remove.json", "dynamodb.SequenceNumber", new[] { "400000000000000012345678901", "400000000000000012345678902", "400000000000000012345678903" })]
    public async Task Aws_shaped_batch_reports_exactly_the_records_whose_payload_is_not_a_work_item(string file, string idPath, string[] expected)
    {
        var e = SampleEvents.Load(file);
        var ids = e["Records"]!.AsArray().Select(r => idPath.Split('.').Aggregate((JsonNode?)r, (node, name) => node?[name])!.GetValue<string>()).ToArray();
        Assert.Subset(ids.ToHashSet(), expected.ToHashSet());

        var result = await showcase.InvokeAsync(e.ToJsonString());

        Assert.Equal(InvocationOutcome.Response, result.Outcome);
        var reported = result.ParseBody().RootElement.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()).ToArray();
        // SQS reports every unreadable message; a stream stops at its first unreadable record and reports it and every later one.
        Assert.Equal(expected, reported);
    }

    [Fact]
    public async Task Truncated_dynamodb_event_gets_a_deserialization_error_and_the_loop_goes_on()
    {
        var malformed = await showcase.InvokeAsync(SampleEvents.Text("dynamodb/malformed-truncated.json"));
        var after = await showcase.InvokeAsync(SampleEvents.Text("sns/notification.json"));

        Assert.Equal(InvocationOutcome.Error, malformed.Outcome);
        Assert.Equal("Function.JsonDeserializationError", malformed.ErrorTypeHeader);
        Assert.Equal(InvocationOutcome.Response, after.Outcome);
    }
}
