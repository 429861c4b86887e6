using System.Text;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests;

public class EventSourceDetectorTests
{
    private static readonly Dictionary<string, EventSourceKind> KindOfFile = new(StringComparer.Ordinal)
    {
        ["activemq/activemq-text-messages.json"] = EventSourceKind.ActiveMQ,
        ["alb/request-multi-value.json"] = EventSourceKind.ApplicationLoadBalancer,
        ["alb/request-single-value.json"] = EventSourceKind.ApplicationLoadBalancer,
        ["alb/response-multi-value.json"] = EventSourceKind.Unknown,
        ["alb/response-single-value.json"] = EventSourceKind.Unknown,
        ["apigateway-authorizer/http-api-v1-format.json"] = EventSourceKind.ApiGatewayAuthorizer,
        ["apigateway-authorizer/http-api-v2.json"] = EventSourceKind.ApiGatewayHttpV2Authorizer,
        ["apigateway-authorizer/rest-request.json"] = EventSourceKind.ApiGatewayAuthorizer,
        ["apigateway-authorizer/rest-token.json"] = EventSourceKind.ApiGatewayAuthorizer,
        ["apigateway-websocket/connect.json"] = EventSourceKind.ApiGatewayWebSocket,
        ["apigateway-websocket/disconnect.json"] = EventSourceKind.ApiGatewayWebSocket,
        ["apigateway-websocket/message.json"] = EventSourceKind.ApiGatewayWebSocket,
        ["apigateway/http-api-v2-iam-authorizer.json"] = EventSourceKind.ApiGatewayHttpV2,
        ["apigateway/http-api-v2-jwt-authorizer.json"] = EventSourceKind.ApiGatewayHttpV2,
        ["apigateway/http-api-v2-lambda-authorizer.json"] = EventSourceKind.ApiGatewayHttpV2,
        ["apigateway/http-api-v2-no-authorizer.json"] = EventSourceKind.ApiGatewayHttpV2,
        ["apigateway/http-api-v2-response.json"] = EventSourceKind.Unknown,
        ["apigateway/rest-v1-proxy-request-multi-value.json"] = EventSourceKind.ApiGatewayRest,
        ["apigateway/rest-v1-proxy-request.json"] = EventSourceKind.ApiGatewayRest,
        ["apigateway/rest-v1-response-binary.json"] = EventSourceKind.Unknown,
        ["apigateway/rest-v1-response.json"] = EventSourceKind.Unknown,
        ["appsync/appsync-authorizer-result.json"] = EventSourceKind.Unknown,
        ["appsync/appsync-authorizer.json"] = EventSourceKind.Unknown,
        ["appsync/appsync-resolver.json"] = EventSourceKind.AppSyncResolver,
        ["cloudformation/create.json"] = EventSourceKind.CloudFormationCustomResource,
        ["cloudformation/delete.json"] = EventSourceKind.CloudFormationCustomResource,
        ["cloudformation/update.json"] = EventSourceKind.CloudFormationCustomResource,
        ["cloudwatch-logs/cloudwatch-logs-control-message.json"] = EventSourceKind.CloudWatchLogs,
        ["cloudwatch-logs/cloudwatch-logs-subscription.json"] = EventSourceKind.CloudWatchLogs,
        ["cloudwatch-logs/malformed-cloudwatch-logs-not-base64.json"] = EventSourceKind.CloudWatchLogs,
        ["cloudwatch-logs/malformed-cloudwatch-logs-not-gzip.json"] = EventSourceKind.CloudWatchLogs,
        ["codepipeline/codepipeline-job.json"] = EventSourceKind.CodePipeline,
        ["cognito/create-auth-challenge.json"] = EventSourceKind.CognitoCreateAuthChallenge,
        ["cognito/custom-email-sender.json"] = EventSourceKind.CognitoCustomEmailSender,
        ["cognito/custom-message.json"] = EventSourceKind.CognitoCustomMessage,
        ["cognito/custom-sms-sender.json"] = EventSourceKind.CognitoCustomSmsSender,
        ["cognito/define-auth-challenge.json"] = EventSourceKind.CognitoDefineAuthChallenge,
        ["cognito/post-authentication.json"] = EventSourceKind.CognitoPostAuthentication,
        ["cognito/post-confirmation.json"] = EventSourceKind.CognitoPostConfirmation,
        ["cognito/pre-authentication.json"] = EventSourceKind.CognitoPreAuthentication,
        ["cognito/pre-signup-external.json"] = EventSourceKind.CognitoPreSignup,
        ["cognito/pre-signup.json"] = EventSourceKind.CognitoPreSignup,
        ["cognito/pre-token-generation-v1.json"] = EventSourceKind.CognitoPreTokenGeneration,
        ["cognito/pre-token-generation-v2.json"] = EventSourceKind.CognitoPreTokenGenerationV2,
        ["cognito/user-migration.json"] = EventSourceKind.CognitoMigrateUser,
        ["cognito/verify-auth-challenge.json"] = EventSourceKind.CognitoVerifyAuthChallenge,
        ["config/config-rule-change.json"] = EventSourceKind.ConfigRule,
        ["connect/connect-contact-flow.json"] = EventSourceKind.Connect,
        ["dynamodb/insert-modify-remove.json"] = EventSourceKind.DynamoDb,
        ["dynamodb/keys-only.json"] = EventSourceKind.DynamoDb,
        ["dynamodb/malformed-truncated.json"] = EventSourceKind.Unknown, // truncated JSON
        ["dynamodb/tumbling-window.json"] = EventSourceKind.DynamoDb,
        ["dynamodb/wire-creation-time-absent.json"] = EventSourceKind.DynamoDb,
        ["dynamodb/wire-creation-time-milliseconds.json"] = EventSourceKind.DynamoDb,
        ["dynamodb/wire-window-any-json-state.json"] = EventSourceKind.DynamoDb,
        ["eventbridge/ec2-state-change.json"] = EventSourceKind.EventBridge,
        ["eventbridge/scheduled.json"] = EventSourceKind.Schedule,
        ["firehose/firehose-direct-put.json"] = EventSourceKind.KinesisFirehose,
        ["firehose/firehose-kinesis-source.json"] = EventSourceKind.KinesisFirehose,
        ["firehose/firehose-response.json"] = EventSourceKind.Unknown,
        ["function-url/request.json"] = EventSourceKind.ApiGatewayHttpV2,
        ["function-url/response.json"] = EventSourceKind.Unknown,
        ["kafka/kafka-msk.json"] = EventSourceKind.Kafka,
        ["kafka/kafka-self-managed.json"] = EventSourceKind.Kafka,
        ["kinesis/records.json"] = EventSourceKind.Kinesis,
        ["kinesis/tumbling-window.json"] = EventSourceKind.Kinesis,
        ["kinesis/wire-window-any-json-state.json"] = EventSourceKind.Kinesis,
        ["lex/lex-v1-dialog.json"] = EventSourceKind.LexV1,
        ["lex/lex-v1-response.json"] = EventSourceKind.Unknown,
        ["lex/lex-v2-fulfillment.json"] = EventSourceKind.LexV2,
        ["lex/lex-v2-response.json"] = EventSourceKind.Unknown, // a response, though it has the event's sessionState
        ["rabbitmq/rabbitmq-two-queues.json"] = EventSourceKind.RabbitMQ,
        ["s3-batch/s3-batch-response.json"] = EventSourceKind.Unknown, // a response, though it has the event's invocationSchemaVersion
        ["s3-batch/s3-batch-schema-1.0.json"] = EventSourceKind.S3BatchOperations,
        ["s3-batch/s3-batch-schema-2.0.json"] = EventSourceKind.S3BatchOperations,
        ["s3-object-lambda/s3-object-lambda-get-object.json"] = EventSourceKind.S3ObjectLambda,
        ["s3-object-lambda/s3-object-lambda-list-objects-v2.json"] = EventSourceKind.S3ObjectLambda,
        ["s3/delete-marker-created.json"] = EventSourceKind.S3,
        ["s3/delete.json"] = EventSourceKind.S3,
        ["s3/intelligent-tiering.json"] = EventSourceKind.S3,
        ["s3/lifecycle-transition.json"] = EventSourceKind.S3,
        ["s3/put-encoded-key.json"] = EventSourceKind.S3,
        ["s3/put-with-url-decoded-key.json"] = EventSourceKind.S3,
        ["s3/replication-failed.json"] = EventSourceKind.S3,
        ["s3/restore-completed.json"] = EventSourceKind.S3,
        ["secretsmanager/secretsmanager-rotation-create-secret.json"] = EventSourceKind.SecretsManagerRotation,
        ["secretsmanager/secretsmanager-rotation-cross-account.json"] = EventSourceKind.SecretsManagerRotation,
        ["ses/receipt-lambda-action.json"] = EventSourceKind.SimpleEmail,
        ["ses/receipt-lambda.json"] = EventSourceKind.SimpleEmail,
        ["ses/receipt-sns-action.json"] = EventSourceKind.SimpleEmail,
        ["sns/cloudwatch-alarm.json"] = EventSourceKind.Sns,
        ["sns/notification.json"] = EventSourceKind.Sns,
        ["sqs/fifo.json"] = EventSourceKind.Sqs,
        ["sqs/standard.json"] = EventSourceKind.Sqs,
    };

