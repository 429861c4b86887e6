using LambdaKit.Context;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LambdaKit.Logging;

/// <summary>
/// Writes LambdaKit's log lines to stdout: text or JSON (<c>AWS_LAMBDA_LOG_FORMAT</c>), filtered by
/// <c>AWS_LAMBDA_LOG_LEVEL</c>, tagged with the invocation of the current asynchronous flow (<see cref="CurrentInvocation"/>),
/// so that overlapping invocations each get their own request id. A line is formatted on the caller's thread into a
/// reused buffer and handed to a <see cref="LogOutputQueue"/>; the loop flushes it (on its own thread) before it asks for the next invocation.
/// </summary>
internal sealed class LambdaLogWriter : IDisposable
{
    private static readonly TimeSpan InvocationFlushTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan ExitFlushTimeout = TimeSpan.FromSeconds(1);

    private readonly LambdaEnvironment _environment;
    private readonly TimeProvider _time;
    private readonly LambdaLoggingOptions _options;
    private readonly LogOutputQueue _queue;
    private readonly EventHandler? _onProcessExit;

    public LambdaLogWriter(LambdaEnvironment environment, TimeProvider time, IOptions<LambdaLoggingOptions> options)
        : this(environment, time, options.Value, Console.OpenStandardOutput())
    {
        // A function that never disposes its application still gets its last lines out.
        _onProcessExit = (_, _) => _queue.Flush(ExitFlushTimeout);
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    internal LambdaLogWriter(LambdaEnvironment environment, TimeProvider time, LambdaLoggingOptions options, Stream output)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        _environment = environment;
        _time = time;
        _options = options;
        MinimumLevel = ParseLevel(environment.LogLevel);
        Format = options.Format ?? ParseFormat(environment.LogFormat);
        _queue = new LogOutputQueue(output, options.MaxBufferedBytes, options.FullBufferWait, ReportDropped);
    }

    /// <summary>The lowest level written (<c>AWS_LAMBDA_LOG_LEVEL</c>, <c>INFO</c> when unset).</summary>
    public LogLevel MinimumLevel { get; }

    /// <summary>The line format: <see cref="LambdaLoggingOptions.Format"/> when set, otherwise <c>AWS_LAMBDA_LOG_FORMAT</c>.</summary>
    public LambdaLogFormat Format { get; }

    /// <summary>Whether invocation metrics are written.</summary>
    public bool MetricsEnabled => _options.EnableMetrics;

    internal LogOutputQueue Queue => _queue;

    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= MinimumLevel;

    /// <summary>Writes a plain message (the <see cref="ILambdaLogger"/> path).</summary>
    public void Write(LogLevel level, LogCategory? category, string? message, Exception? exception)
    {
        if (IsEnabled(level))
        {
            WriteLine(level, category, message ?? string.Empty, properties: null, exception);
        }
    }

    /// <summary>Writes an <see cref="ILogger"/> entry; message-template properties become JSON fields.</summary>
    public void Write<TState>(LogLevel level, LogCategory? category, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var message = formatter(state, exception) ?? string.Empty;
        var properties = Format == LambdaLogFormat.Json ? state as IReadOnlyList<KeyValuePair<string, object?>> : null;
        WriteLine(level, category, message, properties, exception);
    }

    /// <summary>Writes the Embedded Metric Format line of an invocation, when metrics are on.</summary>
    public void WriteInvocationMetrics(InvocationContext invocation, TimeSpan duration, InvocationOutcome outcome)
    {
        if (!_options.EnableMetrics)
        {
            return;
        }

        var scratch = LogLineScratch.Rent();
        try
        {
            LogLineFormatter.WriteMetrics(scratch, _time.GetUtcNow(), _options.MetricsNamespace, _environment.FunctionName, invocation, duration, outcome);
            _queue.Enqueue(scratch.Bytes.WrittenSpan);
        }
        finally
        {
            LogLineScratch.Return(scratch);
        }
    }

    /// <summary>
    /// Writes the lines logged so far to stdout on the caller's thread (the loop's flush before <c>next</c>); waits at most
    /// two seconds for the writer thread when it is writing at that moment.
    /// </summary>
    public void Flush() => _queue.Flush(InvocationFlushTimeout);

    /// <summary>Writes the lines logged so far to stdout, waiting at most <paramref name="timeout"/> for the writer thread.</summary>
    public void Flush(TimeSpan timeout) => _queue.Flush(timeout);

    /// <summary>Writes what is queued; later lines are written synchronously.</summary>
    public void Dispose()
    {
        if (_onProcessExit is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        }

        _queue.Dispose();
    }

    internal static LogLevel ParseLevel(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    internal static LambdaLogFormat ParseFormat(string? value)
        => string.Equals(value?.Trim(), "JSON", StringComparison.OrdinalIgnoreCase) ? LambdaLogFormat.Json : LambdaLogFormat.Text;

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "INFO",
    };

    private void WriteLine(LogLevel level, LogCategory? category, string message, IReadOnlyList<KeyValuePair<string, object?>>? properties, Exception? exception)
    {
        var entry = new LogEntry(_time.GetUtcNow(), level, category, message, CurrentInvocation.Context, properties, exception);
        var scratch = LogLineScratch.Rent();
        try
        {
            try
            {
                FormatLine(scratch, entry);
            }
            catch (Exception formatting) when (properties is not null)
            {
                // A property's ToString() threw: keep the line, without its properties.
                scratch.Bytes.Reset();
                FormatLine(scratch, entry with { Message = $"{message} (properties not logged: {formatting.GetType().Name})", Properties = null });
            }

            _queue.Enqueue(scratch.Bytes.WrittenSpan);
        }
        finally
        {
            LogLineScratch.Return(scratch);
        }
    }

    private void FormatLine(LogLineScratch scratch, in LogEntry entry)
    {
        if (Format == LambdaLogFormat.Json)
        {
            LogLineFormatter.WriteJson(scratch, entry);
        }
        else
        {
            LogLineFormatter.WriteText(scratch.Bytes, entry);
        }
    }

    private void ReportDropped(long dropped)
    {
        var scratch = LogLineScratch.Rent();
        try
        {
            var message = $"LambdaKit: {dropped} log line(s) were dropped because stdout was slow.";
            FormatLine(scratch, new LogEntry(_time.GetUtcNow(), LogLevel.Warning, null, message, null, null, null));
            _queue.Enqueue(scratch.Bytes.WrittenSpan, force: true);
        }
        finally
        {
            LogLineScratch.Return(scratch);
        }
    }
}
