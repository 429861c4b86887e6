using System.Reflection;
using System.Text;
using System.Text.Json;
using LambdaKit.Testing;
using Microsoft.Extensions.Logging;

namespace Showcase.Tests;

/// <summary>
/// The Showcase sample's own Program, run in-process: one bootstrap, many sources, each event routed to its handler.
/// The events are written here, from the shapes AWS documents.
/// </summary>
public sealed class ShowcaseInProcessTests : IAsyncLifetime
{
    private LambdaTestHost _host = null!;

    public async Task InitializeAsync()
        => _host = await LambdaTestHost.StartAsync(Assembly.Load("bootstrap"), options: new LambdaTestHostOptions { FunctionName = "showcase" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static JsonElement Json(LambdaTestResult result)
    {
        Assert.True(result.IsSuccess, result.ToString());
        using var document = result.ParseResponse();
        return document.RootElement.Clone();
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task Http_api_v2_route_answers_in_the_v2_shape()
    {
        var result = await _host.InvokeAsync("""
            {"version":"2.0","routeKey":"$default","rawPath":"/hello/lin","rawQueryString":"","headers":{"accept":"application/json"},
             "requestContext":{"accountId":"210987654321","apiId":"q1w2e3","domainName":"q1w2e3.execute-api.eu-west-1.amazonaws.com",
               "http":{"method":"GET","path":"/hello/lin","protocol":"HTTP/1.1","sourceIp":"198.51.100.7","userAgent":"tests"},
               "requestId":"Xy1-abc=","routeKey":"$default","stage":"$default","time":"22/Nov/2026:12:00:00 +0000","timeEpoch":1795348800000},
             "isBase64Encoded":false}
            """);

        var response = Json(result);
        Assert.Equal(200, response.GetProperty("statusCode").GetInt32());
        using var body = JsonDocument.Parse(response.GetProperty("body").GetString()!);
        Assert.Equal("hello lin", body.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Rest_api_post_creates_an_order_and_an_empty_id_is_a_bad_request()
    {
        static string Post(string body) => $$"""
            {"resource":"/orders","path":"/orders","httpMethod":"POST","headers":{"content-type":"application/json"},
             "requestContext":{"resourcePath":"/orders","httpMethod":"POST","stage":"prod","requestId":"r-1","accountId":"210987654321"},
             "body":{{JsonSerializer.Serialize(body)}},"isBase64Encoded":false}
            """;

        var created = Json(await _host.InvokeAsync(Post("""{"id":"o-42","amount":12.5}""")));
        var rejected = Json(await _host.InvokeAsync(Post("""{"id":" ","amount":1}""")));

        Assert.Equal(201, created.GetProperty("statusCode").GetInt32());
        Assert.Equal("/orders/o-42", created.GetProperty("headers").GetProperty("Location").GetString());
        Assert.Equal(400, rejected.GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task Unhandled_route_exception_is_a_500_that_hides_the_message_and_logs_it()
    {
        var result = await _host.InvokeAsync("""
            {"resource":"/boom","path":"/boom","httpMethod":"GET","headers":{},"requestContext":{"resourcePath":"/boom","httpMethod":"GET","stage":"prod"}}
            """);

        var response = Json(result);
        Assert.Equal(500, response.GetProperty("statusCode").GetInt32());
        Assert.DoesNotContain("secret", response.GetProperty("body").GetString(), StringComparison.Ordinal);
        var line = Assert.Single(result.Logs, l => l.Level == LogLevel.Error);
        Assert.Contains("secret connection string", line.Exception!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3_notification_reports_the_decoded_object_keys()
    {
        var report = Json(await _host.InvokeAsync("""
            {"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-1","eventTime":"2026-11-22T12:00:00.000Z",
              "eventName":"ObjectCreated:Put","s3":{"s3SchemaVersion":"1.0","bucket":{"name":"uploads-7","arn":"arn:aws:s3:::uploads-7"},
              "object":{"key":"reports/Q4+summary%282026%29.pdf","size":2048,"eTag":"0123abcd"}}}]}
            """));

        Assert.Equal("s3", report.GetProperty("source").GetString());
        var seen = report.GetProperty("objects")[0];
        Assert.Equal("uploads-7", seen.GetProperty("bucket").GetString());
        Assert.Equal("reports/Q4 summary(2026).pdf", seen.GetProperty("key").GetString());
        Assert.Equal(2048, seen.GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task Sns_and_schedule_events_reach_their_handlers()
    {
        var sns = Json(await _host.InvokeAsync("""
            {"Records":[{"EventSource":"aws:sns","EventVersion":"1.0","EventSubscriptionArn":"arn:aws:sns:eu-west-1:210987654321:alerts:7f1e",
              "Sns":{"Type":"Notification","MessageId":"5b1c-77","TopicArn":"arn:aws:sns:eu-west-1:210987654321:alerts",
                     "Subject":"Disk","Message":"disk at 91%","Timestamp":"2026-11-22T12:00:00.000Z"}}]}
            """));
        var schedule = Json(await _host.InvokeAsync("""
            {"version":"0","id":"0d1e-55","detail-type":"Scheduled Event","source":"aws.events","account":"210987654321",
             "time":"2026-11-22T03:00:00Z","region":"eu-west-1","resources":["arn:aws:events:eu-west-1:210987654321:rule/nightly"],"detail":{}}
            """));

        Assert.Equal("sns", sns.GetProperty("source").GetString());
        Assert.Equal("disk at 91%", sns.GetProperty("messages")[0].GetProperty("message").GetString());
        Assert.Equal("schedule", schedule.GetProperty("source").GetString());
        Assert.Equal("arn:aws:events:eu-west-1:210987654321:rule/nightly", schedule.GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Sqs_batch_reports_only_the_failed_messages()
    {
        static string Message(string id, string body) => $$"""
            {"messageId":"{{id}}","receiptHandle":"rh-{{id}}","body":{{JsonSerializer.Serialize(body)}},"attributes":{"ApproximateReceiveCount":"1"},
             "messageAttributes":{},"eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-1:210987654321:work","awsRegion":"eu-west-1"}
            """;
        var batch = $$"""{"Records":[{{Message("m-1", """{"id":"w1"}""")}},{{Message("m-2", """{"id":"w2","fail":true}""")}},{{Message("m-3", "not json")}},{{Message("m-4", """{"id":"w4"}""")}}]}""";

        var response = Json(await _host.InvokeAsync(batch));

        var failed = response.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();
        Assert.Equal(["m-2", "m-3"], failed);
    }

    [Fact]
    public async Task Kinesis_batch_stops_at_the_first_failure_and_reports_it_and_the_rest()
    {
        string Record(string sequence, string data) => $$"""
            {"kinesis":{"kinesisSchemaVersion":"1.0","partitionKey":"p","sequenceNumber":"{{sequence}}","data":"{{Base64(data)}}",
              "approximateArrivalTimestamp":1795348800.5},"eventSource":"aws:kinesis","eventVersion":"1.0","eventID":"shardId-000:{{sequence}}",
              "eventName":"aws:kinesis:record","awsRegion":"eu-west-1","eventSourceARN":"arn:aws:kinesis:eu-west-1:210987654321:stream/clicks"}
            """;
        var batch = $$"""{"Records":[{{Record("101", """{"id":"k1"}""")}},{{Record("102", """{"id":"k2","fail":true}""")}},{{Record("103", """{"id":"k3"}""")}}]}""";

        var response = Json(await _host.InvokeAsync(batch));

        var failed = response.GetProperty("batchItemFailures").EnumerateArray().Select(f => f.GetProperty("itemIdentifier").GetString()!).ToArray();
        Assert.Equal(["102", "103"], failed);
    }
}
