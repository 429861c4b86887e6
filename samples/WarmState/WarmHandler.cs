using LambdaKit;
using Microsoft.Extensions.Logging;

namespace WarmState;

/// <summary>Answers with the warm client: built once, reused by every warm invocation.</summary>
internal sealed partial class WarmHandler(IWarmState<ExpensiveClient> client, ILogger<WarmHandler> logger) : ILambdaHandler<WarmRequest, WarmResponse>
{
    public async ValueTask<WarmResponse> HandleAsync(WarmRequest input, ILambdaContext context, CancellationToken cancellationToken)
    {
        var wasWarm = client.IsCreated;
        if (input.Log)
        {
            LogStarted(logger, context.AwsRequestId);
            LogDetail(logger, context.AwsRequestId);
        }

        var connection = await client.GetAsync(cancellationToken);
        var (answer, queryNumber) = connection.Query(input.Question ?? "ping");
        if (input.SleepMs > 0)
        {
            await Task.Delay(input.SleepMs, cancellationToken);
        }

        if (input.Log)
        {
            LogSlow(logger, context.AwsRequestId, input.SleepMs);
            try
            {
                ThrowHandledFailure(context.AwsRequestId);
            }
            catch (InvalidOperationException exception)
            {
                LogFailed(logger, exception, context.AwsRequestId);
            }

            context.Logger.LogInformation($"context logger line of {context.AwsRequestId}");
        }

        if (input.Invalidate)
        {
            client.Invalidate();
        }

        return new WarmResponse
        {
            Answer = answer,
            ClientId = connection.Id,
            FactoryRuns = ExpensiveClient.Connects,
            Queries = queryNumber,
            WasWarm = wasWarm,
            ColdStart = context.IsColdStart,
            RequestId = context.AwsRequestId,
        };
    }

    private static void ThrowHandledFailure(string requestId) => throw new InvalidOperationException($"A handled failure in {requestId}");

    [LoggerMessage(1, LogLevel.Information, "Invocation {Marker} started")]
    private static partial void LogStarted(ILogger logger, string marker);

    [LoggerMessage(2, LogLevel.Debug, "Invocation {Marker}: debug detail")]
    private static partial void LogDetail(ILogger logger, string marker);

    [LoggerMessage(3, LogLevel.Warning, "Invocation {Marker} slept {SleepMs} ms")]
    private static partial void LogSlow(ILogger logger, string marker, int sleepMs);

    [LoggerMessage(4, LogLevel.Error, "Invocation {Marker} logged a failure")]
    private static partial void LogFailed(ILogger logger, Exception exception, string marker);
}
