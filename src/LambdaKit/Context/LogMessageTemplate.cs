using Microsoft.Extensions.Logging;

namespace LambdaKit.Context;

/// <summary>
/// Message templates (<c>"Order {OrderId} placed"</c>) and level names for the <see cref="ILambdaLogger"/> overloads of
/// <c>Amazon.Lambda.Core</c>: placeholders are filled in order, as Microsoft.Extensions.Logging fills them.
/// </summary>
internal static class LogMessageTemplate
{
    /// <summary>
    /// A level name of <c>Amazon.Lambda.Core</c> or of Lambda's log levels (<c>Trace</c>, <c>Debug</c>, <c>Information</c>/<c>Info</c>,
    /// <c>Warning</c>/<c>Warn</c>, <c>Error</c>, <c>Critical</c>/<c>Fatal</c>, any case); anything else is information.
    /// </summary>
    public static LogLevel ParseLevel(string? level) => level?.Trim().ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    /// <summary>
    /// Hands the message and its arguments to <paramref name="logger"/> as a Microsoft.Extensions.Logging entry, whose state
    /// lists the template's properties by name and formats the message.
    /// </summary>
    public static void Log(ILogger logger, LogLevel level, Exception? exception, string message, object?[] args)
    {
#pragma warning disable CA2254, CA1848 // The template is the caller's: this is the Amazon.Lambda.Core-style entry point to it.
        logger.Log(level, exception, message, args);
#pragma warning restore CA2254, CA1848
    }

    /// <summary>The message with the placeholders of its template filled in order with <paramref name="args"/>.</summary>
    public static string Format(string message, object?[] args)
    {
        if (args is null || args.Length == 0)
        {
            return message;
        }

        var capture = new Capture();
        Log(capture, LogLevel.Information, null, message, args);
        return capture.Text ?? message;
    }

    private sealed class Capture : ILogger
    {
        public string? Text { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            => Text = formatter(state, exception);
    }
}
