using System.Text;
using System.Text.Json;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.ApplicationLoadBalancer;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.EventBridge;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.S3;
using LambdaKit.Events.SimpleEmail;
using LambdaKit.Events.SNS;
using LambdaKit.Events.SQS;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests;

public class EventTypeTests
{
    private static readonly LambdaKitEventsJsonContext Context = LambdaKitEventsJsonContext.Default;

    private static T Read<T>(string fileName, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        JsonSerializer.Deserialize(SampleEvents.ReadBytes(fileName), typeInfo)!;

    // ---- Kinesis ----

    [Fact]
    public void Kinesis_data_is_decoded_from_base64()
    {
        var kinesis = Read("kinesis/records.json", Context.KinesisEvent);

        Assert.Equal(2, kinesis.Records.Count);
        Assert.Equal("""{"page":"/home","ms":118}"""u8.ToArray(), kinesis.Records[0].Kinesis!.Data.ToArray());
        Assert.Equal(new byte[] { 0, 1, 2, 250, 251, 252, 255 }, kinesis.Records[1].Kinesis!.Data.ToArray());

        var window = Read("kinesis/tumbling-window.json", Context.KinesisEvent);
        Assert.Equal("window item one"u8.ToArray(), window.Records[0].Kinesis!.Data.ToArray());
    }

    [Fact]
    public void Kinesis_data_is_written_as_base64()
    {
        var record = new KinesisEvent.Record { PartitionKey = "p", Data = new byte[] { 0, 1, 42, 65, 255 } };
        var json = JsonSerializer.Serialize(record, Context.Record);
        Assert.Contains("\"data\":\"AAEqQf8=\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Kinesis_record_fields_are_read()
    {
        var records = Read("kinesis/records.json", Context.KinesisEvent).Records;
        var record = records[0];

        Assert.Equal("aws:kinesis", record.EventSource);
        Assert.Equal("aws:kinesis:record", record.EventName);
        Assert.Equal("shardId-000000000003:49650000000000000000000000000000000000000000000000000031", record.EventId);
        Assert.Equal("arn:aws:iam::404505606707:role/clickstream-consumer", record.InvokeIdentityArn);
        Assert.Equal("arn:aws:kinesis:us-east-2:404505606707:stream/clickstream", record.EventSourceARN);
        Assert.Equal("us-east-2", record.AwsRegion);
        Assert.Equal("1.0", record.EventVersion);
        Assert.Equal("1.0", record.Kinesis!.KinesisSchemaVersion);
        Assert.Equal("visitor-41", record.Kinesis.PartitionKey);
        Assert.Equal("49650000000000000000000000000000000000000000000000000031", record.Kinesis.SequenceNumber);
        Assert.Null(record.Kinesis.EncryptionType);
        Assert.Equal("KMS", records[1].Kinesis!.EncryptionType);
    }

    [Fact]
    public void Kinesis_arrival_timestamp_is_read_exactly_from_epoch_seconds()
    {
        var record = Read("kinesis/records.json", Context.KinesisEvent).Records[0].Kinesis!;

        var expected = new DateTime(2026, 4, 27, 14, 26, 41, 123, DateTimeKind.Utc);
        Assert.Equal(expected, record.ApproximateArrivalTimestamp);
        Assert.Equal(DateTimeKind.Utc, record.ApproximateArrivalTimestamp.Kind);
    }

    [Fact]
    public void Kinesis_arrival_timestamp_is_written_as_epoch_seconds_with_fraction()
    {
        var record = new KinesisEvent.Record
        {
            ApproximateArrivalTimestamp = new DateTime(2016, 12, 2, 1, 18, 43, 477, DateTimeKind.Utc),
        };
        using var document = JsonDocument.Parse(JsonSerializer.Serialize(record, Context.Record));
        var value = document.RootElement.GetProperty("approximateArrivalTimestamp");
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.Equal(1480641523.477m, value.GetDecimal());
    }

    [Fact]
    public void Kinesis_tumbling_window_fields_are_read()
    {
        var kinesis = Read("kinesis/tumbling-window.json", Context.KinesisEvent);

        Assert.Equal(new DateTime(2026, 4, 27, 14, 27, 0, DateTimeKind.Utc), kinesis.Window!.Start);
        Assert.Equal(new DateTime(2026, 4, 27, 14, 29, 0, DateTimeKind.Utc), kinesis.Window.End);
        Assert.Equal("17", kinesis.State!["clicks"].GetString());
        Assert.Equal("/checkout", kinesis.State["lastPage"].GetString());
        Assert.Equal("shardId-000000000003", kinesis.ShardId);
        Assert.Equal("arn:aws:kinesis:us-east-2:404505606707:stream/clickstream", kinesis.EventSourceArn);
        Assert.False(kinesis.IsFinalInvokeForWindow);
        Assert.False(kinesis.IsWindowTerminatedEarly);
    }

    [Fact]
    public void Kinesis_event_without_a_window_has_no_window_fields_and_writes_none()
    {
        var kinesis = Read("kinesis/records.json", Context.KinesisEvent);
        Assert.Null(kinesis.Window);
        Assert.Null(kinesis.IsFinalInvokeForWindow);

        var json = JsonSerializer.Serialize(kinesis, Context.KinesisEvent);
        Assert.DoesNotContain("window", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Kinesis_event_works_in_a_user_context_in_another_assembly()
    {
        var bytes = SampleEvents.ReadBytes("kinesis/records.json");
        var kinesis = JsonSerializer.Deserialize(bytes, TestJsonContext.Default.KinesisEvent)!;

        Assert.Equal("""{"page":"/home","ms":118}"""u8.ToArray(), kinesis.Records[0].Kinesis!.Data.ToArray());
        JsonSemanticComparer.AssertEquivalent(bytes, JsonSerializer.SerializeToUtf8Bytes(kinesis, TestJsonContext.Default.KinesisEvent));
    }

    [Fact]
    public void Streams_event_response_serializes_to_the_partial_batch_shape()
    {
        var response = new StreamsEventResponse();
        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(response, Context.StreamsEventResponse));

        response.BatchItemFailures.Add(new StreamsEventResponse.BatchItemFailure { ItemIdentifier = "4956816737" });
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"4956816737"}]}""", JsonSerializer.Serialize(response, Context.StreamsEventResponse));
    }

    // ---- S3 ----

    [Fact]
    public void S3_decoded_key_is_the_url_decoded_key()
    {
        var s3 = Read("s3/put-encoded-key.json", Context.S3Event);
        var entity = s3.Records[0].S3!.Object!;

        // S3 sends the key form-URL-encoded: '+' is a space, %2B a plus, %2F a slash, %C3%A9 an é in UTF-8.
        Assert.Equal("photos/summer+2026/caf%C3%A9+%2B+friends%2Fbest.jpg", entity.Key);
        Assert.Equal("photos/summer 2026/café + friends/best.jpg", entity.DecodedKey);
        Assert.Null(entity.UrlDecodedKey); // not in this file, so not written back either
    }

    [Fact]
    public void S3_url_decoded_key_member_is_kept_as_sent()
    {
        // AWS does not send urlDecodedKey, but some tools add it to the events they store; it is read and written back.
        var s3 = Read("s3/put-with-url-decoded-key.json", Context.S3Event);
        var entity = s3.Records[0].S3!.Object!;

        Assert.Equal("videos/launch%20day.mp4", entity.Key);
        Assert.Equal("videos/launch day.mp4", entity.UrlDecodedKey);
        Assert.Equal("videos/launch day.mp4", entity.DecodedKey);
    }

    [Theory]
    [InlineData("Happy+Face.jpg", "Happy Face.jpg")]
    [InlineData("a%2Bb+c.txt", "a+b c.txt")]
    [InlineData("folder%2Fsub/file%3Dname.txt", "folder/sub/file=name.txt")]
    [InlineData("caf%C3%A9.txt", "café.txt")]
    [InlineData("plain-key.txt", "plain-key.txt")]
    [InlineData("", "")]
    public void S3_decoded_key_turns_plus_into_space_and_decodes_escapes(string key, string expected)
    {
        Assert.Equal(expected, new S3Event.S3ObjectEntity { Key = key }.DecodedKey);
    }

    [Fact]
    public void S3_decoded_key_is_not_serialized()
    {
        var json = JsonSerializer.Serialize(new S3Event.S3ObjectEntity { Key = "a+b" }, Context.S3ObjectEntity);
        Assert.DoesNotContain("ecoded", json, StringComparison.Ordinal);
    }

    [Fact]
    public void S3_record_fields_are_read()
    {
        var record = Read("s3/replication-failed.json", Context.S3Event).Records[0];

        Assert.Equal("aws:s3", record.EventSource);
        Assert.Equal("Replication:OperationFailedReplication", record.EventName);
        Assert.Equal(new DateTime(2026, 6, 27, 12, 5, 44, 456, DateTimeKind.Utc), record.EventTime);
        Assert.Equal("example-media-uploads", record.S3!.Bucket!.Name);
        Assert.Equal(88231, record.S3.Object!.Size);
        Assert.Equal("7QK2M9ZB3XW1RT4E", record.ResponseElements!.XAmzRequestId);
        Assert.Equal("DstBucketNotFound", record.ReplicationEventData!.FailureReason);
        Assert.Equal("replicate-invoices-to-dr", record.ReplicationEventData.ReplicationRuleId);

        var restore = Read("s3/restore-completed.json", Context.S3Event).Records[0];
        Assert.Equal("DEEP_ARCHIVE", restore.GlacierEventData!.RestoreEventData!.LifecycleRestoreStorageClass);
        Assert.Equal(new DateTime(2026, 7, 1, 0, 0, 0, 250, DateTimeKind.Utc), restore.GlacierEventData.RestoreEventData.LifecycleRestorationExpiryTime);

        Assert.Equal("ARCHIVE_ACCESS", Read("s3/intelligent-tiering.json", Context.S3Event).Records[0].IntelligentTieringEventData!.DestinationAccessTier);
        Assert.Equal("GLACIER_IR", Read("s3/lifecycle-transition.json", Context.S3Event).Records[0].LifecycleEventData!.TransitionEventData!.DestinationStorageClass);
    }

    [Fact]
    public void S3_delete_event_has_a_key_and_version_but_no_size()
    {
        var entity = Read("s3/delete.json", Context.S3Event).Records[0].S3!.Object!;

        Assert.Equal("reports/2025/q4 final(1).pdf", entity.DecodedKey);
        Assert.Equal("Wc1pQk8Lz3Ma9Vb7Nd5Fx2Gy0Hs6Jt4", entity.VersionId);
        Assert.Null(entity.ETag);
        Assert.Equal(0, entity.Size);
    }

    // ---- DynamoDB ----

    [Fact]
    public void DynamoDB_attribute_values_of_each_kind_are_read()
    {
        var image = Read("dynamodb/insert-modify-remove.json", Context.DynamoDBEvent).Records[0].Dynamodb!.NewImage!;

        Assert.Equal("The Lighthouse Keeper — 2nd ed. ✓", image["title"].S);
        Assert.Equal("", image["emptyString"].S);
        Assert.Equal("12.99", image["price"].N);
        // Numbers stay strings, exactly as sent: 38 digits, tiny and huge exponents.
        Assert.Equal("12345678901234567890123456789012345678", image["huge"].N);
        Assert.Equal("-1E-130", image["tiny"].N);
        Assert.Equal("6.02214076E+23", image["avogadro"].N);
        Assert.Equal(new byte[] { 0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46 }, image["cover"].B!.Value.ToArray());
        Assert.Empty(image["emptyBinary"].B!.Value.ToArray());
        Assert.Equal(["classic", "maritime", "reissue"], image["tags"].SS!);
        Assert.Equal(["5", "4.5", "3", "99999999999999999999.000000000000000001"], image["ratings"].NS!);
        Assert.Equal(
            [[0, 1, 2], "thumb-large"u8.ToArray(), [250, 251, 252, 253, 254, 255]],
            image["thumbnails"].BS!.Select(b => b.ToArray()).ToArray());
        Assert.True(image["inStock"].BOOL);
        Assert.False(image["discontinued"].BOOL);
        Assert.True(image["notes"].NULL);

        var author = image["author"].M!;
        Assert.Equal("A. Writer", author["name"].S);
        Assert.Equal("1931", author["born"].N);
        Assert.Empty(author["prizes"].L!);
        Assert.True(author["agent"].NULL);

        var editions = image["editions"].L!;
        Assert.Equal("hardcover", editions[0].M!["format"].S);
        Assert.Equal("1999", editions[1].N);
        Assert.Equal(["paperback"], editions[2].SS!);
        Assert.Equal("nested"u8.ToArray(), editions[3].L![0].B!.Value.ToArray());
        Assert.True(editions[3].L![1].NULL);
        Assert.Empty(editions[4].M!);
        Assert.Empty(image["emptyMap"].M!);
        Assert.Empty(image["emptyList"].L!);

        // Exactly one member is set on each value.
        var only = image["title"];
        Assert.Null(only.N);
        Assert.Null(only.B);
        Assert.Null(only.SS);
        Assert.Null(only.NS);
        Assert.Null(only.BS);
        Assert.Null(only.M);
        Assert.Null(only.L);
        Assert.Null(only.NULL);
        Assert.Null(only.BOOL);
    }

    [Fact]
    public void DynamoDB_attribute_values_of_each_kind_are_written()
    {
        var values = new Dictionary<string, DynamoDBEvent.AttributeValue>
        {
            ["s"] = new() { S = "text" },
            ["n"] = new() { N = "3.14" },
            ["b"] = new() { B = new byte[] { 0, 1, 42, 65 } },
            ["ss"] = new() { SS = ["a", "b"] },
            ["ns"] = new() { NS = ["1", "2.5"] },
            ["bs"] = new() { BS = [new byte[] { 65, 42, 1, 0 }] },
            ["m"] = new() { M = new() { ["k"] = new() { BOOL = false } } },
            ["l"] = new() { L = [new() { NULL = true }, new() { N = "1" }] },
        };
        var record = new DynamoDBEvent.StreamRecord { NewImage = values, SizeBytes = 1 };

        using var document = JsonDocument.Parse(JsonSerializer.Serialize(record, Context.StreamRecord));
        var expected = """
            {"s":{"S":"text"},"n":{"N":"3.14"},"b":{"B":"AAEqQQ=="},"ss":{"SS":["a","b"]},"ns":{"NS":["1","2.5"]},
             "bs":{"BS":["QSoBAA=="]},"m":{"M":{"k":{"BOOL":false}}},"l":{"L":[{"NULL":true},{"N":"1"}]}}
            """;
        JsonSemanticComparer.AssertEquivalent(expected, document.RootElement.GetProperty("NewImage").GetRawText());
    }

    [Fact]
    public void DynamoDB_stream_record_fields_are_read()
    {
        var dynamo = Read("dynamodb/insert-modify-remove.json", Context.DynamoDBEvent);
        var record = dynamo.Records[0];

        Assert.Equal("a1b2c3d4e5f60718293a4b5c6d7e8f90", record.EventID);
        Assert.Equal("INSERT", record.EventName);
        Assert.Equal("aws:dynamodb", record.EventSource);
        Assert.Equal("1.1", record.EventVersion);
        Assert.Equal("arn:aws:dynamodb:eu-west-2:505606707808:table/Library/stream/2026-02-11T09:30:15.123", record.EventSourceArn);
        Assert.Null(record.UserIdentity);
        Assert.Equal(new DateTime(2026, 4, 28, 18, 30, 1, DateTimeKind.Utc), record.Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal("BOOK#978-0-14", record.Dynamodb.Keys!["pk"].S);
        Assert.Equal("1", record.Dynamodb.Keys["sk"].N);
        Assert.Null(record.Dynamodb.OldImage);
        Assert.Equal("400000000000000012345678901", record.Dynamodb.SequenceNumber);
        Assert.Equal(1184, record.Dynamodb.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", record.Dynamodb.StreamViewType);
        Assert.Null(dynamo.Window);

        var modify = dynamo.Records[1];
        Assert.Equal("MODIFY", modify.EventName);
        Assert.Equal("14.5", modify.Dynamodb!.OldImage!["price"].N);
        Assert.Equal("12.99", modify.Dynamodb.NewImage!["price"].N);

        // A TTL deletion: the service is the principal, and there is no new image.
        var remove = dynamo.Records[2];
        Assert.Equal("REMOVE", remove.EventName);
        Assert.Equal("Service", remove.UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", remove.UserIdentity.PrincipalId);
        Assert.Null(remove.Dynamodb!.NewImage);
        Assert.Equal("Withdrawn Title", remove.Dynamodb.OldImage!["title"].S);

        var keysOnly = Read("dynamodb/keys-only.json", Context.DynamoDBEvent).Records.Single().Dynamodb!;
        Assert.Equal("KEYS_ONLY", keysOnly.StreamViewType);
        Assert.Null(keysOnly.NewImage);
        Assert.Equal("LOAN#77", keysOnly.Keys!["pk"].S);
    }

    [Fact]
    public void DynamoDB_tumbling_window_fields_are_read()
    {
        var dynamo = Read("dynamodb/tumbling-window.json", Context.DynamoDBEvent);

        Assert.Equal(3, dynamo.Records.Count);
        Assert.Equal("21", dynamo.Records[1].Dynamodb!.NewImage!["days"].N);
        Assert.Equal("14", dynamo.Records[1].Dynamodb!.OldImage!["days"].N);
        Assert.Null(dynamo.Records[2].Dynamodb!.NewImage);
        Assert.Equal(new DateTime(2026, 4, 28, 18, 15, 0, DateTimeKind.Utc), dynamo.Window!.Start);
        Assert.Equal(new DateTime(2026, 4, 28, 18, 30, 0, DateTimeKind.Utc), dynamo.Window.End);
        Assert.Equal("3", dynamo.State!["openLoans"].GetString());
        Assert.Equal("LOAN#1", dynamo.State["lastKey"].GetString());
        Assert.Equal("shardId-00000001777400000000-5e6f7a8b", dynamo.ShardId);
        Assert.Equal("arn:aws:dynamodb:eu-west-2:505606707808:table/Library/stream/2026-02-11T09:30:15.123", dynamo.EventSourceArn);
        Assert.True(dynamo.IsFinalInvokeForWindow);
        Assert.False(dynamo.IsWindowTerminatedEarly);
    }

    [Fact]
    public void DynamoDB_binary_that_is_not_base64_gives_a_JsonException()
    {
        var json = """{"Records":[{"dynamodb":{"NewImage":{"b":{"B":"not base64!"}}}}]}""";
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.DynamoDBEvent));
    }

    // ---- EventBridge ----

    [Fact]
    public void Scheduled_event_fields_are_read()
    {
        var scheduled = Read("eventbridge/scheduled.json", Context.ScheduledEvent);

        Assert.Equal("0", scheduled.Version);
        Assert.Equal("7e1d4c2b-93a8-4f60-b5d1-2c3e4f5a6b7c", scheduled.Id);
        Assert.Equal("Scheduled Event", scheduled.DetailType);
        Assert.Equal("aws.events", scheduled.Source);
        Assert.Equal("202303404505", scheduled.Account);
        Assert.Equal(new DateTime(2026, 3, 1, 2, 30, 0, DateTimeKind.Utc), scheduled.Time);
        Assert.Equal("eu-south-1", scheduled.Region);
        Assert.Equal(["arn:aws:events:eu-south-1:202303404505:rule/monthly-invoices"], scheduled.Resources!);
        Assert.NotNull(scheduled.Detail);
    }

    [Fact]
    public void CloudWatch_event_detail_is_typed_in_a_user_context()
    {
        var json = """
            {
              "version": "0",
              "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
              "detail-type": "Order Placed",
              "source": "com.example.orders",
              "account": "111122223333",
              "time": "2025-03-04T05:06:07Z",
              "region": "eu-west-1",
              "resources": [],
              "detail": { "orderId": "o-42", "amount": 12.50, "items": ["book", "pen"] }
            }
            """;

        var cloudWatchEvent = JsonSerializer.Deserialize(json, TestJsonContext.Default.CloudWatchEventOrderPlaced)!;

        Assert.Equal("Order Placed", cloudWatchEvent.DetailType);
        Assert.Equal("o-42", cloudWatchEvent.Detail!.OrderId);
        Assert.Equal(12.50m, cloudWatchEvent.Detail.Amount);
        Assert.Equal(["book", "pen"], cloudWatchEvent.Detail.Items!);
        Assert.Empty(cloudWatchEvent.Resources!);
        JsonSemanticComparer.AssertEquivalent(json, JsonSerializer.Serialize(cloudWatchEvent, TestJsonContext.Default.CloudWatchEventOrderPlaced));
    }

    [Fact]
    public void CloudWatch_event_with_an_untyped_detail_round_trips()
    {
        var json = """{"version":"0","id":"1","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","account":"1","time":"2025-01-01T00:00:00Z","region":"us-east-1","resources":["arn:x"],"detail":{"instance-id":"i-1","state":"running","n":[1,2.5,{"deep":null}]}}""";

        var cloudWatchEvent = JsonSerializer.Deserialize(json, Context.CloudWatchEventJsonElement)!;

        Assert.Equal("running", cloudWatchEvent.Detail.GetProperty("state").GetString());
        JsonSemanticComparer.AssertEquivalent(json, JsonSerializer.Serialize(cloudWatchEvent, Context.CloudWatchEventJsonElement));
    }

    [Fact]
    public void CloudWatch_event_without_a_detail_writes_no_detail()
    {
        var untyped = new CloudWatchEvent<System.Text.Json.JsonElement> { Source = "x" };
        Assert.DoesNotContain("detail", JsonSerializer.Serialize(untyped, Context.CloudWatchEventJsonElement), StringComparison.Ordinal);

        var typed = new CloudWatchEvent<OrderPlaced> { Source = "x" };
        Assert.DoesNotContain("detail", JsonSerializer.Serialize(typed, TestJsonContext.Default.CloudWatchEventOrderPlaced), StringComparison.Ordinal);
    }

    // ---- SQS ----

    [Fact]
    public void Sqs_batch_response_serializes_to_the_partial_batch_shape()
    {
        var response = new SQSBatchResponse();
        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(response, Context.SQSBatchResponse));

        response.BatchItemFailures.Add(new SQSBatchResponse.BatchItemFailure { ItemIdentifier = "MessageID_1" });
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"MessageID_1"}]}""", JsonSerializer.Serialize(response, Context.SQSBatchResponse));

        var constructed = new SQSBatchResponse([new() { ItemIdentifier = "a" }, new() { ItemIdentifier = "b" }]);
        Assert.Equal("""{"batchItemFailures":[{"itemIdentifier":"a"},{"itemIdentifier":"b"}]}""", JsonSerializer.Serialize(constructed, Context.SQSBatchResponse));
    }

