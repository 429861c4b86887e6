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
    /// Returns what the handler reported, with <see cref="InvocationOutcome.Error"/> set when it failed. Never throws for a
    /// handler's failure.
    /// </summary>
    /// <param name="context">The invocation.</param>
    /// <param name="releaseAfter">
    /// Disposed with the invocation's DI scope: at once, or, when work was abandoned at the deadline, only once that work
    /// finished (its failure is logged), so that abandoned work never runs on a disposed scope or a disposed token source.
    /// </param>
    public async ValueTask<InvocationOutcome> RunAsync(InvocationContext context, IDisposable? releaseAfter = null)
    {
        var outcome = InvocationOutcome.Completed;
        var requestId = context.AwsRequestId;
        var scope = scopes.CreateAsyncScope();
        try
        {
            context.Services = scope.ServiceProvider;
            outcome = await dispatcher.DispatchAsync(context).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            var error = LambdaError.FromException(exception);
            outcome = outcome.WithError(error);
            try
            {
                LogHandlerFailed(logger, exception, requestId);
            }
#pragma warning disable CA1031 // A user's exception whose ToString throws must not take the worker down with it.
            catch (Exception)
#pragma warning restore CA1031
            {
                LogHandlerFailedUnprintable(logger, requestId, error.ErrorType, error.ErrorMessage);
            }
        }
        finally
        {
            if (context.TakeAbandoned() is { } abandoned)
            {
                // Work abandoned at the deadline still runs: observe it, and dispose its scope only once it finished.
                _ = ReleaseAfterAsync(abandoned, scope, releaseAfter, requestId);
            }
            else
            {
                await scope.DisposeAsync().ConfigureAwait(false);
                releaseAfter?.Dispose();
            }
        }

        if (outcome.UnfinishedWork is { } unfinished)
        {
            LogDeadlineReached(logger, requestId, unfinished);
        }

        return outcome;
    }

#pragma warning disable CA1031 // Abandoned work and its scope's disposal may fail in any way; each failure is logged, none escapes.
    private async Task ReleaseAfterAsync(List<Task> abandoned, AsyncServiceScope scope, IDisposable? releaseAfter, string requestId)
    {
        try
        {
            foreach (var work in abandoned)
            {
                try
                {
                    await work.ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    LogAbandonedFailed(logger, exception, requestId);
                }
            }
        }
        finally
        {
            try
            {
                await scope.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                LogAbandonedFailed(logger, exception, requestId);
            }

            releaseAfter?.Dispose();
        }
    }
#pragma warning restore CA1031

    [LoggerMessage(1, LogLevel.Error, "Invocation {RequestId} failed")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(2, LogLevel.Warning, "Invocation {RequestId} reached its deadline with {Unfinished} item(s) left unfinished")]
    private static partial void LogDeadlineReached(ILogger logger, string requestId, int unfinished);

    [LoggerMessage(9, LogLevel.Warning, "Invocation {RequestId}: work abandoned at the deadline failed later")]
    private static partial void LogAbandonedFailed(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(11, LogLevel.Error, "Invocation {RequestId} failed with {ErrorType}: {ErrorMessage} (the exception could not be printed)")]
    private static partial void LogHandlerFailedUnprintable(ILogger logger, string requestId, string errorType, string errorMessage);
}
