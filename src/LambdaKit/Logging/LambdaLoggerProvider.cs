using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>
/// The <see cref="ILoggerProvider"/> that writes through <see cref="LambdaLogWriter"/> to stdout. In JSON, the category is
/// the <c>logger</c> field and the message-template properties are fields of their own.
/// </summary>
[ProviderAlias("Lambda")]
internal sealed class LambdaLoggerProvider(LambdaLogWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CategoryLogger(writer, new LogCategory(categoryName));

    public void Dispose()
    {
        // The writer belongs to the container: it outlives the logger factory so that disposal-time lines still get out.
    }

    private sealed class CategoryLogger(LambdaLogWriter writer, LogCategory category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => writer.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => writer.Write(logLevel, category, state, exception, formatter);
    }
}