    [Fact]
    public void Sqs_message_fields_and_attributes_are_read()
    {
        var messages = Read("sqs/standard.json", Context.SQSEvent).Records;
        var message = messages[0];

        Assert.Equal(3, messages.Count);
        Assert.Equal("2e1424d4-f796-459a-8184-9c92662be6da", message.MessageId);
        Assert.Equal("AQEBJlyY2fMwRCuvKAHT6rask1T4me6I2u1C0f9vGaT2ZrE=Example0", message.ReceiptHandle);
        Assert.Equal("""{"orderId":"ord-1001","total":18.5}""", message.Body);
        Assert.Equal("15b14ce994b0b6b2e82cca902fc4b9ed", message.Md5OfBody);
        Assert.Equal("4b1c3e2d5f6a7b8c9d0e1f2a3b4c5d6e", message.Md5OfMessageAttributes);
        Assert.Equal("arn:aws:sqs:ap-northeast-1:303404505606:order-intake", message.EventSourceArn);
        Assert.Equal("aws:sqs", message.EventSource);
        Assert.Equal("ap-northeast-1", message.AwsRegion);
        Assert.Equal("1", message.Attributes!["ApproximateReceiveCount"]);
        Assert.Equal("1777100000000", message.Attributes["SentTimestamp"]);
        Assert.Equal("plain text body with \"quotes\" and unicode: ünïcødé ✓", messages[1].Body);
        Assert.Empty(messages[1].MessageAttributes!);

        var binary = message.MessageAttributes!["thumbnail"];
        Assert.Equal("Binary", binary.DataType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0xff }, binary.BinaryValue!.ToArray());
        Assert.Empty(binary.StringListValues!);
        Assert.Empty(binary.BinaryListValues!);
        Assert.Null(binary.StringValue);
        Assert.Equal("Binary.avro", message.MessageAttributes["schema"].DataType);
        Assert.Equal("v2"u8.ToArray(), message.MessageAttributes["schema"].BinaryValue!.ToArray());

