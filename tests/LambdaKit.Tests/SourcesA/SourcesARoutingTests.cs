using System.Text;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.Cognito;
using LambdaKit.Events.SimpleEmail;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.SourcesA;

/// <summary>Authorizers, WebSocket routes, SES and Cognito triggers reach their DI-registered handlers; a BOM is accepted by detection and deserialization alike.</summary>
public sealed class SourcesARoutingTests
{
    internal sealed class Seen
    {
        public List<string> Handled { get; } = [];
    }

    internal sealed class TokenAuthorizer : ILambdaHandler<APIGatewayCustomAuthorizerRequest, APIGatewayCustomAuthorizerResponse>
    {
        public ValueTask<APIGatewayCustomAuthorizerResponse> HandleAsync(APIGatewayCustomAuthorizerRequest input, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.FromResult(new APIGatewayCustomAuthorizerResponse
            {
                PrincipalID = "user",
                PolicyDocument = APIGatewayCustomAuthorizerPolicy.ForInvoke(input.AuthorizationToken == "allow", input.MethodArn!),
            });
    }

    internal sealed class HttpAuthorizer : ILambdaHandler<APIGatewayCustomAuthorizerV2Request, APIGatewayCustomAuthorizerV2SimpleResponse>
    {
        public ValueTask<APIGatewayCustomAuthorizerV2SimpleResponse> HandleAsync(APIGatewayCustomAuthorizerV2Request input, ILambdaContext context, CancellationToken cancellationToken)
            => ValueTask.FromResult(new APIGatewayCustomAuthorizerV2SimpleResponse { IsAuthorized = input.Headers?["authorization"] == "allow" });
    }

    internal sealed class SesSeen(Seen seen) : ILambdaHandler<SimpleEmailEvent>
    {
        public ValueTask HandleAsync(SimpleEmailEvent input, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("ses:" + input.Records[0].Ses!.Mail!.CommonHeaders!.Subject);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class AutoConfirm : CognitoTriggerHandler<CognitoPreSignupEvent>
    {
        protected override ValueTask HandleTriggerAsync(CognitoPreSignupEvent trigger, ILambdaContext context, CancellationToken cancellationToken)
        {
            trigger.Response.AutoConfirmUser = trigger.Request.UserAttributes!["email"].EndsWith("@example.com", StringComparison.Ordinal);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class Echo(Seen seen) : ILambdaHandler<APIGatewayProxyRequest, APIGatewayProxyResponse>
    {
        public ValueTask<APIGatewayProxyResponse> HandleAsync(APIGatewayProxyRequest input, ILambdaContext context, CancellationToken cancellationToken)
        {
            seen.Handled.Add("echo:" + input.RequestContext!.RouteKey);
            return ValueTask.FromResult(new APIGatewayProxyResponse { StatusCode = 200, Body = "echo:" + input.Body });
        }
    }

    private static string Event(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "events", file));

    private static (InvocationDispatcher Dispatcher, Seen Seen, ServiceProvider Services) Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new LambdaEnvironment(_ => null));
        services.AddLogging();
        services.AddSingleton<Seen>();
        services.AddLambdaKit();
        register(services);
        var provider = services.BuildServiceProvider();
        return (provider.GetRequiredService<InvocationDispatcher>(), provider.GetRequiredService<Seen>(), provider);
    }

    private static async Task<string> DispatchAsync(InvocationDispatcher dispatcher, ServiceProvider services, byte[] payload)
    {
        await using var scope = services.CreateAsyncScope();
        using var output = new PooledBufferWriter();
        var context = new InvocationContext(new InvocationHeaders("r", DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeMilliseconds()), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false)
        {
            Payload = payload,
            Output = output,
            Services = scope.ServiceProvider,
        };
        await dispatcher.DispatchAsync(context);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    private static Task<string> DispatchAsync(InvocationDispatcher dispatcher, ServiceProvider services, string json)
        => DispatchAsync(dispatcher, services, Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task Payload_with_a_byte_order_mark_is_detected_and_deserialized()
    {
        var (dispatcher, seen, services) = Build(s => s.AddHandler<SimpleEmailEvent, SesSeen>());
        await using var _ = services;

        await DispatchAsync(dispatcher, services, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Event("ses/receipt-lambda.json"))]);

        Assert.Equal(["ses:Your order 7781 has shipped"], seen.Handled);
    }

    [Fact]
    public async Task Rest_and_http_api_authorizers_go_to_their_own_handlers_beside_an_http_api()
    {
        var (dispatcher, _, services) = Build(s => s
            .AddHandler<APIGatewayCustomAuthorizerRequest, APIGatewayCustomAuthorizerResponse, TokenAuthorizer>()
            .AddHandler<APIGatewayCustomAuthorizerV2Request, APIGatewayCustomAuthorizerV2SimpleResponse, HttpAuthorizer>()
            .AddHttpApi(api => api.MapGet("/reports/{id}", _ => HttpResults.NoContent())));
        await using var _ = services;

        var token = await DispatchAsync(dispatcher, services, Event("apigateway-authorizer/rest-token.json"));
        var http = await DispatchAsync(dispatcher, services, Event("apigateway-authorizer/http-api-v2.json"));

        Assert.Equal(
            """{"principalId":"user","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":["arn:aws:execute-api:eu-west-1:210987654321:k3y7mq9z2a/prod/GET/reports/42"]}]}}""",
            token);
        Assert.Equal("""{"isAuthorized":true}""", http);
    }

