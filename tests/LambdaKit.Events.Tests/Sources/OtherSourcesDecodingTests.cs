using System.Text;
using System.Text.Json;
using LambdaKit.Events.CloudWatchLogs;
using LambdaKit.Events.Kafka;
using LambdaKit.Events.KinesisFirehose;
using LambdaKit.Events.MQ;

namespace LambdaKit.Events.Tests.Sources;

/// <summary>Payloads that arrive encoded (base64, gzip, byte arrays) are decoded on demand, and bad ones say what is wrong.</summary>
public sealed class OtherSourcesDecodingTests
{
    private static readonly LambdaKitEventsJsonContext Context = LambdaKitEventsJsonContext.Default;

    private static T Read<T>(string file, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        => JsonSerializer.Deserialize(ProjectEvents.Bytes(file), type)!;

    [Fact]
    public void CloudWatch_Logs_data_decodes_into_the_log_group_stream_and_events_in_order()
    {
        var logs = Read("cloudwatch-logs/cloudwatch-logs-subscription.json", Context.CloudWatchLogsEvent).Awslogs!.Decode();

        Assert.Equal("DATA_MESSAGE", logs.MessageType);
        Assert.Equal("/aws/lambda/checkout", logs.LogGroup);
        Assert.StartsWith("2026/12/02/", logs.LogStream, StringComparison.Ordinal);
        Assert.Equal(["errors-to-lambda"], logs.SubscriptionFilters!);
        Assert.Equal(
            ["checkout started for cart 81", "payment declined: insufficient funds", "retry scheduled ✓"],
            logs.LogEvents.Select(e => e.Message));
        Assert.Equal(1764672000002, logs.LogEvents[1].Timestamp);
    }

    [Fact]
    public void CloudWatch_Logs_data_decodes_to_the_raw_json_text()
    {
        var text = Read("cloudwatch-logs/cloudwatch-logs-subscription.json", Context.CloudWatchLogsEvent).Awslogs!.DecodeData();

        using var document = JsonDocument.Parse(text!);
        Assert.Equal("210987654321", document.RootElement.GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("cloudwatch-logs/malformed-cloudwatch-logs-not-gzip.json", "not gzip")]
    [InlineData("cloudwatch-logs/malformed-cloudwatch-logs-not-base64.json", "not valid base64")]
    public void Malformed_CloudWatch_Logs_data_is_a_clear_error(string file, string says)
    {
        var log = Read(file, Context.CloudWatchLogsEvent).Awslogs!;

        var error = Assert.Throws<InvalidDataException>(log.Decode);
        Assert.Contains("awslogs.data", error.Message, StringComparison.Ordinal);
        Assert.Contains(says, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudWatch_Logs_data_that_is_gzip_but_not_a_log_document_is_a_clear_error()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write("[1,2,3]"u8);
        }

        var log = new CloudWatchLogsEvent.Log { EncodedData = Convert.ToBase64String(buffer.ToArray()) };

        var error = Assert.Throws<InvalidDataException>(log.Decode);
        Assert.Contains("not a CloudWatch Logs document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudWatch_Logs_event_without_data_cannot_be_decoded()
        => Assert.Throws<InvalidDataException>(new CloudWatchLogsEvent.Log().Decode);

    [Fact]
    public void Kafka_records_keep_the_order_of_their_topic_partition_groups_and_decode_key_and_value()
    {
        var kafka = Read("kafka/kafka-msk.json", Context.KafkaEvent);

        var records = kafka.AllRecords().ToList();

        Assert.Equal(["orders-1", "orders-0"], kafka.Records!.Keys);
        Assert.Equal([(1, 4120L), (1, 4121L), (0, 9L)], records.Select(r => (r.Partition, r.Offset)));
        Assert.Equal("order-77", Encoding.UTF8.GetString(records[0].DecodeKey()!));
        Assert.Equal("""{"id":77,"total":12.5}""", records[0].DecodeValueText());
        Assert.Null(records[2].DecodeKey());
    }

    [Fact]
    public void Kafka_header_bytes_are_read_from_signed_values()
    {
        var record = Read("kafka/kafka-msk.json", Context.KafkaEvent).AllRecords().First();

        Assert.Equal("t-99", Encoding.ASCII.GetString(record.GetHeader("trace-id")!));
        Assert.Equal(new byte[] { 0xFF, 0x80, 0x00, 0x7F, 0xDC }, record.GetHeader("signature"));
        Assert.Null(record.GetHeader("absent"));
    }

    [Fact]
    public void Kafka_header_bytes_written_unsigned_are_read_and_written_back_signed()
    {
        var json = """{"headers":[{"h":[255,128,1]}]}""";

        var record = JsonSerializer.Deserialize(json, Context.KafkaEvent.Options.GetTypeInfo(typeof(KafkaEvent.KafkaEventRecord)) as System.Text.Json.Serialization.Metadata.JsonTypeInfo<KafkaEvent.KafkaEventRecord>
            ?? throw new InvalidOperationException("no metadata"))!;

        Assert.Equal(new byte[] { 255, 128, 1 }, record.Headers![0]["h"]);
        Assert.Contains("[-1,-128,1]", JsonSerializer.Serialize(record, Context.KafkaEvent.Options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"headers":[{"h":[256]}]}""")]
    [InlineData("""{"headers":[{"h":"AQID"}]}""")]
    [InlineData("""{"headers":{"h":[1]}}""")]
    public void Kafka_headers_that_are_not_byte_arrays_are_a_json_error(string json)
    {
        var type = (System.Text.Json.Serialization.Metadata.JsonTypeInfo<KafkaEvent.KafkaEventRecord>)Context.KafkaEvent.Options.GetTypeInfo(typeof(KafkaEvent.KafkaEventRecord));

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, type));
    }

    [Fact]
    public void Base64_payloads_of_firehose_and_mq_decode_as_utf8_text()
    {
        var firehose = Read("firehose/firehose-direct-put.json", Context.KinesisFirehoseEvent);
        var active = Read("activemq/activemq-text-messages.json", Context.ActiveMQEvent);
        var rabbit = Read("rabbitmq/rabbitmq-two-queues.json", Context.RabbitMQEvent);

        Assert.Equal(["order 1 placed", "drop", "fail", "order 2 shipped"], firehose.Records.Select(r => r.DecodeData()));
        Assert.Equal(new DateTime(2025, 12, 2, 10, 25, 11, DateTimeKind.Utc), firehose.Records[0].ApproximateArrivalTimestamp);
        Assert.Equal(["first order", "second order"], active.Messages.Select(m => m.DecodeData()));
        Assert.Equal(["invoices::/", "refunds::prod-vhost"], rabbit.RmqMessagesByQueue!.Keys);
        Assert.Equal("refund 42", rabbit.RmqMessagesByQueue["refunds::prod-vhost"][0].DecodeData());
        Assert.Equal(2, rabbit.RmqMessagesByQueue["invoices::/"][0].BasicProperties!.Headers!["attempt"].GetInt32());
    }

    [Fact]
    public void Firehose_response_record_encodes_its_data_as_base64_utf8()
    {
        var record = new KinesisFirehoseResponse.FirehoseRecord();

        record.EncodeData("é!");

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("é!")), record.Base64EncodedData);
    }

    [Fact]
    public void Mq_message_without_data_decodes_to_empty_text()
        => Assert.Equal(string.Empty, new ActiveMQEvent.ActiveMQMessage().DecodeData());
}
