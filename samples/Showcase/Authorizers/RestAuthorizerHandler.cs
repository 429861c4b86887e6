using LambdaKit;
using LambdaKit.Events.APIGateway;

namespace Showcase.Authorizers;

/// <summary>
/// REST API Lambda authorizer: a <c>TOKEN</c> request is allowed when its token is <c>allow</c>, a <c>REQUEST</c> one when
/// its <c>authorization</c> header (any case) is <c>allow</c>; the answer is an IAM policy on the called method.
/// </summary>
internal sealed class RestAuthorizerHandler : ILambdaHandler<APIGatewayCustomAuthorizerRequest, APIGatewayCustomAuthorizerResponse>
{
    public ValueTask<APIGatewayCustomAuthorizerResponse> HandleAsync(APIGatewayCustomAuthorizerRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var credential = input.Type == "TOKEN"
            ? input.AuthorizationToken
            : input.Headers?.FirstOrDefault(h => string.Equals(h.Key, "authorization", StringComparison.OrdinalIgnoreCase)).Value;
        return ValueTask.FromResult(new APIGatewayCustomAuthorizerResponse
        {
            PrincipalID = "user",
            PolicyDocument = APIGatewayCustomAuthorizerPolicy.ForInvoke(credential == "allow", input.MethodArn ?? string.Empty),
        });
    }
}
