using LambdaKit;

namespace HelloWorld;

/// <summary>Says hello; a few request fields exercise the runtime (failures, large answers, deadlines).</summary>
internal sealed class HelloHandler : ILambdaHandler<HelloRequest, HelloResponse>
{
    public async ValueTask<HelloResponse> HandleAsync(HelloRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        if (input.Fail is { Length: > 0 } failure)
        {
            throw new HelloFailedException(failure);
        }

        var cancelled = false;
        if (input.SleepMs > 0)
        {
            try
            {
                await Task.Delay(input.SleepMs, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
            }
        }

        context.Logger.LogInformation($"Saying hello to {input.Name}");
        return new HelloResponse
        {
            Message = $"hello {input.Name ?? "world"}",
            RequestId = context.AwsRequestId,
            FunctionArn = context.InvokedFunctionArn,
            TraceId = context.TraceId,
            ColdStart = context.IsColdStart,
            DeadlineMs = context.Deadline.ToUnixTimeMilliseconds(),
            RemainingMs = (long)context.RemainingTime.TotalMilliseconds,
            Cancelled = cancelled,
            Padding = input.ResponseBytes > 0 ? new string('x', input.ResponseBytes) : null,
        };
    }
}
