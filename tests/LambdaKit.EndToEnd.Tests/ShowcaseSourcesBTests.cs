using System.Text;
using System.Text.Json.Nodes;
using LambdaKit.Testing;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>The real Showcase process serves Firehose, CloudWatch Logs, Kafka and Amazon MQ events, each routed by its shape.</summary>
public sealed class ShowcaseSourcesBTests(ShowcaseFixture showcase) : IClassFixture<ShowcaseFixture>
{
    private static string Event(string relative) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", relative));

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static void AssertAnswer(string expectedJson, InvocationResult result)
    {
        Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
        var expected = JsonNode.Parse(expectedJson);
        var actual = JsonNode.Parse(result.BodyText);
        Assert.True(JsonNode.DeepEquals(expected, actual), $"Expected {expected!.ToJsonString()}{Environment.NewLine}Actual   {actual!.ToJsonString()}");
    }

    [Fact]
    public async Task Firehose_records_are_upper_cased_dropped_or_failed_and_every_record_id_is_answered()
    {
        var result = await showcase.InvokeAsync(Event("firehose/firehose-kinesis-source.json"));

        AssertAnswer(
            $$"""
            {"records":[
              {"recordId":"49650000000000000000000000000000000000000000000000000001000000000000","result":"Ok","data":"{{Base64("PAGE VIEW")}}"},
              {"recordId":"49650000000000000000000000000000000000000000000000000002000000000000","result":"Dropped","data":"{{Base64("drop")}}"},
              {"recordId":"49650000000000000000000000000000000000000000000000000003000000000000","result":"ProcessingFailed","data":"{{Base64("fail")}}"}
            ]}
            """,
            result);
    }

    [Fact]
    public async Task Firehose_direct_put_keeps_the_order_of_its_records()
    {
        var result = await showcase.InvokeAsync(Event("firehose/firehose-direct-put.json"));

        AssertAnswer(
            $$"""
            {"records":[
              {"recordId":"rec-0001","result":"Ok","data":"{{Base64("ORDER 1 PLACED")}}"},
              {"recordId":"rec-0002","result":"Dropped","data":"{{Base64("drop")}}"},
              {"recordId":"rec-0003","result":"ProcessingFailed","data":"{{Base64("fail")}}"},
              {"recordId":"rec-0004","result":"Ok","data":"{{Base64("ORDER 2 SHIPPED")}}"}
            ]}
            """,
            result);
    }

    [Fact]
    public async Task CloudWatch_Logs_answers_the_log_group_stream_and_every_message_in_order()
    {
        var result = await showcase.InvokeAsync(Event("cloudwatch-logs/cloudwatch-logs-subscription.json"));

        AssertAnswer(
            """
            {"source":"cloudwatch-logs","logGroup":"/aws/lambda/checkout","logStream":"2026/12/02/[$LATEST]5d1e0c3b7a9f4e2d8c6b1a0f9e8d7c6b",
             "messages":["checkout started for cart 81","payment declined: insufficient funds","retry scheduled ✓"]}
            """,
            result);
    }

    [Fact]
    public async Task Malformed_CloudWatch_Logs_data_is_an_error_report_and_the_function_goes_on()
    {
        var failed = await showcase.InvokeAsync(Event("cloudwatch-logs/malformed-cloudwatch-logs-not-gzip.json"));
        var next = await showcase.InvokeAsync(Event("kafka/kafka-self-managed.json"));

        Assert.Equal(InvocationOutcome.Error, failed.Outcome);
        Assert.Equal("InvalidDataException", failed.ParseBody().RootElement.GetProperty("errorType").GetString());
        Assert.Contains("not gzip", failed.ParseBody().RootElement.GetProperty("errorMessage").GetString(), StringComparison.Ordinal);
        AssertAnswer("""{"source":"kafka","records":[{"topic":"payments","partition":0,"offset":15,"value":"paid"}]}""", next);
    }

    [Fact]
    public async Task Kafka_answers_every_record_decoded_in_the_order_received()
    {
        var result = await showcase.InvokeAsync(Event("kafka/kafka-msk.json"));

        AssertAnswer(
            """
            {"source":"kafka","records":[
              {"topic":"orders","partition":1,"offset":4120,"value":"{\"id\":77,\"total\":12.5}"},
              {"topic":"orders","partition":1,"offset":4121,"value":"second"},
              {"topic":"orders","partition":0,"offset":9,"value":"no key here"}
            ]}
            """,
            result);
    }

    [Fact]
    public async Task ActiveMQ_answers_each_message_id_with_its_decoded_data()
    {
        var result = await showcase.InvokeAsync(Event("activemq/activemq-text-messages.json"));

        AssertAnswer(
            """
            {"source":"activemq","messages":[
              {"messageId":"ID:b-1a2b3c4d-0000-1111-2222-333344445555-1.mq.ap-southeast-2.amazonaws.com-40123-1764674000000-1:1:1:1:1","data":"first order"},
              {"messageId":"ID:b-1a2b3c4d-0000-1111-2222-333344445555-1.mq.ap-southeast-2.amazonaws.com-40123-1764674000000-1:1:1:1:2","data":"second order"}
            ]}
            """,
            result);
    }

    [Fact]
    public async Task RabbitMQ_answers_each_message_with_its_queue_and_decoded_data()
    {
        var result = await showcase.InvokeAsync(Event("rabbitmq/rabbitmq-two-queues.json"));

        AssertAnswer(
            """
            {"source":"rabbitmq","messages":[
              {"queue":"invoices::/","data":"{\"invoice\":1}"},
              {"queue":"refunds::prod-vhost","data":"refund 42"}
            ]}
            """,
            result);
    }
}
