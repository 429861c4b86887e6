using System.Runtime.InteropServices;
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
    private static int s_initReported;
    private static int s_loopStarted;
    private readonly ServiceProvider? _provider;
    private readonly LambdaEnvironment _environment;
    private readonly Exception? _startupFailure;

    internal LambdaApplication(ServiceProvider? provider, LambdaEnvironment environment, Exception? startupFailure)
    {
        _provider = provider;
        _environment = environment;
        _startupFailure = startupFailure;
    }

    /// <summary>The application's root services.</summary>
    /// <exception cref="InvalidOperationException">Building the services failed.</exception>
    public IServiceProvider Services => _provider ?? throw new InvalidOperationException("The services could not be built.", _startupFailure);

    /// <summary>
    /// Creates a builder. An exception thrown by start-up code before <see cref="RunAsync"/> starts the loop is posted
    /// to <c>/init/error</c>.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <returns>The builder.</returns>
    public static LambdaApplicationBuilder CreateBuilder(string[]? args = null)
    {
        var environment = LambdaEnvironment.FromProcess();
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (Volatile.Read(ref s_loopStarted) == 0 && e.ExceptionObject is Exception exception)
            {
                TryReportInitError(environment, exception);
            }
        };
        return new LambdaApplicationBuilder(args ?? [], environment);
    }

    /// <summary>
    /// Runs the function: the init phase (start-up validation, handler resolution, <see cref="ILambdaInitializer"/>s), then the
    /// loop until SIGTERM/SIGINT or <paramref name="cancellationToken"/>. A failure in the init phase is posted to
    /// <c>/init/error</c> and the process exit code is set to 1.
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

        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

        LambdaRuntimeLoop loop;
        try
        {
            loop = await InitializeAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (!stopping.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: initialization failed: {exception}").ConfigureAwait(false);
            await ReportInitErrorAsync(exception).ConfigureAwait(false);
            Environment.ExitCode = 1;
            return;
        }

        Volatile.Write(ref s_loopStarted, 1);
        await loop.RunAsync(stopping.Token).ConfigureAwait(false);

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

        return loop;
    }

    private async Task ReportInitErrorAsync(Exception exception)
    {
        if (Interlocked.Exchange(ref s_initReported, 1) == 1 || _environment.RuntimeApi is null)
        {
            return;
        }

        try
        {
            var client = _provider?.GetService<IRuntimeApiClient>();
            if (client is not null)
            {
                await client.SendInitErrorAsync(LambdaError.FromException(exception), CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                using var fallback = new RuntimeApiClient(_environment.RuntimeApi);
                await fallback.SendInitErrorAsync(LambdaError.FromException(exception), CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception reportFailure) when (reportFailure is RuntimeApiException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync($"LambdaKit: could not report the init error: {reportFailure.Message}").ConfigureAwait(false);
        }
    }

    private static void TryReportInitError(LambdaEnvironment environment, Exception exception)
    {
        if (environment.RuntimeApi is null || Interlocked.Exchange(ref s_initReported, 1) == 1)
        {
            return;
        }

        try
        {
            using var client = new RuntimeApiClient(environment.RuntimeApi);
            client.SendInitErrorAsync(LambdaError.FromException(exception), CancellationToken.None).AsTask().Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Best effort: the process is crashing anyway and the exception is on stderr.
        }
    }
}
