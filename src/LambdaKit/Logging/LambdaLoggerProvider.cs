using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>The <see cref="ILoggerProvider"/> that writes through <see cref="LambdaLogWriter"/> to stdout.</summary>
[ProviderAlias("Lambda")]
internal sealed class LambdaLoggerProvider(LambdaLogWriter writer) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new CategoryLogger(writer, categoryName);

    public void Dispose()
    {
    }

    private sealed class CategoryLogger(LambdaLogWriter writer, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => writer.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (writer.IsEnabled(logLevel))
            {
                writer.Write(logLevel, category, formatter(state, exception), exception);
            }
        }
    }
}
