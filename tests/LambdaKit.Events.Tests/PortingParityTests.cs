using System.Text;
using System.Text.Json;
using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.S3;
using LambdaKit.Events.SQS;

namespace LambdaKit.Events.Tests;

/// <summary>Members with the names and types of the Amazon.Lambda.*Events packages, so that handlers port unchanged.</summary>
public sealed class PortingParityTests
{
    [Theory]
    [InlineData("photos/Happy+Face.jpg", "photos/Happy Face.jpg")]
    [InlineData("a%2Bb%3Dc.txt", "a+b=c.txt")]
    public void S3_KeyDecoded_is_the_url_decoded_key_and_DecodedKey_is_its_alias(string key, string expected)
    {
        var entity = new S3Event.S3ObjectEntity { Key = key };

        Assert.Equal(expected, entity.KeyDecoded);
        Assert.Equal(entity.KeyDecoded, entity.DecodedKey);
    }

    [Fact]
    public void S3_KeyDecoded_is_not_written_to_json()
    {
        var json = JsonSerializer.Serialize(new S3Event.S3ObjectEntity { Key = "a+b" }, LambdaKitEventsJsonContext.Default.GetTypeInfo(typeof(S3Event.S3ObjectEntity))!);

        Assert.DoesNotContain("ecoded", json, StringComparison.Ordinal);
    }

    [Fact]
    public void SetHeaderValues_creates_the_headers_and_replaces_a_value_without_append()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse();

        response.SetHeaderValues("Content-Type", "text/plain", append: false);
        response.SetHeaderValues("content-type", "application/json", append: false);

        var header = Assert.Single(response.Headers!);
        Assert.Equal("content-type", header.Key);
        Assert.Equal("application/json", header.Value);
    }

    [Fact]
    public void SetHeaderValues_with_append_joins_the_values_with_commas_case_insensitively()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse { Headers = new Dictionary<string, string> { ["Vary"] = "Accept" } };

        response.SetHeaderValues("vary", "Origin", append: true);
        response.SetHeaderValues("VARY", ["Cookie", "Accept-Language"], append: true);
        response.SetHeaderValues("X-New", "1", append: true);

        Assert.Equal("Accept,Origin,Cookie,Accept-Language", response.Headers["Vary"]);
        Assert.Equal("1", response.Headers["X-New"]);
        Assert.Equal(2, response.Headers.Count);
    }

    [Fact]
    public void SetHeaderValues_with_a_list_and_no_append_replaces_the_value()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse();
        response.SetHeaderValues("Allow", "GET", append: false);

        response.SetHeaderValues("Allow", ["POST", "PUT"], append: false);

        Assert.Equal("POST,PUT", response.Headers!["Allow"]);
    }

    private const string SqsWithBinaryAttributes = """
        {"Records":[{"messageId":"m-77","body":"hi","eventSource":"aws:sqs","messageAttributes":{
          "Blob":{"binaryValue":"AAEC/w==","stringListValues":[],"binaryListValues":["YQ==","YmM="],"dataType":"Binary"},
          "Text":{"stringValue":"x","stringListValues":[],"binaryListValues":[],"dataType":"String"}}}]}
        """;

    [Fact]
    public void Sqs_binary_attribute_values_are_memory_streams_with_a_bytes_accessor()
    {
        var message = JsonSerializer.Deserialize(SqsWithBinaryAttributes, LambdaKitEventsJsonContext.Default.SQSEvent)!.Records!.Single();

        var blob = message.MessageAttributes!["Blob"];
        MemoryStream stream = blob.BinaryValue!;
        Assert.Equal(0, stream.Position);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, stream.ToArray());
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, blob.BinaryValueBytes!.Value.ToArray());
        Assert.Equal(["a", "bc"], blob.BinaryListValues!.Select(s => Encoding.UTF8.GetString(s.ToArray())));

        var text = message.MessageAttributes["Text"];
        Assert.Null(text.BinaryValue);
        Assert.Null(text.BinaryValueBytes);
        Assert.Empty(text.BinaryListValues!);
    }

    [Fact]
    public void Sqs_binary_attribute_values_are_written_back_as_base64_whatever_the_stream_position()
    {
        var sqs = JsonSerializer.Deserialize(SqsWithBinaryAttributes, LambdaKitEventsJsonContext.Default.SQSEvent)!;
        var blob = sqs.Records!.Single().MessageAttributes!["Blob"];
        blob.BinaryValue!.Position = 3;

        var json = JsonSerializer.Serialize(sqs, LambdaKitEventsJsonContext.Default.SQSEvent);

        using var document = JsonDocument.Parse(json);
        var written = document.RootElement.GetProperty("Records")[0].GetProperty("messageAttributes").GetProperty("Blob");
        Assert.Equal("AAEC/w==", written.GetProperty("binaryValue").GetString());
        Assert.Equal(["YQ==", "YmM="], written.GetProperty("binaryListValues").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Sqs_binary_attribute_that_is_not_base64_is_a_json_error()
    {
        const string json = """{"Records":[{"messageAttributes":{"B":{"binaryValue":"not base64!","dataType":"Binary"}}}]}""";

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, LambdaKitEventsJsonContext.Default.SQSEvent));
    }
}
