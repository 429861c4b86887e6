using LambdaKit.Runtime;

namespace LambdaKit.Hosting;

/// <summary>
/// Posts an init-phase failure to <c>/init/error</c> at most once per application. One process-wide
/// <see cref="AppDomain.UnhandledException"/> handler is installed (the first time a builder is created, never again);
/// it reports for the most recently created application while that application's loop has not started.
/// </summary>
internal sealed class InitErrorReporter
{
    private static readonly TimeSpan CrashReportTimeout = TimeSpan.FromSeconds(2);
    private static int s_hookInstalls;
    private static InitErrorReporter? s_current;
    private readonly LambdaEnvironment _environment;
    private int _reported;
    private int _loopStarted;

    private InitErrorReporter(LambdaEnvironment environment)
    {
        _environment = environment;
    }

    /// <summary>How many times the process-wide handler was installed (1 once any builder was created).</summary>
    internal static int HookInstalls => Volatile.Read(ref s_hookInstalls);

    /// <summary>Whether this application's init error was reported (or a report was attempted).</summary>
    public bool Reported => Volatile.Read(ref _reported) == 1;

    /// <summary>Creates the reporter of a new application and makes it the one the crash handler reports for.</summary>
    public static InitErrorReporter Create(LambdaEnvironment environment)
    {
        var reporter = new InitErrorReporter(environment);
        Volatile.Write(ref s_current, reporter);
        if (Interlocked.CompareExchange(ref s_hookInstalls, 1, 0) == 0)
        {
            AppDomain.CurrentDomain.UnhandledException += OnUnhandledException;
        }

        return reporter;
    }

    /// <summary>The loop started: a crash from now on is not an init error.</summary>
    public void LoopStarted() => Volatile.Write(ref _loopStarted, 1);

    /// <summary>Posts the report (once) through <paramref name="client"/>, or a client of its own; never throws.</summary>
    public async Task ReportAsync(Exception exception, IRuntimeApiClient? client)
    {
        if (_environment.RuntimeApi is null || Interlocked.Exchange(ref _reported, 1) == 1)
        {
            return;
        }

        try
        {
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
#pragma warning disable CA1031 // Best effort: whatever the client throws, the init failure itself is already on stderr.
        catch (Exception reportFailure)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"LambdaKit: could not report the init error: {reportFailure.Message}").ConfigureAwait(false);
        }
    }

    /// <summary>Reports from the crash handler: blocks at most two seconds; never throws.</summary>
    internal void ReportFromCrash(Exception exception)
    {
        if (Volatile.Read(ref _loopStarted) == 1)
        {
            return;
        }

        try
        {
#pragma warning disable RS0030 // An unhandled-exception handler is synchronous: the only way to post the report before the process dies is to block, bounded.
            ReportAsync(exception, client: null).Wait(CrashReportTimeout);
#pragma warning restore RS0030
        }
#pragma warning disable CA1031 // The process is crashing anyway and the exception is on stderr.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private static void OnUnhandledException(object? sender, UnhandledExceptionEventArgs e)
    {
        if (Volatile.Read(ref s_current) is { } reporter && e.ExceptionObject is Exception exception)
        {
            reporter.ReportFromCrash(exception);
        }
    }
}
