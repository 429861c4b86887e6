using LambdaKit;

namespace LambdaKitFunction;

/// <summary>The function's handler: one <see cref="GreetingRequest"/> in, one <see cref="GreetingResponse"/> out.</summary>
/// <remarks>
/// A new instance per invocation, from its own DI scope: take services in the constructor. The cancellation token fires a
/// margin before the invocation's deadline; throw to report an error (<c>[LambdaErrorType("...")]</c> on an exception
/// class chooses its errorType).
/// </remarks>
internal sealed class GreetingHandler : ILambdaHandler<GreetingRequest, GreetingResponse>
{
    public ValueTask<GreetingResponse> HandleAsync(GreetingRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            throw new ArgumentException("A greeting needs a name.", nameof(input));
        }

        context.Logger.LogInformation($"Greeting {input.Name}");
        return ValueTask.FromResult(new GreetingResponse($"hello {input.Name}", context.AwsRequestId));
    }
}
