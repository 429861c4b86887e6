using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LambdaKit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LambdaKit.EndToEnd.Tests;

/// <summary>
/// The Showcase process answers Lambda authorizers, WebSocket routes, SES, Cognito user-pool triggers and CloudFormation
/// custom resources (issue 12 part A), fed with the project's own events (tests/events).
/// </summary>
public sealed class ShowcaseSourcesATests(ShowcaseFixture showcase) : IClassFixture<ShowcaseFixture>
{
    private static JsonObject Event(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", file)))!.AsObject();

    private async Task<JsonNode?> InvokeAsync(JsonObject e)
    {
        var result = await showcase.InvokeAsync(e.ToJsonString());
        Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
        return JsonNode.Parse(result.BodyText);
    }

    private static void AssertJson(string expected, JsonNode? actual)
        => Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}{Environment.NewLine}but got {actual?.ToJsonString()}");

    private static string Policy(string effect, string methodArn)
        => $$$"""{"principalId":"user","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"{{{effect}}}","Resource":["{{{methodArn}}}"]}]}}""";

    [Theory]
    [InlineData("allow", "Allow")]
    [InlineData("Allow", "Deny")]
    [InlineData("deny", "Deny")]
    public async Task Rest_token_authorizer_allows_exactly_the_token_allow(string token, string effect)
    {
        var e = Event("apigateway-authorizer/rest-token.json");
        e["authorizationToken"] = token;

        AssertJson(Policy(effect, e["methodArn"]!.GetValue<string>()), await InvokeAsync(e));
    }

    [Theory]
    [InlineData("Authorization", "allow", "Allow")]
    [InlineData("AUTHORIZATION", "allow", "Allow")]
    [InlineData("authorization", "nope", "Deny")]
    [InlineData("X-Other", "allow", "Deny")]
    public async Task Rest_request_authorizer_decides_on_the_authorization_header_in_any_case(string header, string value, string effect)
    {
        var e = Event("apigateway-authorizer/rest-request.json");
        e["headers"] = new JsonObject { [header] = value, ["Host"] = "k3y7mq9z2a.execute-api.eu-west-1.amazonaws.com" };

        AssertJson(Policy(effect, e["methodArn"]!.GetValue<string>()), await InvokeAsync(e));
    }

    [Theory]
    [InlineData("allow", true)]
    [InlineData("deny", false)]
    public async Task Http_api_authorizer_answers_the_simple_response(string header, bool authorized)
    {
        var e = Event("apigateway-authorizer/http-api-v2.json");
        e["headers"]!["authorization"] = header;

        AssertJson(authorized ? """{"isAuthorized":true}""" : """{"isAuthorized":false}""", await InvokeAsync(e));
    }

    [Theory]
    [InlineData("apigateway-websocket/connect.json")]
    [InlineData("apigateway-websocket/disconnect.json")]
    public async Task WebSocket_connect_and_disconnect_answer_200(string file)
        => AssertJson("""{"statusCode":200}""", await InvokeAsync(Event(file)));

    [Theory]
    [InlineData("sendmessage")]
    [InlineData("$default")]
    public async Task WebSocket_messages_on_any_other_route_are_echoed(string routeKey)
    {
        var e = Event("apigateway-websocket/message.json");
        e["requestContext"]!["routeKey"] = routeKey;

        var answer = await InvokeAsync(e);

        AssertJson(new JsonObject { ["statusCode"] = 200, ["body"] = "echo:" + e["body"]!.GetValue<string>() }.ToJsonString(), answer);
    }

    [Fact]
    public async Task Ses_receipt_lists_message_ids_and_subjects()
        => AssertJson(
            """{"source":"ses","messages":[{"messageId":"q2k7dn0c1vb5u8htm3e9r4ls6fo0a2gpi7wx1yz3","subject":"Your order 7781 has shipped"}]}""",
            await InvokeAsync(Event("ses/receipt-lambda.json")));

    [Theory]
    [InlineData("ada@example.com", true)]
    [InlineData("ada@example.com.evil.net", false)]
    [InlineData("ada@elsewhere.example.net", false)]
    public async Task Cognito_pre_sign_up_auto_confirms_exactly_example_com_addresses(string email, bool confirmed)
    {
        var e = Event("cognito/pre-signup.json");
        e["request"]!["userAttributes"]!["email"] = email;

        var answer = await InvokeAsync(e);

        Assert.Equal(confirmed, answer!["response"]!["autoConfirmUser"]!.GetValue<bool>());
        e["response"]!["autoConfirmUser"] = confirmed;
        Assert.True(JsonNode.DeepEquals(e, answer), answer.ToJsonString());
    }

