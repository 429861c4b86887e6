using System.Runtime.InteropServices;
using LambdaKit.Hosting;
using LambdaKit.Invocation;
using LambdaKit.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LambdaKit;

/// <summary>
/// A Lambda function: runs the Runtime API loop until the process is asked to stop.
/// <code>
/// var builder = LambdaApplication.CreateBuilder(args);
/// builder.Services.AddHandler&lt;Request, Response, MyHandler&gt;();
/// await using var app = builder.Build();
/// await app.RunAsync();
/// </code>
/// </summary>
public sealed partial class LambdaApplication : IAsyncDisposable
{
    private const string ExtensionName = "LambdaKit";
    private readonly ServiceProvider? _provider;
    private readonly InitErrorReporter _initErrors;
    private readonly Exception? _startupFailure;

    internal LambdaApplication(ServiceProvider? provider, InitErrorReporter initErrors, Exception? startupFailure)
    {
        _provider = provider;
        _initErrors = initErrors;
        _startupFailure = startupFailure;
    }

    /// <summary>The process exit code after the init phase failed (reported to <c>/init/error</c>).</summary>
    public const int InitFailedExitCode = 1;

    /// <summary>The process exit code after the Runtime API broke (5xx, 403 on <c>next</c>, unreachable): the environment is unusable.</summary>
    public const int RuntimeApiFailedExitCode = 2;

    /// <summary>The process exit code after a worker of the loop faulted outside any handler (a LambdaKit or host defect).</summary>
    public const int WorkerFaultedExitCode = 3;

    /// <summary>The application's root services.</summary>
    /// <exception cref="InvalidOperationException">Building the services failed.</exception>
    public IServiceProvider Services => _provider ?? throw new InvalidOperationException("The services could not be built.", _startupFailure);

    /// <summary>
    /// Creates a builder. An exception thrown by start-up code before <see cref="RunAsync"/> starts the loop is posted
    /// to <c>/init/error</c> (once; one process-wide handler serves every builder, for the most recent one).
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The builder.</returns>
    public static LambdaApplicationBuilder CreateBuilder(string[]? args = null)
    {
        var environment = LambdaEnvironment.FromProcess();
        return new LambdaApplicationBuilder(args ?? [], environment);
    }

    /// <summary>
    /// Runs the function: the init phase (start-up validation, handler resolution, <see cref="ILambdaInitializer"/>s), then the
    /// loop until SIGTERM/SIGINT (Ctrl+C) or <paramref name="cancellationToken"/>: the invocation in flight finishes and is
    /// answered, then the method returns. A failure in the init phase is posted to <c>/init/error</c> and the process exit
    /// code is set to <see cref="InitFailedExitCode"/>; a broken Runtime API ends the loop with a message on stderr and
    /// <see cref="RuntimeApiFailedExitCode"/>; a worker fault outside any handler with <see cref="WorkerFaultedExitCode"/>.
    /// </summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that completes when the loop stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        if (InProcessHost.Current is { } host)
        {
            await RunInProcessAsync(host, cancellationToken).ConfigureAwait(false);
            return;
        }

        // With one invocation at a time the Runtime API client makes blocking socket calls on its caller's thread: the
        // init phase and the loop run on a thread-pool thread, so that the caller gets its task back at once.
        await Task.Run(() => RunOnLambdaAsync(cancellationToken), CancellationToken.None).ConfigureAwait(false);
    }

    private async Task RunOnLambdaAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        LambdaRuntimeLoop loop;
        try
        {
            loop = await InitializeAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (RuntimeApiException exception) when (exception.IsUnreachable)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: the Runtime API is unreachable, the function stops (exit code {RuntimeApiFailedExitCode}): {exception.Message}").ConfigureAwait(false);
            Environment.ExitCode = RuntimeApiFailedExitCode;
            return;
        }
        catch (SnapshotHookException exception) when (exception.ErrorType == SnapshotHookException.AfterRestoreErrorType && !stopping.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: restoring the snapshot failed: {exception}").ConfigureAwait(false);
            await ReportRestoreErrorAsync(exception).ConfigureAwait(false);
            Environment.ExitCode = InitFailedExitCode;
            return;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // SIGTERM or Ctrl+C during the init phase: a requested stop, not an init failure; no invocation was taken.
            return;
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: initialization failed: {exception}").ConfigureAwait(false);
            await _initErrors.ReportAsync(exception, _provider?.GetService<IRuntimeApiClient>()).ConfigureAwait(false);
            Environment.ExitCode = InitFailedExitCode;
            return;
        }

        _initErrors.LoopStarted();
        try
        {
            await loop.RunAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (RuntimeApiException exception)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: the Runtime API failed, the function stops (exit code {RuntimeApiFailedExitCode}): {exception.Message}").ConfigureAwait(false);
            Environment.ExitCode = RuntimeApiFailedExitCode;
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested || exception is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: a worker of the loop faulted outside any handler, the function stops (exit code {WorkerFaultedExitCode}): {exception}").ConfigureAwait(false);
            Environment.ExitCode = WorkerFaultedExitCode;
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopping.Cancel();
        }
    }

    /// <summary>Disposes the application's services (warm state, singletons).</summary>
    /// <returns>A task that completes when disposed.</returns>
    public ValueTask DisposeAsync() => _provider?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<LambdaRuntimeLoop> InitializeAsync(CancellationToken cancellationToken)
    {
        if (_startupFailure is not null)
        {
            throw new InvalidOperationException($"Building the function's services failed: {_startupFailure.Message}", _startupFailure);
        }

        var services = _provider!;
        services.GetService<IStartupValidator>()?.Validate();
        var options = services.GetRequiredService<IOptions<LambdaKitOptions>>().Value;
        var loop = services.GetRequiredService<LambdaRuntimeLoop>();
        if (options.EnableShutdownSignal)
        {
            await services.GetRequiredService<IRuntimeApiClient>().RegisterInternalExtensionAsync(ExtensionName, cancellationToken).ConfigureAwait(false);
        }

        foreach (var initializer in services.GetServices<ILambdaInitializer>())
        {
            await initializer.InitializeAsync(cancellationToken).ConfigureAwait(false);
        }

        if (string.Equals(services.GetRequiredService<LambdaEnvironment>().InitializationType, SnapStartSequence.InitializationType, StringComparison.Ordinal))
        {
            await SnapStartSequence.BeforeSnapshotAsync(services, cancellationToken).ConfigureAwait(false);
            await services.GetRequiredService<IRuntimeApiClient>().WaitForRestoreAsync(cancellationToken).ConfigureAwait(false);
            await SnapStartSequence.AfterRestoreAsync(services, cancellationToken).ConfigureAwait(false);
        }

        return loop;
    }

    private async Task ReportRestoreErrorAsync(SnapshotHookException exception)
    {
        try
        {
            await _provider!.GetRequiredService<IRuntimeApiClient>().SendRestoreErrorAsync(LambdaError.FromException(exception), CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Best effort: the failure itself is already on stderr.
        catch (Exception reportFailure)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"LambdaKit: could not report the restore error: {reportFailure.Message}").ConfigureAwait(false);
        }
    }
}
