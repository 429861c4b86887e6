using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing;

/// <summary>
/// Keeps the log lines of a <see cref="LambdaTestHost"/>: all of them, and those of the invocation running on the current
/// asynchronous flow. It is the function's <see cref="ILambdaLogger"/> and an <see cref="ILoggerProvider"/>.
/// </summary>
internal sealed class LogCapture : ILambdaLogger, ILoggerProvider
{
    private static readonly AsyncLocal<List<TestLogLine>?> CurrentInvocation = new();
    private readonly List<TestLogLine> _all = [];
    private readonly LogLevel _minimumLevel;

    public LogCapture(LogLevel minimumLevel)
    {
        _minimumLevel = minimumLevel;
    }

    public IReadOnlyList<TestLogLine> All
    {
        get
        {
            lock (_all)
            {
                return [.. _all];
            }
        }
    }

    /// <summary>Collects the lines written on this flow into <paramref name="lines"/> until the caller's flow ends.</summary>
    public static void CollectInto(List<TestLogLine> lines) => CurrentInvocation.Value = lines;

    public void Log(string message) => Add(new TestLogLine(LogLevel.Information, message ?? string.Empty));

    public void LogLine(string message) => Add(new TestLogLine(LogLevel.Information, message ?? string.Empty));

    public void Log(LogLevel level, string message) => Add(new TestLogLine(level, message ?? string.Empty));

    public void Log(LogLevel level, Exception? exception, string message) => Add(new TestLogLine(level, message ?? string.Empty, exception));

    public ILogger CreateLogger(string categoryName) => new CategoryLogger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(TestLogLine line)
    {
        if (line.Level < _minimumLevel || line.Level == LogLevel.None)
        {
            return;
        }

        lock (_all)
        {
            _all.Add(line);
        }

        if (CurrentInvocation.Value is { } lines)
        {
            lock (lines)
            {
                lines.Add(line);
            }
        }
    }

    private sealed class CategoryLogger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && logLevel >= owner._minimumLevel;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            ArgumentNullException.ThrowIfNull(formatter);
            owner.Add(new TestLogLine(logLevel, formatter(state, exception) ?? string.Empty, exception, category));
        }
    }
}