    [Theory]
    [InlineData("cognito/post-confirmation.json")]
    [InlineData("cognito/pre-authentication.json")]
    [InlineData("cognito/post-authentication.json")]
    [InlineData("cognito/pre-token-generation-v1.json")]
    [InlineData("cognito/pre-token-generation-v2.json")]
    [InlineData("cognito/custom-message.json")]
    [InlineData("cognito/define-auth-challenge.json")]
    [InlineData("cognito/create-auth-challenge.json")]
    [InlineData("cognito/verify-auth-challenge.json")]
    [InlineData("cognito/user-migration.json")]
    [InlineData("cognito/custom-email-sender.json")]
    [InlineData("cognito/custom-sms-sender.json")]
    public async Task Every_other_cognito_trigger_returns_the_event_unchanged(string file)
    {
        var e = Event(file);

        var answer = await InvokeAsync(e);

        Assert.True(JsonNode.DeepEquals(e, answer), $"sent {e.ToJsonString()}{Environment.NewLine}got  {answer?.ToJsonString()}");
    }

    [Theory]
    [InlineData("cloudformation/create.json", "showcase-EchoThing", "hello stack")]
    [InlineData("cloudformation/update.json", "showcase-EchoThing", "hello again")]
    [InlineData("cloudformation/delete.json", "echo-thing-physical-1", null)]
    public async Task Custom_resource_answers_success_at_the_response_url_and_returns_nothing(string file, string physicalId, string? echo)
    {
        await using var server = await ResponseUrlServer.StartAsync();
        var e = Event(file);
        e["ResponseURL"] = server.Url("/cfn/answer?X-Amz-Signature=e2e");

        var result = await showcase.InvokeAsync(e.ToJsonString());

        Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
        Assert.Equal(0, result.Body.Length);
        var (method, body) = Assert.Single(server.Received);
        Assert.Equal("PUT", method);
        var answer = JsonNode.Parse(body)!;
        Assert.Equal("SUCCESS", answer["Status"]!.GetValue<string>());
        Assert.Equal(physicalId, answer["PhysicalResourceId"]!.GetValue<string>());
        Assert.Equal(e["StackId"]!.GetValue<string>(), answer["StackId"]!.GetValue<string>());
        Assert.Equal(e["RequestId"]!.GetValue<string>(), answer["RequestId"]!.GetValue<string>());
        Assert.Equal("EchoThing", answer["LogicalResourceId"]!.GetValue<string>());
        if (echo is not null)
        {
            AssertJson($$"""{"Echo":"{{echo}}"}""", answer["Data"]);
        }
    }

    [Fact]
    public async Task Custom_resource_asked_to_fail_answers_failed_with_a_reason()
    {
        await using var server = await ResponseUrlServer.StartAsync();
        var e = Event("cloudformation/create.json");
        e["ResponseURL"] = server.Url("/cfn/answer");
        e["ResourceProperties"]!["Fail"] = "true";

        var result = await showcase.InvokeAsync(e.ToJsonString());

        Assert.True(result.Outcome == InvocationOutcome.Response, result.ToString());
        var answer = JsonNode.Parse(Assert.Single(server.Received).Body)!;
        Assert.Equal("FAILED", answer["Status"]!.GetValue<string>());
        Assert.Contains("EchoThing was asked to fail", answer["Reason"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(e["RequestId"]!.GetValue<string>(), answer["RequestId"]!.GetValue<string>());
    }

    /// <summary>Kestrel on 127.0.0.1 in the role of CloudFormation's pre-signed S3 ResponseURL.</summary>
    private sealed class ResponseUrlServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private ResponseUrlServer(WebApplication app) => _app = app;

        public ConcurrentQueue<(string Method, string Body)> Received { get; } = new();

        public string Url(string pathAndQuery) => _app.Urls.First() + pathAndQuery;

        public static async Task<ResponseUrlServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new ResponseUrlServer(app);
            app.Run(async http =>
            {
                using var reader = new StreamReader(http.Request.Body);
                server.Received.Enqueue((http.Request.Method, await reader.ReadToEndAsync()));
                http.Response.StatusCode = 200;
            });
            await app.StartAsync();
            return server;
        }

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
