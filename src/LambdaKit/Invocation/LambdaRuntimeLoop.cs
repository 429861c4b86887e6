using System.Net;
using LambdaKit.Context;
using LambdaKit.Logging;
using LambdaKit.Routing;
using LambdaKit.Runtime;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Invocation;

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
    private readonly InvocationSettings _settings;
    private readonly int _concurrency;
    private readonly BetweenInvocationsCollector? _collector;
    private int _coldStartPending;

    /// <summary>How many times in a row <c>next</c> may break (connection reset, end of stream) before the loop gives up.</summary>
    internal const int MaxNextFailures = 5;

    public LambdaRuntimeLoop(
        IRuntimeApiClient client,
        InvocationDispatcher dispatcher,
        IServiceScopeFactory scopes,
        LambdaEnvironment environment,
        TimeProvider time,
        ILambdaLogger lambdaLogger,
        LambdaLogWriter logWriter,
        ILogger<LambdaRuntimeLoop> logger,
        InvocationSettings settings)
    {
        _client = client;
        _environment = environment;
        _time = time;
        _lambdaLogger = lambdaLogger;
        _logWriter = logWriter;
        _logger = logger;
        _settings = settings;
        _pipeline = new InvocationPipeline(dispatcher, scopes, logger);
        _concurrency = settings.MaxConcurrency ?? environment.MaxConcurrency;
        // With several workers a collection would pause the others' invocations: the runtime's budget decides then.
        _collector = _concurrency == 1 ? BetweenInvocationsCollector.ForProcess(settings.CollectionThreshold) : null;
        _coldStartPending = environment.IsOnDemand ? 1 : 0;
    }

    /// <summary>
    /// Runs the loop until <paramref name="stoppingToken"/> fires. Throws when the Runtime API is broken (a 5xx, 403 on
    /// <c>next</c>, unreachable) or a worker faulted outside any handler; with several workers, the others then stop taking
    /// invocations, finish the one they run, and the first fault is rethrown.
    /// </summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        using var stopAll = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        if (_concurrency == 1)
        {
            await WorkerAsync(stopAll.Token).ConfigureAwait(false);
            return;
        }

        var running = new List<Task>(_concurrency);
        for (var i = 0; i < _concurrency; i++)
        {
            running.Add(Task.Run(() => WorkerAsync(stopAll.Token), CancellationToken.None));
        }

        Exception? fault = null;
        while (running.Count > 0)
        {
            var done = await Task.WhenAny(running).ConfigureAwait(false);
            running.Remove(done);
            if (done.Exception?.InnerException is { } exception && fault is null)
            {
                fault = exception;
                LogWorkerFaulted(_logger, exception, _concurrency - 1);
                await stopAll.CancelAsync().ConfigureAwait(false);
            }
        }

        if (fault is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    private async Task WorkerAsync(CancellationToken stoppingToken)
    {
        using var output = new PooledBufferWriter();
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            // Lambda may freeze the process once `next` is asked for: the log lines written so far go out first.
            _logWriter.Flush();
            LambdaInvocation invocation;
            try
            {
                invocation = await _client.GetNextInvocationAsync(stoppingToken).ConfigureAwait(false);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (InvalidInvocationException invalid)
            {
                failures = 0;
                await ReportInvalidAsync(invalid).ConfigureAwait(false);
                continue;
            }
            catch (Exception exception) when (RuntimeApiClient.IsTransportFailure(exception))
            {
                if (++failures >= MaxNextFailures)
                {
                    throw new RuntimeApiException($"GET next failed {failures} times in a row ({exception.Message}): the Runtime API is unreachable; the function stops.", exception);
                }

                LogNextFailed(_logger, exception, failures);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(50 << failures), _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            using (invocation)
            {
                try
                {
                    await InvokeAsync(invocation, output).ConfigureAwait(false);
                }
                finally
                {
                    output.Reset();
                    CurrentInvocation.Context = null;
                }
            }

            // The answer is posted: a collection now delays no response and finds the invocation's objects dead.
            _collector?.CollectIfDue();
        }
    }

    /// <summary>Answers an invocation that <c>next</c> handed out but that cannot run; logs it when it has no request id.</summary>
    private async Task ReportInvalidAsync(InvalidInvocationException invalid)
    {
        if (invalid.RequestId is null)
        {
            LogUnanswerable(_logger, invalid.Message);
            return;
        }

        LogInvalidInvocation(_logger, invalid.RequestId, invalid.Message);
        await SendAsync(invalid.RequestId, null, new LambdaError(invalid.ErrorType, invalid.Message), 0).ConfigureAwait(false);
    }

    /// <summary>Runs one invocation and reports its outcome. Never throws for a handler's failure.</summary>
    internal async Task InvokeAsync(LambdaInvocation invocation, PooledBufferWriter output)
    {
        var started = _time.GetTimestamp();
        var headers = invocation.Headers;
        var coldStart = Interlocked.Exchange(ref _coldStartPending, 0) == 1;
        var deadline = new DeadlineCancellation(_time, headers.Deadline, _settings.CancellationMargin);
        var context = new InvocationContext(headers, _environment, _time, _lambdaLogger, coldStart)
        {
            Payload = invocation.Payload,
            Output = output,
            CancellationToken = deadline.Token,
        };
        CurrentInvocation.Context = context;
        if (_concurrency == 1)
        {
            Environment.SetEnvironmentVariable(TraceIdVariable, headers.TraceId);
        }

        var outcome = await _pipeline.RunAsync(context, deadline).ConfigureAwait(false);

        try
        {
            await SendAsync(headers.RequestId, outcome.Error is null ? output : null, outcome.Error, output.WrittenCount).ConfigureAwait(false);
        }
        finally
        {
            _logWriter.WriteInvocationMetrics(context, _time.GetElapsedTime(started), outcome);
        }
    }

    /// <summary>
    /// Posts the answer of one invocation: the response (or, when Lambda refuses it with 413, an error report), or the
    /// error report. A refusal (400, 403: timed out, already answered) and a connection that broke twice are logged and
    /// the loop goes on; a 5xx means the execution environment is broken and is thrown.
    /// </summary>
    private async Task<bool> SendAsync(string requestId, PooledBufferWriter? response, LambdaError? error, int responseBytes)
    {
        try
        {
            if (response is not null)
            {
                try
                {
                    await _client.SendResponseAsync(requestId, response.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                    return true;
                }
                catch (RuntimeApiException exception) when (exception.StatusCode == HttpStatusCode.RequestEntityTooLarge)
                {
                    error = new LambdaError(
                        "Function.ResponseSizeTooLarge",
                        $"The response of {responseBytes} bytes is over the Lambda payload limit and was refused (413).");
                    LogResponseTooLarge(_logger, requestId, responseBytes);
                }
            }

            await _client.SendErrorAsync(requestId, error!, CancellationToken.None).ConfigureAwait(false);
            return true;
        }
        catch (RuntimeApiException exception) when (exception.StatusCode is { } status && (int)status < 500)
        {
            // Lambda refused the answer (the invocation timed out, or was already answered): nothing left to report to.
            LogAnswerRefused(_logger, exception, requestId);
        }
        catch (Exception exception) when (RuntimeApiClient.IsTransportFailure(exception))
        {
            // The client already tried a fresh connection once.
            LogAnswerLost(_logger, exception, requestId);
        }

        return false;
    }

    [LoggerMessage(3, LogLevel.Error, "Invocation {RequestId}: the response of {Bytes} bytes is over the payload limit; reported as an error")]
    private static partial void LogResponseTooLarge(ILogger logger, string requestId, int bytes);

    [LoggerMessage(4, LogLevel.Warning, "Invocation {RequestId}: the Runtime API refused the answer")]
    private static partial void LogAnswerRefused(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(5, LogLevel.Error, "Invocation {RequestId}: the answer could not be delivered (the connection broke twice); going on")]
    private static partial void LogAnswerLost(ILogger logger, Exception exception, string requestId);

    [LoggerMessage(6, LogLevel.Error, "The Runtime API handed out an invocation that cannot be answered: {Reason}")]
    private static partial void LogUnanswerable(ILogger logger, string reason);

    [LoggerMessage(7, LogLevel.Error, "Invocation {RequestId} cannot run: {Reason}; reported as an error")]
    private static partial void LogInvalidInvocation(ILogger logger, string requestId, string reason);

    [LoggerMessage(8, LogLevel.Warning, "GET next failed (attempt {Attempt}); trying again")]
    private static partial void LogNextFailed(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(10, LogLevel.Critical, "A worker of the loop faulted outside any handler; the {Others} other worker(s) stop after their current invocation and the function exits")]
    private static partial void LogWorkerFaulted(ILogger logger, Exception exception, int others);

}
