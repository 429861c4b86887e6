using Microsoft.Extensions.Logging;

namespace LambdaKit;

/// <summary>
/// The logger on <see cref="ILambdaContext.Logger"/>. Lines carry the invocation's request id and follow
/// <c>AWS_LAMBDA_LOG_FORMAT</c> and <c>AWS_LAMBDA_LOG_LEVEL</c>. For structured logging, inject <see cref="ILogger{TCategoryName}"/>.
/// </summary>
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
}
