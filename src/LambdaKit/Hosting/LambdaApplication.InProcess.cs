using LambdaKit.Context;
using LambdaKit.Invocation;
using LambdaKit.Logging;
using LambdaKit.Routing;
using LambdaKit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LambdaKit;

/// <summary>In-process invocation: the per-invocation pipeline of the Runtime API loop, without the Runtime API.</summary>
public sealed partial class LambdaApplication
{
    private Task? _inProcessInit;
    private InProcessPipeline? _inProcess;

    /// <summary>
    /// Runs one invocation in this process, through the pipeline the Runtime API loop runs for an event it received: the
    /// <see cref="ILambdaContext"/> built from <paramref name="headers"/>, its cancellation token armed
    /// <see cref="LambdaKitOptions.CancellationMargin"/> before <see cref="InvocationHeaders.Deadline"/>, a new DI scope,
    /// source detection and routing, the handler, and the mapping of a failure to the error report. Nothing is sent
    /// anywhere: the response or the error is returned. For tests and tools (LambdaKit.Testing's <c>LambdaTestHost</c>).
    /// </summary>
    /// <remarks>
    /// The first call runs the init phase once (options validated at start, <see cref="ILambdaInitializer"/>s); a failure there
    /// is thrown by this and every later call, as an environment whose init failed serves nothing. Invocations may overlap.
    /// The trace id is not copied to <c>_X_AMZN_TRACE_ID</c>, and the 6 MB response limit, which the Runtime API enforces, is not applied.
    /// </remarks>
    /// <param name="payload">The event, UTF-8 JSON.</param>
    /// <param name="headers">The invocation's request id, deadline, invoked function ARN, trace id, client context, Cognito identity and tenant id.</param>
    /// <param name="cancellationToken">Also cancels the handler's token, as if the deadline had come.</param>
    /// <returns>The response, or the error report.</returns>
    /// <exception cref="InvalidOperationException">The application could not be built, or its init phase failed.</exception>
    public async Task<LambdaInvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationHeaders headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        await InitializeInProcessAsync().ConfigureAwait(false);
        var pipeline = _inProcess!;
        var started = pipeline.Time.GetTimestamp();
        using var output = new PooledBufferWriter();
        var coldStart = Interlocked.Exchange(ref pipeline.ColdStartPending, 0) == 1;
        var deadline = new DeadlineCancellation(pipeline.Time, headers.Deadline, pipeline.Options.CancellationMargin, cancellationToken);
        var context = new InvocationContext(headers, pipeline.Environment, pipeline.Time, pipeline.LambdaLogger, coldStart)
        {
            Payload = payload,
            Output = output,
            CancellationToken = deadline.Token,
        };
        CurrentInvocation.Context = context;
        var outcome = InvocationOutcome.Completed;
        try
        {
            outcome = await pipeline.Pipeline.RunAsync(context, deadline).ConfigureAwait(false);
            return new LambdaInvocationResult(headers.RequestId, outcome.Error is null ? output.WrittenSpan.ToArray() : ReadOnlyMemory<byte>.Empty, outcome.Error);
        }
        finally
        {
            pipeline.LogWriter.WriteInvocationMetrics(context, pipeline.Time.GetElapsedTime(started), outcome);
            CurrentInvocation.Context = null;
        }
    }

    /// <summary>
    /// Hosts in-process the application that the current asynchronous flow (and the flows it starts) builds and runs, so that
    /// a test can run a function's own entry point (its <c>Program</c>) without a Runtime API:
    /// <see cref="LambdaApplicationBuilder.Build"/> first calls <paramref name="configure"/> (after the function's own
    /// registrations, so that it can replace them), and <see cref="RunAsync"/> runs the init phase, then awaits
    /// <paramref name="run"/> with the application instead of polling the Runtime API, and returns when that task completes
    /// or its own token is cancelled. An init failure is thrown by <see cref="RunAsync"/> instead of being posted to
    /// <c>/init/error</c>. Used by LambdaKit.Testing's <c>LambdaTestHost.StartAsync</c>.
    /// </summary>
    /// <param name="run">Uses the running application (for example with <see cref="InvokeAsync"/>); <see cref="RunAsync"/> returns when it completes.</param>
    /// <param name="configure">A last configuration step before the application is built, or <see langword="null"/>.</param>
    /// <returns>Restores the previous behaviour on the flow that disposes it (flows already started keep the host).</returns>
    public static IDisposable HostInProcess(Func<LambdaApplication, CancellationToken, Task> run, Action<LambdaApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        var scope = new InProcessHost.Scope(InProcessHost.Current);
        InProcessHost.Current = new InProcessHost(run, configure);
        return scope;
    }

    private async Task RunInProcessAsync(InProcessHost host, CancellationToken cancellationToken)
    {
        await InitializeInProcessAsync().ConfigureAwait(false);
        try
        {
            await host.Run(this, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped, as the loop stops.
        }
    }

    private Task InitializeInProcessAsync()
    {
        var init = Volatile.Read(ref _inProcessInit);
        if (init is null)
        {
            var created = InitializeInProcessCoreAsync();
            init = Interlocked.CompareExchange(ref _inProcessInit, created, null) ?? created;
        }

        return init;
    }

    /// <summary>The init phase of <see cref="RunAsync"/>, without the Runtime API: validation, handler resolution, initializers.</summary>
    private async Task InitializeInProcessCoreAsync()
    {
        await Task.Yield();
        if (_startupFailure is not null)
        {
            throw new InvalidOperationException($"Building the function's services failed: {_startupFailure.Message}", _startupFailure);
        }

        var services = _provider!;
        services.GetService<IStartupValidator>()?.Validate();
        var pipeline = new InProcessPipeline(services);
        foreach (var initializer in services.GetServices<ILambdaInitializer>())
        {
            await initializer.InitializeAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _inProcess = pipeline;
    }

    private sealed class InProcessPipeline
    {
        public int ColdStartPending;

        public InProcessPipeline(IServiceProvider services)
        {
            Environment = services.GetRequiredService<LambdaEnvironment>();
            Time = services.GetRequiredService<TimeProvider>();
            LambdaLogger = services.GetRequiredService<ILambdaLogger>();
            LogWriter = services.GetRequiredService<LambdaLogWriter>();
            Options = services.GetRequiredService<IOptions<LambdaKitOptions>>().Value;
            Pipeline = new InvocationPipeline(
                services.GetRequiredService<InvocationDispatcher>(),
                services.GetRequiredService<IServiceScopeFactory>(),
                services.GetRequiredService<ILogger<LambdaRuntimeLoop>>());
            ColdStartPending = Environment.IsOnDemand ? 1 : 0;
        }

        public LambdaEnvironment Environment { get; }

        public TimeProvider Time { get; }

        public ILambdaLogger LambdaLogger { get; }

        public LambdaLogWriter LogWriter { get; }

        public LambdaKitOptions Options { get; }

        public InvocationPipeline Pipeline { get; }
    }
}
