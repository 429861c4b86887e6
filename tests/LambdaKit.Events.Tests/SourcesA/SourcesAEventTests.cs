using System.Text;
using System.Text.Json;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.DynamoDB;
using LambdaKit.Events.Kinesis;
using LambdaKit.Events.Tests.TestHelpers;

namespace LambdaKit.Events.Tests.SourcesA;

/// <summary>
/// The project's own events of issue 12 part A (tests/events): each is detected as its source, by the validating and the
/// routing pass alike, and round-trips through the type <see cref="EventSourceTypes"/> maps the source to.
/// </summary>
public sealed class SourcesAEventTests
{
    public static TheoryData<string, EventSourceKind> Events => new()
    {
        { "apigateway-authorizer/rest-token.json", EventSourceKind.ApiGatewayAuthorizer },
        { "apigateway-authorizer/rest-request.json", EventSourceKind.ApiGatewayAuthorizer },
        { "apigateway-authorizer/http-api-v1-format.json", EventSourceKind.ApiGatewayAuthorizer },
        { "apigateway-authorizer/http-api-v2.json", EventSourceKind.ApiGatewayHttpV2Authorizer },
        { "apigateway-websocket/connect.json", EventSourceKind.ApiGatewayWebSocket },
        { "apigateway-websocket/disconnect.json", EventSourceKind.ApiGatewayWebSocket },
        { "apigateway-websocket/message.json", EventSourceKind.ApiGatewayWebSocket },
        { "ses/receipt-lambda.json", EventSourceKind.SimpleEmail },
        { "cloudformation/create.json", EventSourceKind.CloudFormationCustomResource },
        { "cloudformation/update.json", EventSourceKind.CloudFormationCustomResource },
        { "cloudformation/delete.json", EventSourceKind.CloudFormationCustomResource },
        { "cognito/pre-signup.json", EventSourceKind.CognitoPreSignup },
        { "cognito/pre-signup-external.json", EventSourceKind.CognitoPreSignup },
        { "cognito/post-confirmation.json", EventSourceKind.CognitoPostConfirmation },
        { "cognito/pre-authentication.json", EventSourceKind.CognitoPreAuthentication },
        { "cognito/post-authentication.json", EventSourceKind.CognitoPostAuthentication },
        { "cognito/pre-token-generation-v1.json", EventSourceKind.CognitoPreTokenGeneration },
        { "cognito/pre-token-generation-v2.json", EventSourceKind.CognitoPreTokenGenerationV2 },
        { "cognito/custom-message.json", EventSourceKind.CognitoCustomMessage },
        { "cognito/define-auth-challenge.json", EventSourceKind.CognitoDefineAuthChallenge },
        { "cognito/create-auth-challenge.json", EventSourceKind.CognitoCreateAuthChallenge },
        { "cognito/verify-auth-challenge.json", EventSourceKind.CognitoVerifyAuthChallenge },
        { "cognito/user-migration.json", EventSourceKind.CognitoMigrateUser },
        { "cognito/custom-email-sender.json", EventSourceKind.CognitoCustomEmailSender },
        { "cognito/custom-sms-sender.json", EventSourceKind.CognitoCustomSmsSender },
        { "dynamodb/wire-creation-time-milliseconds.json", EventSourceKind.DynamoDb },
        { "dynamodb/wire-creation-time-absent.json", EventSourceKind.DynamoDb },
        { "dynamodb/wire-window-any-json-state.json", EventSourceKind.DynamoDb },
        { "kinesis/wire-window-any-json-state.json", EventSourceKind.Kinesis },
    };