        var number = message.MessageAttributes["attempt"];
        Assert.Equal("Number", number.DataType);
        Assert.Equal("3", number.StringValue);
        Assert.Null(number.BinaryValue);
        Assert.Empty(number.StringListValues!);
    }

    [Fact]
    public void Sqs_attribute_list_values_are_read_and_written()
    {
        // SQS reserves the list members and sends them empty; values, when present, are strings and base64 bytes.
        var json = """{"stringListValues":["abc","123"],"binaryListValues":["MA==","MQ=="],"dataType":"Binary"}""";

        var attribute = JsonSerializer.Deserialize(json, Context.SQSMessageAttribute)!;

        Assert.Equal(["abc", "123"], attribute.StringListValues!);
        Assert.Equal(["0", "1"], attribute.BinaryListValues!.Select(b => Encoding.UTF8.GetString(b.ToArray())));
        JsonSemanticComparer.AssertEquivalent(json, JsonSerializer.Serialize(attribute, Context.SQSMessageAttribute));
    }

    [Fact]
    public void Sqs_fifo_message_attributes_are_read()
    {
        var messages = Read("sqs/fifo.json", Context.SQSEvent).Records;

        Assert.EndsWith(".fifo", messages[0].EventSourceArn, StringComparison.Ordinal);
        Assert.Equal(["acct-17", "acct-17", "acct-99"], messages.Select(m => m.Attributes!["MessageGroupId"]));
        Assert.Equal("18874920163358123401", messages[1].Attributes!["SequenceNumber"]);
        Assert.Equal(64, messages[2].Attributes!["MessageDeduplicationId"].Length);
        Assert.Equal("eu-1", messages[0].MessageAttributes!["tenant"].StringValue);
    }

    // ---- SNS ----

    [Fact]
    public void Sns_message_fields_are_read()
    {
        var record = Read("sns/notification.json", Context.SNSEvent).Records.Single();

        Assert.Equal("aws:sns", record.EventSource);
        Assert.Equal("1.0", record.EventVersion);
        Assert.Equal("arn:aws:sns:sa-east-1:101202303404:order-events:8c5e3a1f-7b2d-4e90-a6c4-1d2e3f405162", record.EventSubscriptionArn);
        var sns = record.Sns!;
        Assert.Equal("Notification", sns.Type);
        Assert.Equal("c0ffee00-1234-5678-9abc-def012345678", sns.MessageId);
        Assert.Equal("arn:aws:sns:sa-east-1:101202303404:order-events", sns.TopicArn);
        Assert.Equal("Order shipped", sns.Subject);
        Assert.Equal("""{"orderId":"ord-8812","carrier":"post","items":3}""", sns.Message);
        Assert.Equal(new DateTime(2026, 5, 9, 13, 37, 0, 42, DateTimeKind.Utc), sns.Timestamp);
        Assert.Equal("2", sns.SignatureVersion);
        Assert.Equal("bm90LWEtcmVhbC1zaWduYXR1cmUtanVzdC1hLXRlc3QtdmFsdWU=", sns.Signature);
        Assert.Equal("https://sns.sa-east-1.amazonaws.com/SimpleNotificationService-0000example.pem", sns.SigningCertUrl);
        Assert.StartsWith("https://sns.sa-east-1.amazonaws.com/?Action=Unsubscribe&SubscriptionArn=", sns.UnsubscribeUrl, StringComparison.Ordinal);
        Assert.Equal("Number", sns.MessageAttributes!["priority"].Type);
        Assert.Equal("2", sns.MessageAttributes["priority"].Value);
        Assert.Equal("String", sns.MessageAttributes["channel"].Type);
        Assert.Equal("Binary", sns.MessageAttributes["checksum"].Type);
        Assert.Equal("3q2+7w==", sns.MessageAttributes["checksum"].Value);

        var alarm = Read("sns/cloudwatch-alarm.json", Context.SNSEvent).Records.Single().Sns!;
        Assert.Empty(alarm.MessageAttributes!);
        using var message = JsonDocument.Parse(alarm.Message!);
        Assert.Equal("ALARM", message.RootElement.GetProperty("NewStateValue").GetString());
    }

    [Fact]
    public void Sns_message_delivered_to_sqs_reads_and_writes_the_URL_spelling()
    {
        // The body of an SQS message from an SNS subscription spells these members SigningCertURL and UnsubscribeURL.
        var json = """
            {"Type":"Notification","MessageId":"m-1","TopicArn":"arn:aws:sns:us-east-1:1:t","Message":"hi",
             "Timestamp":"2024-01-02T03:04:05.678Z","SignatureVersion":"1","Signature":"sig",
             "SigningCertURL":"https://sns.us-east-1.amazonaws.com/cert.pem",
             "UnsubscribeURL":"https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe",
             "MessageAttributes":{"a":{"Type":"String","Value":"b"}}}
            """;

        var message = JsonSerializer.Deserialize(json, Context.SNSMessage)!;

        Assert.Equal("https://sns.us-east-1.amazonaws.com/cert.pem", message.SigningCertUrl);
        Assert.Equal("https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe", message.UnsubscribeUrl);
        JsonSemanticComparer.AssertEquivalent(json, JsonSerializer.Serialize(message, Context.SNSMessage));
    }

    [Fact]
    public void Sns_message_built_in_code_writes_the_lambda_spelling_and_omits_unset_members()
    {
        var message = new SNSEvent.SNSMessage { Message = "hi", SigningCertUrl = "c", UnsubscribeUrl = "u" };
        Assert.Equal("""{"Message":"hi","SigningCertUrl":"c","UnsubscribeUrl":"u"}""", JsonSerializer.Serialize(message, Context.SNSMessage));
    }

    [Fact]
    public void Sns_message_skips_unknown_members_and_rejects_a_bad_timestamp()
    {
        var message = JsonSerializer.Deserialize("""{"Token":{"a":[1,2]},"Message":"m","SubscribeURL":"x"}""", Context.SNSMessage)!;
        Assert.Equal("m", message.Message);

        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"Timestamp":"yesterday"}""", Context.SNSMessage));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"Message":42}""", Context.SNSMessage));
    }

    [Fact]
    public void Sns_event_works_in_a_user_context_in_another_assembly()
    {
        var bytes = SampleEvents.ReadBytes("sns/notification.json");
        var sns = JsonSerializer.Deserialize(bytes, TestJsonContext.Default.SNSEvent)!;
        Assert.Equal("Order shipped", sns.Records[0].Sns!.Subject);
        JsonSemanticComparer.AssertEquivalent(bytes, JsonSerializer.SerializeToUtf8Bytes(sns, TestJsonContext.Default.SNSEvent));
    }

    // ---- API Gateway, function URLs, ALB ----

    [Fact]
    public void Rest_api_authorizer_context_is_free_form_json()
    {
        var request = Read("apigateway/rest-v1-proxy-request.json", Context.APIGatewayProxyRequest);
        var authorizer = request.RequestContext!.Authorizer!;

        Assert.Equal("user-7781", authorizer.PrincipalId);
        Assert.Equal(42, authorizer["tenantId"].GetInt32());
        Assert.True(authorizer.TryGetString("plan", out var plan));
        Assert.Equal("gold", plan);
        Assert.False(authorizer.TryGetString("tenantId", out _));
        Assert.False(authorizer.TryGetString("missing", out _));
    }

    [Fact]
    public void Rest_api_request_fields_are_read()
    {
        var request = Read("apigateway/rest-v1-proxy-request.json", Context.APIGatewayProxyRequest);

        Assert.Equal("/{proxy+}", request.Resource);
        Assert.Equal("/books/978-0-14", request.Path);
        Assert.Equal("PUT", request.HttpMethod);
        Assert.Equal("application/json", request.Headers!["Content-Type"]);
        Assert.Equal(["application/json"], request.MultiValueHeaders!["Accept"]);
        Assert.Equal("true", request.QueryStringParameters!["notify"]);
        Assert.Equal(["true"], request.MultiValueQueryStringParameters!["notify"]);
        Assert.Equal("books/978-0-14", request.PathParameters!["proxy"]);
        Assert.Equal("books-prod", request.StageVariables!["tableName"]);
        Assert.Equal("""{"title":"The Lighthouse Keeper","price":12.99}""", request.Body);
        Assert.False(request.IsBase64Encoded);

        var context = request.RequestContext!;
        Assert.Equal("prod", context.Stage);
        Assert.Equal("/prod/books/978-0-14", context.Path);
        Assert.Equal(1773480413517, context.RequestTimeEpoch);
        Assert.Equal("198.51.100.23", context.Identity!.SourceIp);
        Assert.Null(context.Identity.AccessKey); // null in the event
        Assert.Equal("Jan 10 08:00:00 2027 GMT", context.Identity.ClientCert!.Validity!.NotAfter);
    }

    [Fact]
    public void Rest_api_multi_value_headers_and_query_keep_every_value_and_single_values_keep_the_last()
    {
        var request = Read("apigateway/rest-v1-proxy-request-multi-value.json", Context.APIGatewayProxyRequest);

        Assert.Equal(["fr", "de"], request.MultiValueHeaders!["Accept-Language"]);
        Assert.Equal("de", request.Headers!["Accept-Language"]);
        Assert.Equal(["session=9f8e7d", "theme=dark"], request.MultiValueHeaders["Cookie"]);
        Assert.Equal(["fiction", "history", "poetry"], request.MultiValueQueryStringParameters!["tag"]);
        Assert.Equal("poetry", request.QueryStringParameters!["tag"]);
        Assert.Equal("sea & sky", request.QueryStringParameters["q"]);
        Assert.Null(request.PathParameters);
        Assert.Null(request.StageVariables);
        Assert.Null(request.Body);
        Assert.Equal("bk-live-0a1b2c3d", request.RequestContext!.Identity!.ApiKey);
        Assert.Null(request.RequestContext.Authorizer);
    }

    [Fact]
    public void Rest_api_response_writes_isBase64Encoded_only_when_true()
    {
        var response = new APIGatewayProxyResponse { StatusCode = 200, Body = "ok" };
        Assert.Equal("""{"statusCode":200,"body":"ok"}""", JsonSerializer.Serialize(response, Context.APIGatewayProxyResponse));

        response.IsBase64Encoded = true;
        Assert.Equal("""{"statusCode":200,"body":"ok","isBase64Encoded":true}""", JsonSerializer.Serialize(response, Context.APIGatewayProxyResponse));
    }

    [Fact]
    public void Rest_api_request_reads_an_explicit_isBase64Encoded()
    {
        var request = JsonSerializer.Deserialize("""{"body":"AA==","isBase64Encoded":true}""", Context.APIGatewayProxyRequest)!;
        Assert.True(request.IsBase64Encoded);
    }

    [Fact]
    public void Http_api_jwt_authorizer_is_read()
    {
        var request = Read("apigateway/http-api-v2-jwt-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);
        var jwt = request.RequestContext!.Authorizer!.Jwt!;

        Assert.Equal("reader@example.com", jwt.Claims!["email"]);
        Assert.Equal("[readers editors]", jwt.Claims["cognito:groups"]);
        Assert.Equal(["books/read", "books/review"], jwt.Scopes!);
        Assert.Null(request.RequestContext.Authorizer.IAM);
        Assert.Null(request.RequestContext.Authorizer.Lambda);
    }

    [Fact]
    public void Http_api_iam_authorizer_is_read()
    {
        var request = Read("apigateway/http-api-v2-iam-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);
        var iam = request.RequestContext!.Authorizer!.IAM!;

        Assert.Equal("ASIAEXAMPLE7Q3", iam.AccessKey);
        Assert.Equal("o-exampleorg1", iam.PrincipalOrgId);
        Assert.Equal("arn:aws:sts::556677889900:assumed-role/reports-batch/session-1", iam.UserARN);
        Assert.Equal(["authenticated", "cognito-idp.us-east-2.amazonaws.com/us-east-2_Ex4mple"], iam.CognitoIdentity!.AMR!);
        Assert.Equal("us-east-2:11112222-3333-4444-5555-666677778888", iam.CognitoIdentity.IdentityPoolId);
        Assert.Equal("7", request.RequestContext.Authentication!.ClientCert!.SerialNumber);
        Assert.Equal("a1b2c3d", request.RequestContext.RouteId);
    }

    [Fact]
    public void Http_api_lambda_authorizer_context_is_free_form_json()
    {
        var request = Read("apigateway/http-api-v2-lambda-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);
        var lambda = request.RequestContext!.Authorizer!.Lambda!;

        Assert.Equal("cust-0091", lambda["customerId"].GetString());
        Assert.Equal(250, lambda["quota"].GetInt32());
        Assert.True(lambda["beta"].GetBoolean());
        Assert.Equal(10, lambda["limits"].GetProperty("burst").GetInt32());
        Assert.Equal(2, lambda["roles"].GetArrayLength());
    }

    [Fact]
    public void Http_api_request_fields_are_read()
    {
        var request = Read("apigateway/http-api-v2-no-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);

        Assert.Equal("2.0", request.Version);
        Assert.Equal("GET /books/{isbn}", request.RouteKey);
        Assert.Equal("/books/978-1-86", request.RawPath);
        Assert.Equal("format=json&fields=title&fields=price", request.RawQueryString);
        Assert.Equal(["locale=en-GB", "visitor=ab12cd"], request.Cookies!);
        Assert.Equal("curl/8.5.0", request.Headers!["user-agent"]);
        Assert.Equal("title,price", request.QueryStringParameters!["fields"]);
        Assert.Equal("978-1-86", request.PathParameters!["isbn"]);
        Assert.Null(request.Body);
        var http = request.RequestContext!.Http!;
        Assert.Equal("GET", http.Method);
        Assert.Equal("/books/978-1-86", http.Path);
        Assert.Equal("HTTP/1.1", http.Protocol);
        Assert.Equal("192.0.2.44", http.SourceIp);
        Assert.Equal("curl/8.5.0", http.UserAgent);
        Assert.Equal(1776740901733, request.RequestContext.TimeEpoch);
        Assert.Null(request.RequestContext.Authorizer);
        Assert.Null(request.RequestContext.Authentication);
    }

    [Fact]
    public void Function_url_request_reads_as_an_http_api_request()
    {
        var request = Read("function-url/request.json", Context.APIGatewayHttpApiV2ProxyRequest);

        Assert.Equal("$default", request.RouteKey);
        Assert.Equal("/webhooks/payments", request.RawPath);
        Assert.Equal(["trace=on", "region=eu"], request.Cookies!);
        Assert.Equal("t=1777000000,v1=3f9a", request.Headers!["x-acme-signature"]);
        Assert.Equal("POST", request.RequestContext!.Http!.Method);
        Assert.Equal("arn:aws:iam::889900112233:user/webhook-relay", request.RequestContext.Authorizer!.IAM!.UserARN);
        Assert.Null(request.RequestContext.Authorizer.IAM.CognitoIdentity);
        Assert.Null(request.PathParameters);
        Assert.Equal("""{"paymentId":"pay_31","status":"settled"}""", request.Body);
    }

    [Fact]
    public void Http_api_response_serializes_cookies_and_headers()
    {
        var response = new APIGatewayHttpApiV2ProxyResponse
        {
            StatusCode = 201,
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/plain" },
            Cookies = ["a=1", "b=2; Max-Age=60"],
            Body = "created",
        };

        JsonSemanticComparer.AssertEquivalent(
            """{"statusCode":201,"headers":{"Content-Type":"text/plain"},"cookies":["a=1","b=2; Max-Age=60"],"body":"created","isBase64Encoded":false}""",
            JsonSerializer.Serialize(response, Context.APIGatewayHttpApiV2ProxyResponse));
    }

    [Fact]
    public void Alb_request_fields_are_read()
    {
        var single = Read("alb/request-single-value.json", Context.ApplicationLoadBalancerRequest);
        Assert.Equal("arn:aws:elasticloadbalancing:ca-central-1:990011223344:targetgroup/bookshop-fn/6d0ecf831eec9f09", single.RequestContext!.Elb!.TargetGroupArn);
        Assert.Equal("GET", single.HttpMethod);
        Assert.Equal("sci-fi", single.QueryStringParameters!["genre"]);
        Assert.Equal("Wget/1.21.4", single.Headers!["user-agent"]);
        Assert.Null(single.MultiValueHeaders);
        Assert.Equal("", single.Body);

        var multi = Read("alb/request-multi-value.json", Context.ApplicationLoadBalancerRequest);
        Assert.Equal(["SPRING", "LOYAL10"], multi.MultiValueQueryStringParameters!["coupon"]);
        Assert.Equal(["cart=77", "theme=light"], multi.MultiValueHeaders!["cookie"]);
        Assert.Null(multi.Headers);
        Assert.True(multi.IsBase64Encoded);
        Assert.Equal("isbn=978-3-16&qty=2", Encoding.UTF8.GetString(Convert.FromBase64String(multi.Body!)));
    }

    [Fact]
    public void Alb_response_fields_are_read()
    {
        var response = Read("alb/response-multi-value.json", Context.ApplicationLoadBalancerResponse);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("200 OK", response.StatusDescription);
        Assert.Equal(["cart=77; Path=/", "theme=light; Path=/; Max-Age=600"], response.MultiValueHeaders!["Set-Cookie"]);
        Assert.Null(response.Headers);
        Assert.Equal("<h1>Your cart</h1>", response.Body);

        var single = Read("alb/response-single-value.json", Context.ApplicationLoadBalancerResponse);
        Assert.Equal("404 Not Found", single.StatusDescription);
        Assert.Equal("application/problem+json", single.Headers!["Content-Type"]);
    }

    // ---- SES ----

    [Fact]
    public void Ses_event_fields_are_read()
    {
        var record = Read("ses/receipt-sns-action.json", Context.SimpleEmailEvent).Records.Single();

        Assert.Equal("aws:ses", record.EventSource);
        var receipt = record.Ses!.Receipt!;
        Assert.Equal(417, receipt.ProcessingTimeMillis);
        Assert.Equal("PASS", receipt.DKIMVerdict!.Status);
        Assert.Equal("GRAY", receipt.DMARCVerdict!.Status);
        Assert.Equal("none", receipt.DMARCPolicy);
        Assert.Equal("SNS", receipt.Action!.Type);
        Assert.Equal("arn:aws:sns:eu-west-1:606707808909:inbound-mail", receipt.Action.TopicArn);
        Assert.Equal("UTF8", receipt.Action.Encoding);
        var mail = record.Ses.Mail!;
        Assert.Equal(11, mail.Headers!.Count);
        Assert.Equal(["archive@shop.example.com", "audit@shop.example.com"], mail.CommonHeaders!.Cc!);
        Assert.Equal("Your weekly digest", mail.CommonHeaders.Subject);
        Assert.Equal(new DateTime(2026, 5, 16, 8, 13, 2, 907, DateTimeKind.Utc), mail.Timestamp);

        var lambda = Read("ses/receipt-lambda-action.json", Context.SimpleEmailEvent).Records.Single().Ses!.Receipt!.Action!;
        Assert.Equal("Lambda", lambda.Type);
        Assert.Equal("Event", lambda.InvocationType);
        Assert.Equal("arn:aws:lambda:eu-west-1:606707808909:function:mail-intake", lambda.FunctionArn);
        Assert.Null(lambda.TopicArn);
    }
}
