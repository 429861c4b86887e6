using System.Net;
using LambdaKit.Context;
using LambdaKit.Invocation;
using LambdaKit.Logging;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LambdaKit.Runtime;

/// <summary>
/// The custom-runtime loop: <c>next</c> → handler in its own DI scope → <c>response</c> or <c>error</c>, until stopped.
/// A handler failure becomes an error report; only a broken Runtime API ends the loop.
/// </summary>
internal sealed partial class LambdaRuntimeLoop
{
    private const string TraceIdVariable = "_X_AMZN_TRACE_ID";

    private readonly IRuntimeApiClient _client;
    private readonly InvocationPipeline _pipeline;
    private readonly LambdaEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly ILambdaLogger _lambdaLogger;
    private readonly LambdaLogWriter _logWriter;
    private readonly ILogger _logger;
    private readonly LambdaKitOptions _options;
    private readonly int _concurrency;
    private int _coldStartPending;

    public LambdaRuntimeLoop(
        IRuntimeApiClient client,
        InvocationDispatcher dispatcher,
        IServiceScopeFactory scopes,
        LambdaEnvironment environment,
        TimeProvider time,
        ILambdaLogger lambdaLogger,
        LambdaLogWriter logWriter,
        ILogger<LambdaRuntimeLoop> logger,
        IOptions<LambdaKitOptions> options)
    {
        _client = client;
        _environment = environment;
        _time = time;
        _lambdaLogger = lambdaLogger;
        _logWriter = logWriter;
        _logger = logger;
        _pipeline = new InvocationPipeline(dispatcher, scopes, logger);
        _options = options.Value;
        _concurrency = _options.MaxConcurrency ?? environment.MaxConcurrency;
        _coldStartPending = environment.IsOnDemand ? 1 : 0;
    }

    /// <summary>Runs the loop until <paramref name="stoppingToken"/> fires; throws when the Runtime API is broken.</summary>
    public Task RunAsync(CancellationToken stoppingToken)
    {
        if (_concurrency == 1)
        {
            return WorkerAsync(stoppingToken);
        }

        var workers = new Task[_concurrency];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkerAsync(stoppingToken), CancellationToken.None);
        }

        return Task.WhenAll(workers);
    }

    private async Task WorkerAsync(CancellationToken stoppingToken)
    {
        using var deadline = new DeadlineCancellation(_time);
        using var output = new PooledBufferWriter();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Lambda may freeze the process once `next` is asked for: the log lines written so far go out first.
            await _logWriter.FlushAsync().ConfigureAwait(false);
            LambdaInvocation invocation;
            try
            {
                invocation = await _client.GetNextInvocationAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            using (invocation)
            {
                try
                {
                    await InvokeAsync(invocation, deadline, output).ConfigureAwait(false);
                }
                finally
                {
                    deadline.Disarm();
                    output.Reset();
                    InvocationScope.Current = null;
                }
            }
        }
    }

    /// <summary>Runs one invocation and reports its outcome. Never throws for a handler's failure.</summary>
    internal async Task InvokeAsync(LambdaInvocation invocation, DeadlineCancellation deadline, PooledBufferWriter output)
    {
        var started = _time.GetTimestamp();
        var headers = invocation.Headers;
        var coldStart = Interlocked.Exchange(ref _coldStartPending, 0) == 1;
        var context = new InvocationContext(headers, _environment, _time, _lambdaLogger, coldStart)
        {
            Payload = invocation.Payload,
            Output = output,
        };
        context.CancellationToken = deadline.Arm(headers.Deadline, _options.CancellationMargin);
        InvocationScope.Current = context;
        if (_concurrency == 1)
        {
            Environment.SetEnvironmentVariable(TraceIdVariable, headers.TraceId);
        }

        var error = await _pipeline.RunAsync(context).ConfigureAwait(false);

        try
        {
            if (error is null)
            {
                try
                {
                    await _client.SendResponseAsync(headers.RequestId, output.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                    return;
                }
                catch (RuntimeApiException exception) when (exception.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                {
                    error = new LambdaError(
                        "Function.ResponseSizeTooLarge",
                        $"The response of {output.WrittenCount} bytes is over the Lambda payload limit and was refused (413).");
                    LogResponseTooLarge(_logger, headers.RequestId, output.WrittenCount);
                }
            }

            await _client.SendErrorAsync(headers.RequestId, error, CancellationToken.None).ConfigureAwait(false);
        }
        catch (RuntimeApiException exception) when (exception.StatusCode is not null)
        {
            // Lambda refused the answer (the invocation timed out, or was already answered): nothing left to report to.
            LogAnswerRefused(_logger, exception, headers.RequestId);
        }
        finally
        {
            _logWriter.WriteInvocationMetrics(context, _time.GetElapsedTime(started), failed: error is not null);
        }
    }

    [LoggerMessage(3, LogLevel.Error, "Invocation {RequestId}: the response of {Bytes} bytes is over the payload limit; reported as an error")]
    private static partial void LogResponseTooLarge(ILogger logger, string requestId, int bytes);

    [LoggerMessage(4, LogLevel.Warning, "Invocation {RequestId}: the Runtime API refused the answer")]
    private static partial void LogAnswerRefused(ILogger logger, Exception exception, string requestId);
}