    [Fact]
    public async Task WebSocket_events_are_routed_by_route_key_then_to_default()
    {
        var (dispatcher, seen, services) = Build(s => s.AddWebSocketApi(ws => ws
            .Map("$connect", (_, _, _) => ValueTask.FromResult(new APIGatewayProxyResponse { StatusCode = 200 }))
            .Map<Echo>("$default")));
        await using var _ = services;

        var connect = await DispatchAsync(dispatcher, services, Event("apigateway-websocket/connect.json"));
        var message = await DispatchAsync(dispatcher, services, Event("apigateway-websocket/message.json"));

        Assert.Equal("""{"statusCode":200}""", connect);
        Assert.Equal("""{"statusCode":200,"body":"echo:{\u0022action\u0022:\u0022sendmessage\u0022,\u0022text\u0022:\u0022good morning\u0022}"}""", message);
        Assert.Equal(["echo:sendmessage"], seen.Handled);
    }

    [Fact]
    public async Task WebSocket_event_with_resource_and_http_method_before_its_request_context_goes_to_the_WebSocket_routes()
    {
        var (dispatcher, seen, services) = Build(s => s.AddWebSocketApi(ws => ws.Map<Echo>("$default")));
        await using var _ = services;
        const string Json = """{"resource":"/","path":"/","httpMethod":"POST","headers":{},"requestContext":{"routeKey":"$default","eventType":"MESSAGE","connectionId":"c-9","stage":"prod","requestId":"r-9"},"body":"{\"action\":\"ping\"}","isBase64Encoded":false}""";

        Assert.Equal(EventSourceKind.ApiGatewayRest, EventSourceDetector.Detect(Encoding.UTF8.GetBytes(Json), validate: false));
        Assert.Equal("""{"statusCode":200,"body":"echo:{\u0022action\u0022:\u0022ping\u0022}"}""", await DispatchAsync(dispatcher, services, Json));
        Assert.Equal(["echo:$default"], seen.Handled);
    }

    [Fact]
    public async Task WebSocket_route_key_with_no_route_and_no_default_is_answered_404()
    {
        var (dispatcher, _, services) = Build(s => s.AddWebSocketApi(ws => ws.Map("$connect", (_, _, _) => ValueTask.FromResult(new APIGatewayProxyResponse { StatusCode = 200 }))));
        await using var _ = services;

        Assert.Equal("""{"statusCode":404}""", await DispatchAsync(dispatcher, services, Event("apigateway-websocket/disconnect.json")));
    }

    [Fact]
    public void WebSocket_route_key_mapped_twice_is_refused()
    {
        var builder = new WebSocketApiBuilder().Map("$connect", (_, _, _) => default);

        Assert.Throws<InvalidOperationException>(() => builder.Map("$connect", (_, _, _) => default));
    }

    [Theory]
    [InlineData("cognito/pre-signup.json", true)]
    [InlineData("cognito/pre-signup-external.json", false)]
    public async Task Cognito_trigger_returns_the_event_with_its_response_filled(string file, bool confirmed)
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<CognitoPreSignupEvent, CognitoPreSignupEvent, AutoConfirm>());
        await using var _ = services;

        using var returned = JsonDocument.Parse(await DispatchAsync(dispatcher, services, Event(file)));
        using var sent = JsonDocument.Parse(Event(file));

        Assert.Equal(confirmed, returned.RootElement.GetProperty("response").GetProperty("autoConfirmUser").GetBoolean());
        Assert.Equal(sent.RootElement.GetProperty("userName").GetString(), returned.RootElement.GetProperty("userName").GetString());
        Assert.Equal(sent.RootElement.GetProperty("request").GetProperty("userAttributes").GetProperty("email").GetString(), returned.RootElement.GetProperty("request").GetProperty("userAttributes").GetProperty("email").GetString());
    }

    [Fact]
    public async Task Cognito_trigger_without_its_handler_is_an_unknown_event_source_error_naming_the_trigger()
    {
        var (dispatcher, _, services) = Build(s => s.AddHandler<CognitoPreSignupEvent, CognitoPreSignupEvent, AutoConfirm>());
        await using var _ = services;

        var error = await Assert.ThrowsAsync<UnknownEventSourceException>(() => DispatchAsync(dispatcher, services, Event("cognito/post-confirmation.json")));

        Assert.Contains("CognitoPostConfirmation", error.Message, StringComparison.Ordinal);
    }
}