    public static TheoryData<string, EventSourceKind> SampleFiles()
    {
        var data = new TheoryData<string, EventSourceKind>();
        foreach (var (name, kind) in KindOfFile.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Add(name, kind);
        }

        return data;
    }

    [Fact]
    public void Every_event_file_has_an_expected_kind()
    {
        var files = SampleEvents.AllFileNames();
        Assert.Equal(files, KindOfFile.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Fast_path_without_validation_agrees_with_the_validating_detector_on_every_sample(string fileName, EventSourceKind expected)
    {
        var payload = SampleEvents.ReadBytes(fileName);

        // The truncated DynamoDB file is recognised by its first record; the deserializer that follows reports the truncation.
        var fastExpected = fileName == "dynamodb/malformed-truncated.json" ? EventSourceKind.DynamoDb : expected;
        Assert.Equal(fastExpected, EventSourceDetector.Detect(payload, validate: false));
    }

    [Theory]
    [InlineData("""{"Records":[{"messageId":"1","eventSource":"aws:sqs","body":"x"},{"messageId":"2" """, EventSourceKind.Sqs)]
    [InlineData("""{"version":"2.0","routeKey":"$default","rawPath":"/x","headers":{"a" """, EventSourceKind.ApiGatewayHttpV2)]
    [InlineData("""{"resource":"/","httpMethod":"GET","body":"unterminated""", EventSourceKind.ApiGatewayRest)]
    public void Fast_path_stops_at_the_deciding_discriminator_and_does_not_read_the_rest(string truncated, EventSourceKind expected)
    {
        Assert.Equal(expected, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(truncated), validate: false));
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(truncated)));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Sample_file_is_detected_as_its_source(string fileName, EventSourceKind expected)
    {
        Assert.Equal(expected, EventSourceDetector.Detect(SampleEvents.ReadBytes(fileName)));
    }

