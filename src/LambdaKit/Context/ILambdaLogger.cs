using LambdaKit.Context;
using Microsoft.Extensions.Logging;

namespace LambdaKit;

/// <summary>
/// The logger on <see cref="ILambdaContext.Logger"/>. Lines carry the invocation's request id and follow
/// <c>AWS_LAMBDA_LOG_FORMAT</c> and <c>AWS_LAMBDA_LOG_LEVEL</c>. The members are those of <c>Amazon.Lambda.Core.ILambdaLogger</c>:
/// plain messages, levels by name or by <see cref="LogLevel"/>, and message templates (<c>"Order {OrderId} placed", id</c>) whose
/// placeholders are filled in order and, in the JSON format, become fields of the line. For categories and scopes,
/// inject <see cref="ILogger{TCategoryName}"/>.
/// </summary>
/// <remarks>
/// An implementation provides <see cref="Log(string)"/>, <see cref="LogLine"/>, <see cref="Log(LogLevel, string)"/> and
/// <see cref="Log(LogLevel, Exception?, string)"/>; the other members have default implementations, and
/// <see cref="Log(LogLevel, Exception?, string, object[])"/> may be overridden to keep the template's properties.
/// </remarks>
public interface ILambdaLogger
{
    /// <summary>Writes a message at information level.</summary>
    /// <param name="message">The message.</param>
    void Log(string message);

    /// <summary>Writes a message at information level.</summary>
    /// <param name="message">The message.</param>
    void LogLine(string message);

    /// <summary>Writes a message at the given level.</summary>
    /// <param name="level">The level.</param>
    /// <param name="message">The message.</param>
    void Log(LogLevel level, string message);

    /// <summary>Writes a message and an exception at the given level.</summary>
    /// <param name="level">The level.</param>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message.</param>
    void Log(LogLevel level, Exception? exception, string message);

    /// <summary>
    /// Writes a message template, its arguments and an exception at the given level: the placeholders (<c>{OrderId}</c>)
    /// are filled in order; in the JSON format each becomes a field of the line.
    /// </summary>
    /// <param name="level">The level.</param>
    /// <param name="exception">The exception, if any.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void Log(LogLevel level, Exception? exception, string message, params object[] args)
        => Log(level, exception, LogMessageTemplate.Format(message, args));

    /// <summary>Writes a message template and its arguments at the given level.</summary>
    /// <param name="level">The level.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void Log(LogLevel level, string message, params object[] args) => Log(level, (Exception?)null, message, args);

    /// <summary>
    /// Writes a message at a level given by name, as <c>Amazon.Lambda.Core</c> names them (<c>"Information"</c>, <c>"Warning"</c>…;
    /// Lambda's <c>"INFO"</c>, <c>"WARN"</c>, <c>"FATAL"</c> are understood too; an unknown name is information).
    /// </summary>
    /// <param name="level">The level name.</param>
    /// <param name="message">The message.</param>
    void Log(string level, string message) => Log(LogMessageTemplate.ParseLevel(level), message);

    /// <summary>Writes a message template and its arguments at a level given by name (see <see cref="Log(string, string)"/>).</summary>
    /// <param name="level">The level name.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void Log(string level, string message, params object[] args) => Log(LogMessageTemplate.ParseLevel(level), (Exception?)null, message, args);

    /// <summary>Writes a message template, its arguments and an exception at a level given by name (see <see cref="Log(string, string)"/>).</summary>
    /// <param name="level">The level name.</param>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void Log(string level, Exception? exception, string message, params object[] args) => Log(LogMessageTemplate.ParseLevel(level), exception, message, args);

    /// <summary>Writes a message at trace level.</summary>
    /// <param name="message">The message.</param>
    void LogTrace(string message) => Log(LogLevel.Trace, message);

    /// <summary>Writes a message at debug level.</summary>
    /// <param name="message">The message.</param>
    void LogDebug(string message) => Log(LogLevel.Debug, message);

    /// <summary>Writes a message at information level.</summary>
    /// <param name="message">The message.</param>
    void LogInformation(string message) => Log(LogLevel.Information, message);

    /// <summary>Writes a message at warning level.</summary>
    /// <param name="message">The message.</param>
    void LogWarning(string message) => Log(LogLevel.Warning, message);

    /// <summary>Writes a message at error level.</summary>
    /// <param name="message">The message.</param>
    void LogError(string message) => Log(LogLevel.Error, message);

    /// <summary>Writes a message at critical level.</summary>
    /// <param name="message">The message.</param>
    void LogCritical(string message) => Log(LogLevel.Critical, message);

    /// <summary>Writes a message template and its arguments at trace level.</summary>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogTrace(string message, params object[] args) => Log(LogLevel.Trace, (Exception?)null, message, args);

    /// <summary>Writes an exception, a message template and its arguments at trace level.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogTrace(Exception? exception, string message, params object[] args) => Log(LogLevel.Trace, exception, message, args);

    /// <summary>Writes a message template and its arguments at debug level.</summary>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogDebug(string message, params object[] args) => Log(LogLevel.Debug, (Exception?)null, message, args);

    /// <summary>Writes an exception, a message template and its arguments at debug level.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogDebug(Exception? exception, string message, params object[] args) => Log(LogLevel.Debug, exception, message, args);

    /// <summary>Writes a message template and its arguments at information level.</summary>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogInformation(string message, params object[] args) => Log(LogLevel.Information, (Exception?)null, message, args);

    /// <summary>Writes an exception, a message template and its arguments at information level.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogInformation(Exception? exception, string message, params object[] args) => Log(LogLevel.Information, exception, message, args);

    /// <summary>Writes a message template and its arguments at warning level.</summary>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogWarning(string message, params object[] args) => Log(LogLevel.Warning, (Exception?)null, message, args);

    /// <summary>Writes an exception, a message template and its arguments at warning level.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogWarning(Exception? exception, string message, params object[] args) => Log(LogLevel.Warning, exception, message, args);

    /// <summary>Writes a message template and its arguments at error level.</summary>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogError(string message, params object[] args) => Log(LogLevel.Error, (Exception?)null, message, args);

    /// <summary>Writes an exception, a message template and its arguments at error level.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogError(Exception? exception, string message, params object[] args) => Log(LogLevel.Error, exception, message, args);

    /// <summary>Writes a message template and its arguments at critical level.</summary>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogCritical(string message, params object[] args) => Log(LogLevel.Critical, (Exception?)null, message, args);

    /// <summary>Writes an exception, a message template and its arguments at critical level.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message template.</param>
    /// <param name="args">The values of the placeholders, in order.</param>
    void LogCritical(Exception? exception, string message, params object[] args) => Log(LogLevel.Critical, exception, message, args);
}
