using LambdaKit.Context;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>
/// The <see cref="ILambdaLogger"/> of <see cref="ILambdaContext.Logger"/>: one instance for the process; each line is tagged
/// with the invocation of the asynchronous flow that writes it. A message template's properties become JSON fields.
/// </summary>
internal sealed class LambdaLogger(LambdaLogWriter writer) : ILambdaLogger
{
    private readonly TemplateSink _templates = new(writer);

    public void Log(string message) => writer.Write(LogLevel.Information, null, message, null);

    public void LogLine(string message) => writer.Write(LogLevel.Information, null, message, null);

    public void Log(LogLevel level, string message) => writer.Write(level, null, message, null);

    public void Log(LogLevel level, Exception? exception, string message) => writer.Write(level, null, message, exception);

    public void Log(LogLevel level, Exception? exception, string message, params object[] args)
    {
        if (writer.IsEnabled(level))
        {
            LogMessageTemplate.Log(_templates, level, exception, message, args);
        }
    }

    /// <summary>Receives the template entry built by Microsoft.Extensions.Logging and writes it without a logger category.</summary>
    private sealed class TemplateSink(LambdaLogWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => writer.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => writer.Write(logLevel, null, state, exception, formatter);
    }
}