    [Theory]
    // Records: the discriminator is Records[0].eventSource, wherever it is among the record's members.
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]}""", EventSourceKind.Sqs)]
    [InlineData("""{"Records":[{"body":"x","attributes":{"a":"b"},"eventSource":"aws:sqs","awsRegion":"r"}]}""", EventSourceKind.Sqs)]
    [InlineData("""{"Records":[{"s3":{"object":{"key":"k"}},"eventSource":"aws:s3"}]}""", EventSourceKind.S3)]
    [InlineData("""{"Records":[{"eventSource":"aws:kinesis","kinesis":{"data":"AA=="}}]}""", EventSourceKind.Kinesis)]
    [InlineData("""{"Records":[{"dynamodb":{"Keys":{"Id":{"N":"1"}}},"eventSource":"aws:dynamodb"}]}""", EventSourceKind.DynamoDb)]
    [InlineData("""{"Records":[{"Sns":{"Message":"m"},"EventSource":"aws:sns"}]}""", EventSourceKind.Sns)]
    // Records after other members, including large nested ones.
    [InlineData("""{"window":{"start":"s"},"state":{"1":"a"},"other":[1,[2,[3,{"Records":[]}]]],"Records":[{"eventSource":"aws:kinesis"}],"shardId":"x"}""", EventSourceKind.Kinesis)]
    // Only the first record counts.
    [InlineData("""{"Records":[{"eventSource":"aws:s3"},{"eventSource":"aws:sqs"}]}""", EventSourceKind.S3)]
    [InlineData("""{"Records":[1,{"eventSource":"aws:sqs"}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[[{"eventSource":"aws:sqs"}],{"eventSource":"aws:sqs"}]}""", EventSourceKind.Unknown)]
    // Empty, missing or misshapen Records.
    [InlineData("""{"Records":[]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":null}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":{"eventSource":"aws:sqs"}}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{"eventSource":null}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{"eventSource":{"value":"aws:sqs"}}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{"nested":{"eventSource":"aws:sqs"}}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"records":[{"eventSource":"aws:sqs"}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"eventSource":"aws:sqs"}""", EventSourceKind.Unknown)]
    // Names and values are exact; the capitalised EventSource is SNS's alone.
    [InlineData("""{"Records":[{"eventSource":"aws:ses"}]}""", EventSourceKind.SimpleEmail)]
    [InlineData("""{"Records":[{"eventSource":"AWS:SQS"}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{"EventSource":"aws:sqs"}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{"eventSource":"aws:sns"}]}""", EventSourceKind.Unknown)]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs "}]}""", EventSourceKind.Unknown)]
    // Escaped JSON strings are compared unescaped.
    [InlineData("""{"Records":[{"event\u0053ource":"aws\u003asqs"}]}""", EventSourceKind.Sqs)]
    [InlineData("""{"\u0052ecords":[{"EventSource":"aws:\u0073ns"}]}""", EventSourceKind.Sns)]
    // HTTP API v2 and function URLs: version 2.0 with routeKey or rawPath, in any order.
    [InlineData("""{"routeKey":"$default","requestContext":{"http":{"method":"GET"}},"version":"2.0"}""", EventSourceKind.ApiGatewayHttpV2)]
    [InlineData("""{"rawPath":"/","version":"2.0"}""", EventSourceKind.ApiGatewayHttpV2)]
    [InlineData("""{"version":"2.0"}""", EventSourceKind.Unknown)]
    [InlineData("""{"version":2.0,"routeKey":"$default"}""", EventSourceKind.Unknown)]
    [InlineData("""{"version":"1.0","routeKey":"$default","rawPath":"/"}""", EventSourceKind.Unknown)]
    // REST API v1 (also HTTP API payload format 1.0): resource and httpMethod.
    [InlineData("""{"requestContext":{"identity":{"sourceIp":"1.2.3.4"},"stage":"prod"},"httpMethod":"GET","body":null,"resource":"/{proxy+}"}""", EventSourceKind.ApiGatewayRest)]
    [InlineData("""{"version":"1.0","resource":"/items","path":"/items","httpMethod":"GET"}""", EventSourceKind.ApiGatewayRest)]
    [InlineData("""{"resource":"/items"}""", EventSourceKind.Unknown)]
    [InlineData("""{"httpMethod":"GET","path":"/"}""", EventSourceKind.Unknown)]
    // ALB: requestContext.elb, wherever requestContext is.
    [InlineData("""{"httpMethod":"GET","path":"/","requestContext":{"elb":{"targetGroupArn":"arn"}}}""", EventSourceKind.ApplicationLoadBalancer)]
    [InlineData("""{"requestContext":{"stage":"x","elb":{}},"resource":"/","httpMethod":"GET"}""", EventSourceKind.ApplicationLoadBalancer)]
    [InlineData("""{"requestContext":"elb","httpMethod":"GET"}""", EventSourceKind.Unknown)]
    [InlineData("""{"requestContext":{"nested":{"elb":{}}},"httpMethod":"GET"}""", EventSourceKind.Unknown)]
    [InlineData("""{"elb":{},"httpMethod":"GET"}""", EventSourceKind.Unknown)]
    // Records win over everything else.
    [InlineData("""{"version":"2.0","rawPath":"/","Records":[{"eventSource":"aws:sqs"}]}""", EventSourceKind.Sqs)]
    // EventBridge: detail-type and source; a schedule is aws.events + Scheduled Event.
    [InlineData("""{"detail":{},"source":"aws.events","detail-type":"Scheduled Event"}""", EventSourceKind.Schedule)]
    [InlineData("""{"detail-type":"Scheduled Event","detail":{"nested":{"source":"x"}},"source":"aws.events"}""", EventSourceKind.Schedule)]
    [InlineData("""{"source":"com.example.orders","detail-type":"Scheduled Event"}""", EventSourceKind.EventBridge)]
    [InlineData("""{"source":"aws.events","detail-type":"Some Other Event"}""", EventSourceKind.EventBridge)]
    [InlineData("""{"source":"aws.ec2","detail-type":"EC2 Instance State-change Notification","detail":{"state":"running"}}""", EventSourceKind.EventBridge)]
    [InlineData("""{"source":"aws.events","detail-type":null}""", EventSourceKind.EventBridge)]
    [InlineData("""{"source":"aws.events"}""", EventSourceKind.Unknown)]
    [InlineData("""{"detail-type":"Scheduled Event"}""", EventSourceKind.Unknown)]
    [InlineData("""{"detailType":"Scheduled Event","source":"aws.events"}""", EventSourceKind.Unknown)]
    // Objects with nothing to go by.
    [InlineData("""{}""", EventSourceKind.Unknown)]
    [InlineData("""{"statusCode":200,"body":"ok"}""", EventSourceKind.Unknown)]
    [InlineData("""{"name":"custom payload","values":[1,2,3]}""", EventSourceKind.Unknown)]
    // Whitespace around the object is fine.
    [InlineData(" \r\n\t{\"Records\" : [ { \"eventSource\" : \"aws:sqs\" } ] }\n ", EventSourceKind.Sqs)]
    public void Crafted_payload_is_detected(string json, EventSourceKind expected)
    {
        Assert.Equal(expected, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""[{"Records":[{"eventSource":"aws:sqs"}]}]""")]
    [InlineData("\"aws:sqs\"")]
    [InlineData("42")]
    [InlineData("true")]
    [InlineData("null")]
    public void Non_object_root_is_unknown(string json)
    {
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(json)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]}}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]} {}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}]}x""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs",}]}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}],}""")]
    [InlineData("""{"Records":[{"eventSource":'aws:sqs'}]}""")]
    [InlineData("""{"Records":[{eventSource:"aws:sqs"}]}""")]
    [InlineData("""{/* comment */"Records":[{"eventSource":"aws:sqs"}]}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}],"x":tru}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}],"x":01}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}],"x":"unterminated}""")]
    [InlineData("""{"Records":[{"eventSource":"aws:sqs"}],"x":"bad \q escape"}""")]
    [InlineData("""{"version":"2.0","rawPath":"/","body":"}""")]
    [InlineData("""{"source":"aws.events","detail-type":"Scheduled Event","detail":{]}""")]
    public void Malformed_json_is_unknown(string json)
    {
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Invalid_utf8_in_a_discriminator_does_not_match()
    {
        byte[] json = [.. """{"Records":[{"eventSource":"aws:sq"""u8, 0xC3, 0x28, .. "\"}]}"u8];
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(json));
    }

    [Fact]
    public void Invalid_utf8_inside_a_skipped_string_is_not_checked_and_does_not_throw()
    {
        // Utf8JsonReader checks the grammar, not the encoding of string contents it does not decode; neither does the detector.
        byte[] json = [.. """{"Records":[{"body":"""u8, 0x22, 0xC3, 0x28, 0x22, .. ""","eventSource":"aws:sqs"}]}"""u8];
        Assert.Equal(EventSourceKind.Sqs, EventSourceDetector.Detect(json));
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_is_unknown()
    {
        var json = """{"Records":[{"eventSource":"aws:sqs"}],"deep":""" + new string('[', 200) + new string(']', 200) + "}";
        Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Leading_byte_order_mark_is_ignored()
    {
        byte[] json = [0xEF, 0xBB, 0xBF, .. """{"Records":[{"eventSource":"aws:sqs"}]}"""u8];
        Assert.Equal(EventSourceKind.Sqs, EventSourceDetector.Detect(json));
    }

    [Fact]
    public void Every_prefix_of_a_sample_is_unknown_without_throwing()
    {
        var bytes = SampleEvents.ReadBytes("sqs/standard.json");
        var complete = bytes.AsSpan().TrimEnd("\r\n\t "u8).Length;
        for (var length = 0; length < complete; length++)
        {
            Assert.Equal(EventSourceKind.Unknown, EventSourceDetector.Detect(bytes.AsSpan(0, length)));
        }

        Assert.Equal(EventSourceKind.Sqs, EventSourceDetector.Detect(bytes.AsSpan(0, complete)));
    }

    [Fact]
    public void Large_batch_is_detected_from_its_first_record()
    {
        var builder = new StringBuilder("""{"Records":[""");
        for (var i = 0; i < 5_000; i++)
        {
            builder.Append(i == 0 ? "" : ",")
                .Append("{\"messageId\":\"m").Append(i)
                .Append("\",\"body\":\"{\\\"n\\\":[1,2,3]}\",\"attributes\":{\"ApproximateReceiveCount\":\"1\"},\"eventSource\":\"aws:sqs\"}");
        }

        builder.Append("]}");
        Assert.Equal(EventSourceKind.Sqs, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    [Fact]
    public void Detection_of_a_valid_payload_does_not_allocate()
    {
        var samples = SampleEvents.AllFileNames()
            .Where(name => name != "dynamodb/malformed-truncated.json")
            .Select(SampleEvents.ReadBytes)
            .ToArray();

        // Warm up so that nothing is left to JIT or initialise.
        for (var round = 0; round < 3; round++)
        {
            foreach (var sample in samples)
            {
                EventSourceDetector.Detect(sample);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var sample in samples)
        {
            EventSourceDetector.Detect(sample);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
