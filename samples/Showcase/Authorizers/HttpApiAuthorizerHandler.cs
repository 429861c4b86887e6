using LambdaKit;
using LambdaKit.Events.APIGateway;

namespace Showcase.Authorizers;

/// <summary>HTTP API Lambda authorizer (payload 2.0, simple responses): authorized when the <c>authorization</c> header is <c>allow</c>.</summary>
internal sealed class HttpApiAuthorizerHandler : ILambdaHandler<APIGatewayCustomAuthorizerV2Request, APIGatewayCustomAuthorizerV2SimpleResponse>
{
    public ValueTask<APIGatewayCustomAuthorizerV2SimpleResponse> HandleAsync(APIGatewayCustomAuthorizerV2Request input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var header = input.Headers?.FirstOrDefault(h => string.Equals(h.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value;
        return ValueTask.FromResult(new APIGatewayCustomAuthorizerV2SimpleResponse { IsAuthorized = header == "allow" });
    }
}
