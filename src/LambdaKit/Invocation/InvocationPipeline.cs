using LambdaKit.Context;
using LambdaKit.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Invocation;

/// <summary>
/// One invocation's pipeline, without transport: a new DI scope that serves <see cref="ILambdaContext"/>, the dispatcher
/// (source detection, deserialization, the handler), and the mapping of a failure to an error report. The Runtime API loop
/// and <see cref="LambdaApplication.InvokeAsync"/> both run it; what they do with the outcome (post it, return it) is theirs.
/// </summary>
internal sealed partial class InvocationPipeline(InvocationDispatcher dispatcher, IServiceScopeFactory scopes, ILogger logger)
{
    /// <summary>
    /// Runs the handler of <paramref name="context"/>; its response is in <see cref="InvocationContext.Output"/>.
    /// Returns <see langword="null"/> on success, or the error to report. Never throws for a handler's failure.
    /// </summary>
    public async Task<LambdaError?> RunAsync(InvocationContext context)
    {
        LambdaError? error = null;
        try
        {
            var scope = scopes.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                context.Services = scope.ServiceProvider;
                scope.ServiceProvider.GetRequiredService<InvocationContextHolder>().Context = context;
                await dispatcher.DispatchAsync(context).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            LogHandlerFailed(logger, exception, context.AwsRequestId);
            error = LambdaError.FromException(exception);
        }

        if (context.UnfinishedWork is { } unfinished)
        {
            LogDeadlineReached(logger, context.AwsRequestId, unfinished);
        }

        return error;
    }

    [LoggerMessage(1, LogLevel.Error, "Invocation {RequestId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(2, LogLevel.Warning, "Invocation {RequestId} reached its deadline with {Unfinished} item(s) left unfinished")]
    private static partial void LogDeadlineReached(ILogger logger, string requestId, int unfinished);
}
