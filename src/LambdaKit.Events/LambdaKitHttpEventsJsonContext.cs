using System.Text.Json.Serialization;
using LambdaKit.Events.APIGateway;
using LambdaKit.Events.ApplicationLoadBalancer;

namespace LambdaKit.Events;

/// <summary>
/// The part of <see cref="LambdaKitEventsJsonContext"/> for HTTP sources alone: API Gateway REST v1 and WebSocket
/// requests and responses, HTTP API v2 and function URL requests, ALB requests, with the same options. Referencing a type
/// of <see cref="LambdaKitEventsJsonContext"/> compiles the metadata of every event type into a trimmed or Native AOT
/// function; this context brings only these. LambdaKit's HTTP routing reads its envelopes with it when the function is
/// built with <c>LambdaKitEventTypeLookup=false</c>.
/// </summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(APIGatewayProxyRequest))]
[JsonSerializable(typeof(APIGatewayProxyResponse))]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest))]
[JsonSerializable(typeof(ApplicationLoadBalancerRequest))]
[JsonSerializable(typeof(APIGatewayProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "APIGatewayProxyRequestContext")]
[JsonSerializable(typeof(APIGatewayProxyRequest.ProxyRequestClientCert), TypeInfoPropertyName = "APIGatewayProxyRequestClientCert")]
[JsonSerializable(typeof(APIGatewayProxyRequest.ClientCertValidity), TypeInfoPropertyName = "APIGatewayProxyRequestClientCertValidity")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ProxyRequestContext), TypeInfoPropertyName = "APIGatewayHttpApiV2ProxyRequestContext")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ProxyRequestClientCert), TypeInfoPropertyName = "APIGatewayHttpApiV2ProxyRequestClientCert")]
[JsonSerializable(typeof(APIGatewayHttpApiV2ProxyRequest.ClientCertValidity), TypeInfoPropertyName = "APIGatewayHttpApiV2ProxyRequestClientCertValidity")]
public sealed partial class LambdaKitHttpEventsJsonContext : JsonSerializerContext;
