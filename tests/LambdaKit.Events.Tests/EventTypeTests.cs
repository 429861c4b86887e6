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
        var kinesis = Read("kinesis-event.json", Context.KinesisEvent);

        Assert.Equal(2, kinesis.Records.Count);
        Assert.All(kinesis.Records, r => Assert.Equal("Hello World"u8.ToArray(), r.Kinesis!.Data.ToArray()));

        var window = Read("kinesis-time-window-event.json", Context.KinesisEvent);
        Assert.Equal("Hello, this is a test."u8.ToArray(), window.Records[0].Kinesis!.Data.ToArray());
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
        var record = Read("kinesis-event.json", Context.KinesisEvent).Records[0];

        Assert.Equal("aws:kinesis", record.EventSource);
        Assert.Equal("aws:kinesis:record", record.EventName);
        Assert.Equal("shardId-000000000000:49568167373333333333333333333333333333333333333333333333", record.EventId);
        Assert.Equal("arn:aws:iam::123456789012:role/LambdaRole", record.InvokeIdentityArn);
        Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/simple-stream", record.EventSourceARN);
        Assert.Equal("us-east-1", record.AwsRegion);
        Assert.Equal("1.0", record.EventVersion);
        Assert.Equal("1.0", record.Kinesis!.KinesisSchemaVersion);
        Assert.Equal("s1", record.Kinesis.PartitionKey);
        Assert.Equal("49568167373333333333333333333333333333333333333333333333", record.Kinesis.SequenceNumber);
    }

    [Fact]
    public void Kinesis_arrival_timestamp_is_read_exactly_from_epoch_seconds()
    {
        var record = Read("kinesis-event.json", Context.KinesisEvent).Records[0].Kinesis!;

        var expected = new DateTime(2016, 12, 2, 1, 18, 43, 477, DateTimeKind.Utc);
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
        var kinesis = Read("kinesis-time-window-event.json", Context.KinesisEvent);

        Assert.Equal(new DateTime(2020, 12, 9, 7, 4, 0, DateTimeKind.Utc), kinesis.Window!.Start);
        Assert.Equal(new DateTime(2020, 12, 9, 7, 6, 0, DateTimeKind.Utc), kinesis.Window.End);
        Assert.Equal("state 1", kinesis.State!["1"].GetString());
        Assert.Equal("state 2", kinesis.State["2"].GetString());
        Assert.Equal("shardId-000000000006", kinesis.ShardId);
        Assert.Equal("arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream", kinesis.EventSourceArn);
        Assert.False(kinesis.IsFinalInvokeForWindow);
        Assert.False(kinesis.IsWindowTerminatedEarly);
    }

    [Fact]
    public void Kinesis_event_without_a_window_has_no_window_fields_and_writes_none()
    {
        var kinesis = Read("kinesis-event.json", Context.KinesisEvent);
        Assert.Null(kinesis.Window);
        Assert.Null(kinesis.IsFinalInvokeForWindow);

        var json = JsonSerializer.Serialize(kinesis, Context.KinesisEvent);
        Assert.DoesNotContain("window", json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Kinesis_event_works_in_a_user_context_in_another_assembly()
    {
        var bytes = SampleEvents.ReadBytes("kinesis-event.json");
        var kinesis = JsonSerializer.Deserialize(bytes, TestJsonContext.Default.KinesisEvent)!;

        Assert.Equal("Hello World"u8.ToArray(), kinesis.Records[0].Kinesis!.Data.ToArray());
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
        var s3 = Read("s3-event.json", Context.S3Event);
        var entity = s3.Records[0].S3!.Object!;

        Assert.Equal("Happy%20Face.jpg", entity.Key);
        Assert.Equal("Happy Face.jpg", entity.DecodedKey);
        Assert.Null(entity.UrlDecodedKey); // not in this file, so not written back either
    }

    [Fact]
    public void S3_url_decoded_key_member_is_kept_as_sent()
    {
        var s3 = Read("s3-event-with-decoded.json", Context.S3Event);
        var entity = s3.Records[0].S3!.Object!;

        Assert.Equal("Happy%20Face.jpg", entity.Key);
        Assert.Equal("Happy Face.jpg", entity.UrlDecodedKey);
        Assert.Equal("Happy Face.jpg", entity.DecodedKey);
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
        var record = Read("s3-replication-event.json", Context.S3Event).Records[0];

        Assert.Equal("aws:s3", record.EventSource);
        Assert.Equal("s3:Replication:OperationFailedReplication", record.EventName);
        Assert.Equal(new DateTime(2024, 9, 5, 21, 4, 32, 527, DateTimeKind.Utc), record.EventTime);
        Assert.Equal("amzn-s3-demo-bucket1", record.S3!.Bucket!.Name);
        Assert.Equal(520080, record.S3.Object!.Size);
        Assert.Equal("123bf045-2b4b-4ca8-a211-c34a63c59426", record.ResponseElements!.XAmzRequestId);
        Assert.Equal("AssumeRoleNotPermitted", record.ReplicationEventData!.FailureReason);

        var glacier = Read("s3-glacier-event.json", Context.S3Event).Records[0];
        Assert.Equal("STANDARD", glacier.GlacierEventData!.RestoreEventData!.LifecycleRestoreStorageClass);
        Assert.Equal(new DateTime(2023, 5, 17, 15, 0, 0, 456, DateTimeKind.Utc), glacier.GlacierEventData.RestoreEventData.LifecycleRestorationExpiryTime);
    }

    // ---- DynamoDB ----

    [Fact]
    public void DynamoDB_attribute_values_of_each_kind_are_read()
    {
        var image = Read("dynamodb-event.json", Context.DynamoDBEvent).Records[1].Dynamodb!.NewImage!;

        Assert.Equal("Hello", image["String"].S);
        Assert.Equal("123.45", image["FloatNumber"].N);
        Assert.Equal("123", image["IntegerNumber"].N);
        Assert.Equal(new byte[] { 0, 1, 42, 65 }, image["Binary"].B!.Value.ToArray());
        Assert.Equal(new byte[] { 181, 235, 45 }, image["b2"].B!.Value.ToArray());
        Assert.Equal(["Giraffe", "Zebra"], image["StringSet"].SS!);
        Assert.Empty(image["EmptyStringSet"].SS!);
        Assert.Equal(["1234", "567.8"], image["NumberSet"].NS!);
        Assert.Equal(
            [[0, 1, 42, 65], [65, 42, 1, 0], [0, 1, 42, 65]],
            image["asdf2"].BS!.Select(b => b.ToArray()).ToArray());
        Assert.Equal("Joe", image["Map"].M!["Name"].S);
        Assert.Equal("35", image["Map"].M!["Age"].N);
        Assert.Equal(["Cookies", "Coffee"], image["List"].L!.Take(2).Select(v => v.S!));
        Assert.Equal("3.14159", image["List"].L![2].N);
        Assert.True(image["Null"].NULL);
        Assert.True(image["Boolean"].BOOL);

        // Exactly one member is set on each value.
        var only = image["String"];
        Assert.Null(only.N);
        Assert.Null(only.B);
        Assert.Null(only.SS);
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
        var dynamo = Read("dynamodb-event.json", Context.DynamoDBEvent);
        var record = dynamo.Records[0];

        Assert.Equal("f07f8ca4b0b26cb9c4e5e77e69f274ee", record.EventID);
        Assert.Equal("INSERT", record.EventName);
        Assert.Equal("aws:dynamodb", record.EventSource);
        Assert.Equal("Service", record.UserIdentity!.Type);
        Assert.Equal("dynamodb.amazonaws.com", record.UserIdentity.PrincipalId);
        Assert.Equal(new DateTime(2016, 12, 2, 1, 27, 0, DateTimeKind.Utc), record.Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal("binary", record.Dynamodb.Keys!["key"].S);
        Assert.Equal("1405400000000002063282832", record.Dynamodb.SequenceNumber);
        Assert.Equal(54, record.Dynamodb.SizeBytes);
        Assert.Equal("NEW_AND_OLD_IMAGES", record.Dynamodb.StreamViewType);
        Assert.Null(dynamo.Window);
    }

    [Fact]
    public void DynamoDB_tumbling_window_fields_are_read()
    {
        var dynamo = Read("dynamodb-time-window-event.json", Context.DynamoDBEvent);

        Assert.Equal(3, dynamo.Records.Count);
        Assert.Equal("This item has changed", dynamo.Records[1].Dynamodb!.NewImage!["Message"].S);
        Assert.Equal("New item!", dynamo.Records[1].Dynamodb!.OldImage!["Message"].S);
        Assert.Null(dynamo.Records[2].Dynamodb!.NewImage);
        Assert.Equal(new DateTime(2020, 7, 30, 17, 0, 0, DateTimeKind.Utc), dynamo.Window!.Start);
        Assert.Equal(new DateTime(2020, 7, 30, 17, 5, 0, DateTimeKind.Utc), dynamo.Window.End);
        Assert.Equal("state1", dynamo.State!["1"].GetString());
        Assert.Equal("shard123456789", dynamo.ShardId);
        Assert.Equal("stream-ARN", dynamo.EventSourceArn);
        Assert.False(dynamo.IsFinalInvokeForWindow);
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
        var scheduled = Read("scheduled-event.json", Context.ScheduledEvent);

        Assert.Equal("0", scheduled.Version);
        Assert.Equal("53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa", scheduled.Id);
        Assert.Equal("Scheduled Event", scheduled.DetailType);
        Assert.Equal("aws.events", scheduled.Source);
        Assert.Equal("123456789012", scheduled.Account);
        Assert.Equal(new DateTime(2026, 11, 21, 18, 43, 48, DateTimeKind.Utc), scheduled.Time);
        Assert.Equal("us-east-1", scheduled.Region);
        Assert.Equal(["arn:aws:events:us-east-1:123456789012:rule/nightly-report"], scheduled.Resources!);
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
        var message = Read("sqs-event.json", Context.SQSEvent).Records.Single();

        Assert.Equal("MessageID_1", message.MessageId);
        Assert.Equal("MessageReceiptHandle", message.ReceiptHandle);
        Assert.Equal("Message Body", message.Body);
        Assert.Equal("fce0ea8dd236ccb3ed9b37dae260836f", message.Md5OfBody);
        Assert.Equal("582c92c5c5b6ac403040a4f3ab3115c9", message.Md5OfMessageAttributes);
        Assert.Equal("arn:aws:sqs:us-west-2:123456789012:SQSQueue", message.EventSourceArn);
        Assert.Equal("aws:sqs", message.EventSource);
        Assert.Equal("us-west-2", message.AwsRegion);
        Assert.Equal("2", message.Attributes!["ApproximateReceiveCount"]);

        var binary = message.MessageAttributes!["Attribute3"];
        Assert.Equal("Binary", binary.DataType);
        Assert.Equal("1100"u8.ToArray(), binary.BinaryValue!.Value.ToArray());
        Assert.Equal(["abc", "123"], binary.StringListValues!);
        Assert.Equal(["0", "1", "0"], binary.BinaryListValues!.Select(b => Encoding.UTF8.GetString(b.Span)));
        Assert.Null(binary.StringValue);

        var number = message.MessageAttributes["Attribute2"];
        Assert.Equal("Number", number.DataType);
        Assert.Equal("123", number.StringValue);
        Assert.Null(number.BinaryValue);
        Assert.Empty(number.StringListValues!);
    }

    // ---- SNS ----

    [Fact]
    public void Sns_message_fields_are_read()
    {
        var record = Read("sns-event.json", Context.SNSEvent).Records.Single();

        Assert.Equal("aws:sns", record.EventSource);
        Assert.Equal("1.0", record.EventVersion);
        Assert.Equal("arn:aws:sns:EXAMPLE", record.EventSubscriptionArn);
        var sns = record.Sns!;
        Assert.Equal("Notification", sns.Type);
        Assert.Equal("95df01b4-ee98-5cb9-9903-4c221d41eb5e", sns.MessageId);
        Assert.Equal("arn:aws:sns:EXAMPLE", sns.TopicArn);
        Assert.Equal("TestInvoke", sns.Subject);
        Assert.Equal("Hello from SNS!", sns.Message);
        Assert.Equal(new DateTime(2015, 6, 3, 17, 43, 27, 123, DateTimeKind.Utc), sns.Timestamp);
        Assert.Equal("1", sns.SignatureVersion);
        Assert.Equal("EXAMPLE", sns.Signature);
        Assert.Equal("EXAMPLE", sns.SigningCertUrl);
        Assert.Equal("EXAMPLE", sns.UnsubscribeUrl);
        Assert.Equal("String", sns.MessageAttributes!["Test"].Type);
        Assert.Equal("TestString", sns.MessageAttributes["Test"].Value);
        Assert.Equal("Binary", sns.MessageAttributes["TestBinary"].Type);
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
        var bytes = SampleEvents.ReadBytes("sns-event.json");
        var sns = JsonSerializer.Deserialize(bytes, TestJsonContext.Default.SNSEvent)!;
        Assert.Equal("Hello from SNS!", sns.Records[0].Sns!.Message);
        JsonSemanticComparer.AssertEquivalent(bytes, JsonSerializer.SerializeToUtf8Bytes(sns, TestJsonContext.Default.SNSEvent));
    }

    // ---- API Gateway, function URLs, ALB ----

    [Fact]
    public void Rest_api_authorizer_context_is_free_form_json()
    {
        var request = Read("apigw-request.json", Context.APIGatewayProxyRequest);
        var authorizer = request.RequestContext!.Authorizer!;

        Assert.Equal("admin", authorizer.PrincipalId);
        Assert.Equal(1, authorizer["clientId"].GetInt32());
        Assert.True(authorizer.TryGetString("clientName", out var clientName));
        Assert.Equal("Exata", clientName);
        Assert.False(authorizer.TryGetString("clientId", out _));
    }

    [Fact]
    public void Rest_api_request_fields_are_read()
    {
        var request = Read("apigw-request.json", Context.APIGatewayProxyRequest);

        Assert.Equal("/{proxy+}", request.Resource);
        Assert.Equal("/hello/world", request.Path);
        Assert.Equal("POST", request.HttpMethod);
        Assert.Equal("application/json", request.Headers!["Content-Type"]);
        Assert.Equal(["gzip, deflate"], request.MultiValueHeaders!["Accept-Encoding"]);
        Assert.Equal("me", request.QueryStringParameters!["name"]);
        Assert.Equal(["me"], request.MultiValueQueryStringParameters!["name"]);
        Assert.Equal("hello/world", request.PathParameters!["proxy"]);
        Assert.Equal("stageVariableValue", request.StageVariables!["stageVariableName"]);
        Assert.Equal("{\r\n\t\"a\": 1\r\n}", request.Body);
        Assert.False(request.IsBase64Encoded);

        var context = request.RequestContext!;
        Assert.Equal("testStage", context.Stage);
        Assert.Equal(1589522469693, context.RequestTimeEpoch);
        Assert.Equal("192.168.196.186", context.Identity!.SourceIp);
        Assert.Equal("Aug  5 09:36:04 2021 GMT", context.Identity.ClientCert!.Validity!.NotAfter);
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
        var request = Read("apigw-v2-request-jwt-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);
        var jwt = request.RequestContext!.Authorizer!.Jwt!;

        Assert.Equal("value1", jwt.Claims!["claim1"]);
        Assert.Equal(["scope1", "scope2"], jwt.Scopes!);
        Assert.Null(request.RequestContext.Authorizer.IAM);
        Assert.Null(request.RequestContext.Authorizer.Lambda);
    }

    [Fact]
    public void Http_api_iam_authorizer_is_read()
    {
        var request = Read("apigw-v2-request-iam.json", Context.APIGatewayHttpApiV2ProxyRequest);
        var iam = request.RequestContext!.Authorizer!.IAM!;

        Assert.Equal("ARIA2ZJZYVUEREEIHAKY", iam.AccessKey);
        Assert.Equal("AwsOrgId", iam.PrincipalOrgId);
        Assert.Equal("arn:aws:iam::1234567890:user/Admin", iam.UserARN);
        Assert.Equal(["foo"], iam.CognitoIdentity!.AMR!);
        Assert.Equal("us-east-1:4f291106-8703-466b-8f2b-3ecee1ca56ce", iam.CognitoIdentity.IdentityPoolId);
    }

    [Fact]
    public void Http_api_lambda_authorizer_context_is_free_form_json()
    {
        var request = Read("apigw-v2-request-lambda-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);
        Assert.Equal("value", request.RequestContext!.Authorizer!.Lambda!["key"].GetString());
    }

    [Fact]
    public void Http_api_request_fields_are_read()
    {
        var request = Read("apigw-v2-request-no-authorizer.json", Context.APIGatewayHttpApiV2ProxyRequest);

        Assert.Equal("2.0", request.Version);
        Assert.Equal("$default", request.RouteKey);
        Assert.Equal("/", request.RawPath);
        Assert.Equal("", request.RawQueryString);
        Assert.Null(request.Cookies);
        Assert.Equal("curl/7.58.0", request.Headers!["user-agent"]);
        var http = request.RequestContext!.Http!;
        Assert.Equal("GET", http.Method);
        Assert.Equal("/", http.Path);
        Assert.Equal("HTTP/1.1", http.Protocol);
        Assert.Equal("1.2.3.4", http.SourceIp);
        Assert.Equal("curl/7.58.0", http.UserAgent);
        Assert.Equal(1587481701067, request.RequestContext.TimeEpoch);
        Assert.Equal("1", request.RequestContext.Authentication!.ClientCert!.SerialNumber);
    }

    [Fact]
    public void Function_url_request_reads_as_an_http_api_request()
    {
        var request = Read("lambda-urls-request.json", Context.APIGatewayHttpApiV2ProxyRequest);

        Assert.Null(request.RouteKey);
        Assert.Equal("/my/path", request.RawPath);
        Assert.Equal(["cookie1", "cookie2"], request.Cookies!);
        Assert.Equal("value1,value2", request.Headers!["header2"]);
        Assert.Equal("POST", request.RequestContext!.Http!.Method);
        Assert.Equal("arn:aws:iam::111122223333:user/example-user", request.RequestContext.Authorizer!.IAM!.UserARN);
        Assert.Equal("Hello from client!", request.Body);
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
        var single = Read("alb-lambda-target-request-headers-only.json", Context.ApplicationLoadBalancerRequest);
        Assert.Equal("arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-target/abcdefg", single.RequestContext!.Elb!.TargetGroupArn);
        Assert.Equal("GET", single.HttpMethod);
        Assert.Equal("hello", single.QueryStringParameters!["key"]);
        Assert.Equal("123", single.Headers!["x-myheader"]);
        Assert.Null(single.MultiValueHeaders);
        Assert.Equal("", single.Body);

        var multi = Read("alb-lambda-target-request-multivalue-headers.json", Context.ApplicationLoadBalancerRequest);
        Assert.Equal(["hello"], multi.MultiValueQueryStringParameters!["key"]);
        Assert.Equal(["curl/7.54.0"], multi.MultiValueHeaders!["user-agent"]);
        Assert.Null(multi.Headers);
    }

    [Fact]
    public void Alb_response_fields_are_read()
    {
        var response = Read("alb-lambda-target-response.json", Context.ApplicationLoadBalancerResponse);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("200 OK", response.StatusDescription);
        Assert.Equal(2, response.MultiValueHeaders!["Set-cookie"].Count);
        Assert.Equal("Hello from Lambda", response.Body);
    }

    // ---- SES ----

    [Fact]
    public void Ses_event_fields_are_read()
    {
        var record = Read("ses-sns-event.json", Context.SimpleEmailEvent).Records.Single();

        Assert.Equal("aws:ses", record.EventSource);
        var receipt = record.Ses!.Receipt!;
        Assert.Equal(222, receipt.ProcessingTimeMillis);
        Assert.Equal("PASS", receipt.DKIMVerdict!.Status);
        Assert.Equal("reject", receipt.DMARCPolicy);
        Assert.Equal("SNS", receipt.Action!.Type);
        Assert.Equal("arn:aws:sns:us-east-1:012345678912:example-topic", receipt.Action.TopicArn);
        var mail = record.Ses.Mail!;
        Assert.Equal(13, mail.Headers!.Count);
        Assert.Equal(["cc@example.com", "cc2@example.com"], mail.CommonHeaders!.Cc!);
        Assert.Equal("Example subject", mail.CommonHeaders.Subject);
    }

    // ---- The comparison helper itself ----

    [Theory]
    [InlineData("""{"a":1,"b":[1,2]}""", """{"b":[1,2],"a":1}""", null)]
    [InlineData("""{"n":1607497475.000}""", """{"n":1607497475}""", null)]
    [InlineData("""{"n":1.5}""", """{"n":1.50}""", null)]
    [InlineData("""{"s":"a\u0062"}""", """{"s":"ab"}""", null)]
    [InlineData("""{"a":{"b":[1,{"c":"x"}]}}""", """{"a":{"b":[1,{"c":"y"}]}}""", "$.a.b[1].c:")]
    [InlineData("""{"a":{"b":1}}""", """{"a":{}}""", "$.a.b: expected 1 but the member is missing")]
    [InlineData("""{"a":{}}""", """{"a":{"x-y":false}}""", "$.a['x-y']: unexpected member")]
    [InlineData("""{"a":[1,2]}""", """{"a":[1]}""", "$.a: expected an array of 2 elements but found 1")]
    [InlineData("""{"a":1}""", """{"a":"1"}""", "$.a: expected 1 but found \"1\"")]
    [InlineData("""{"a":1}""", """{"a":1.0001}""", "$.a: expected the number 1")]
    [InlineData("""{"a":null}""", """{"a":false}""", "$.a:")]
    public void Json_comparer_reports_the_path_of_the_first_difference(string expected, string actual, string? differenceStart)
    {
        var difference = JsonSemanticComparer.FindFirstDifference(expected, actual);
        if (differenceStart is null)
        {
            Assert.Null(difference);
        }
        else
        {
            Assert.NotNull(difference);
            Assert.StartsWith(differenceStart, difference, StringComparison.Ordinal);
        }
    }
}