    internal static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "events", file));

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_is_detected_as_its_source_by_both_passes(string file, EventSourceKind expected)
    {
        var json = Load(file);

        Assert.Equal(expected, EventSourceDetector.Detect(json));
        Assert.Equal(expected, EventSourceDetector.Detect(json, validate: false));
    }

    [Theory]
    [MemberData(nameof(Events))]
    public void Event_round_trips_through_the_type_of_its_source(string file, EventSourceKind kind)
    {
        var json = Load(file);
        var typeInfo = EventSourceTypes.GetTypeInfo(kind)!;

        var value = JsonSerializer.Deserialize(json, typeInfo);
        var written = JsonSerializer.SerializeToUtf8Bytes(value, typeInfo);

        JsonSemanticComparer.AssertEquivalent(json, written);
    }

    [Fact]
    public void Http_api_authorizer_request_is_not_taken_for_an_http_api_request()
    {
        var json = """{"version":"2.0","type":"REQUEST","routeArn":"arn:r","identitySource":["t"],"routeKey":"GET /x","rawPath":"/x","requestContext":{"http":{"method":"GET"}}}"""u8;

        Assert.Equal(EventSourceKind.ApiGatewayHttpV2Authorizer, EventSourceDetector.Detect(json));
        Assert.Equal(EventSourceKind.ApiGatewayHttpV2Authorizer, EventSourceDetector.Detect(json, validate: false));
    }

    [Fact]
    public void Rest_request_authorizer_is_not_taken_for_a_rest_request()
    {
        var json = Load("apigateway-authorizer/rest-request.json");

        Assert.NotEqual(EventSourceKind.ApiGatewayRest, EventSourceDetector.Detect(json, validate: false));
        Assert.Equal("allow", JsonSerializer.Deserialize(json, LambdaKitEventsJsonContext.Default.APIGatewayCustomAuthorizerRequest)!.Headers!["Authorization"]);
    }

    [Fact]
    public void WebSocket_event_without_resource_or_method_is_detected_and_carries_its_route_key()
    {
        var json = Load("apigateway-websocket/message.json");

        var request = JsonSerializer.Deserialize(json, LambdaKitEventsJsonContext.Default.APIGatewayProxyRequest)!;

        Assert.Equal(EventSourceKind.ApiGatewayWebSocket, EventSourceDetector.Detect(json));
        Assert.Equal("sendmessage", request.RequestContext!.RouteKey);
        Assert.Equal("Xk2vKcRLjoECJdw=", request.RequestContext.ConnectionId);
    }

    [Theory]
    [InlineData("""{"version":"1","triggerSource":"TokenGeneration_RefreshTokens","request":{},"response":{}}""", EventSourceKind.CognitoPreTokenGeneration)]
    [InlineData("""{"version":"2","triggerSource":"TokenGeneration_RefreshTokens","request":{},"response":{}}""", EventSourceKind.CognitoPreTokenGenerationV2)]
    [InlineData("""{"triggerSource":"TokenGeneration_RefreshTokens","version":"3","request":{},"response":{}}""", EventSourceKind.CognitoPreTokenGenerationV2)]
    [InlineData("""{"triggerSource":"TokenGeneration_RefreshTokens","request":{},"response":{}}""", EventSourceKind.CognitoPreTokenGeneration)]
    [InlineData("""{"triggerSource":"PreSign\u0055p_AdminCreateUser"}""", EventSourceKind.CognitoPreSignup)]
    [InlineData("""{"triggerSource":"InboundFederation_ExternalProvider"}""", EventSourceKind.Unknown)]
    [InlineData("""{"RequestType":"Delete","ResponseURL":"https://x"}""", EventSourceKind.CloudFormationCustomResource)]
    [InlineData("""{"RequestType":"Delete"}""", EventSourceKind.Unknown)]
    [InlineData("""{"type":"TOKEN","authorizationToken":"t"}""", EventSourceKind.Unknown)]
    public void Trigger_and_request_shapes_are_told_apart_by_both_passes(string json, EventSourceKind expected)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.Equal(expected, EventSourceDetector.Detect(bytes));
        Assert.Equal(expected, EventSourceDetector.Detect(bytes, validate: false));
    }

    [Fact]
    public void DynamoDB_creation_time_in_milliseconds_is_read_and_written_back_in_milliseconds()
    {
        var json = Load("dynamodb/wire-creation-time-milliseconds.json");

        var e = JsonSerializer.Deserialize(json, LambdaKitEventsJsonContext.Default.DynamoDBEvent)!;
        using var written = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(e, LambdaKitEventsJsonContext.Default.DynamoDBEvent));

        Assert.Equal(new DateTime(2026, 11, 22, 10, 15, 30, 123, DateTimeKind.Utc), e.Records[0].Dynamodb!.ApproximateCreationDateTime);
        Assert.Equal("1795342530123", written.RootElement.GetProperty("Records")[0].GetProperty("dynamodb").GetProperty("ApproximateCreationDateTime").GetRawText());
    }

    [Fact]
    public void DynamoDB_creation_time_set_on_a_millisecond_record_stays_in_milliseconds_and_on_a_new_record_is_in_seconds()
    {
        var e = JsonSerializer.Deserialize(Load("dynamodb/wire-creation-time-milliseconds.json"), LambdaKitEventsJsonContext.Default.DynamoDBEvent)!;
        var when = new DateTime(2026, 11, 23, 0, 0, 1, 500, DateTimeKind.Utc);

        e.Records[0].Dynamodb!.ApproximateCreationDateTime = when;
        var fresh = new DynamoDBEvent.StreamRecord { ApproximateCreationDateTime = when };

        Assert.Equal(1795392001500m, e.Records[0].Dynamodb!.ApproximateCreationDateTimeEpoch);
        Assert.Equal(1795392001.5m, fresh.ApproximateCreationDateTimeEpoch);
        Assert.Equal(when, fresh.ApproximateCreationDateTime);
    }

    [Fact]
    public void DynamoDB_record_without_creation_time_is_written_back_without_it()
    {
        var e = JsonSerializer.Deserialize(Load("dynamodb/wire-creation-time-absent.json"), LambdaKitEventsJsonContext.Default.DynamoDBEvent)!;

        using var written = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(e, LambdaKitEventsJsonContext.Default.DynamoDBEvent));

        Assert.False(written.RootElement.GetProperty("Records")[0].GetProperty("dynamodb").TryGetProperty("ApproximateCreationDateTime", out _));
        Assert.Equal(1795342540m, written.RootElement.GetProperty("Records")[1].GetProperty("dynamodb").GetProperty("ApproximateCreationDateTime").GetDecimal());
    }

    [Fact]
    public void Window_state_holds_any_json_for_Kinesis_and_DynamoDB()
    {
        var kinesis = JsonSerializer.Deserialize(Load("kinesis/wire-window-any-json-state.json"), LambdaKitEventsJsonContext.Default.KinesisEvent)!;
        var dynamo = JsonSerializer.Deserialize(Load("dynamodb/wire-window-any-json-state.json"), LambdaKitEventsJsonContext.Default.DynamoDBEvent)!;

        Assert.Equal(282, kinesis.State!["1"].GetInt32());
        Assert.Equal("warm", kinesis.State["2"].GetString());
        Assert.Equal(282, dynamo.State!["count"].GetInt32());
        Assert.True(dynamo.State["seen"].GetProperty("BX-50").GetBoolean());
    }

    [Fact]
    public void Streams_response_carries_window_state_and_omits_it_outside_windows()
    {
        var none = new StreamsEventResponse();
        var window = new StreamsEventResponse { State = new() { ["count"] = JsonSerializer.SerializeToElement(283, LambdaKitEventsJsonContext.Default.Int32) } };

        Assert.Equal("""{"batchItemFailures":[]}""", JsonSerializer.Serialize(none, LambdaKitEventsJsonContext.Default.StreamsEventResponse));
        Assert.Equal("""{"batchItemFailures":[],"state":{"count":283}}""", JsonSerializer.Serialize(window, LambdaKitEventsJsonContext.Default.StreamsEventResponse));
    }

    [Fact]
    public void Cognito_boolean_and_number_attributes_read_as_text_and_are_written_back_as_they_came()
    {
        var e = JsonSerializer.Deserialize(Load("cognito/custom-message.json"), LambdaKitEventsJsonContext.Default.CognitoCustomMessageEvent)!;
        e.Request.UserAttributes!["custom:seats"] = "5";

        using var written = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(e, LambdaKitEventsJsonContext.Default.CognitoCustomMessageEvent));
        var attributes = written.RootElement.GetProperty("request").GetProperty("userAttributes");

        Assert.Equal(JsonValueKind.False, attributes.GetProperty("phone_number_verified").ValueKind);
        Assert.Equal("5", attributes.GetProperty("custom:seats").GetString());
        Assert.Equal("mira@example.com", attributes.GetProperty("email").GetString());
    }

    [Fact]
    public void Payload_with_a_byte_order_mark_is_detected()
    {
        var json = (byte[])[0xEF, 0xBB, 0xBF, .. Load("ses/receipt-lambda.json")];

        Assert.Equal(EventSourceKind.SimpleEmail, EventSourceDetector.Detect(json));
    }

    [Fact]
    public void Invoke_policy_writes_a_single_action_string_and_a_resource_array()
    {
        var response = new APIGatewayCustomAuthorizerResponse { PrincipalID = "user", PolicyDocument = APIGatewayCustomAuthorizerPolicy.ForInvoke(allow: false, "arn:m") };

        Assert.Equal(
            """{"principalId":"user","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Deny","Resource":["arn:m"]}]}}""",
            JsonSerializer.Serialize(response, LambdaKitEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse));
    }

    [Theory]
    [InlineData("""{"Effect":"Allow","Action":"a","Resource":"r"}""")]
    [InlineData("""{"Effect":"Allow","Action":["a","b"],"Resource":["r"]}""")]
    public void Policy_statement_action_and_resource_are_written_back_in_the_form_they_came(string statement)
    {
        var json = """{"principalId":"p","policyDocument":{"Version":"2012-10-17","Statement":[""" + statement + "]}}";

        var response = JsonSerializer.Deserialize(json, LambdaKitEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse)!;

        JsonSemanticComparer.AssertEquivalent(json, JsonSerializer.Serialize(response, LambdaKitEventsJsonContext.Default.APIGatewayCustomAuthorizerResponse));
    }
}
