using System.Text.Json.Serialization.Metadata;
using LambdaKit.Events;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.ApplicationLoadBalancer;
using LambdaKit.Serialization;

namespace LambdaKit.Routing.Http;

/// <summary>
/// The metadata HTTP and WebSocket routing read their envelopes with: LambdaKit.Events' own context while the
/// LambdaKitEventTypeLookup switch is on (it is compiled in anyway), the envelopes-only context when it is off. Each
/// getter tests the switch itself, so that a trimmed publish keeps one of the two contexts, not both.
/// </summary>
internal static class HttpEnvelopes
{
    public static JsonTypeInfo<APIGatewayProxyRequest> ProxyRequest => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.APIGatewayProxyRequest
        : LambdaKitHttpEventsJsonContext.Default.APIGatewayProxyRequest;

    public static JsonTypeInfo<APIGatewayProxyResponse> ProxyResponse => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.APIGatewayProxyResponse
        : LambdaKitHttpEventsJsonContext.Default.APIGatewayProxyResponse;

    public static JsonTypeInfo<APIGatewayHttpApiV2ProxyRequest> HttpApiV2Request => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest
        : LambdaKitHttpEventsJsonContext.Default.APIGatewayHttpApiV2ProxyRequest;

    public static JsonTypeInfo<ApplicationLoadBalancerRequest> LoadBalancerRequest => EventTypeLookup.IsEnabled
        ? LambdaKitEventsJsonContext.Default.ApplicationLoadBalancerRequest
        : LambdaKitHttpEventsJsonContext.Default.ApplicationLoadBalancerRequest;
}
