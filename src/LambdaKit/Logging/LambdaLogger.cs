using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>
/// The <see cref="ILambdaLogger"/> of <see cref="ILambdaContext.Logger"/>: one instance for the process; each line is tagged
/// with the invocation of the asynchronous flow that writes it.
/// </summary>
internal sealed class LambdaLogger(LambdaLogWriter writer) : ILambdaLogger
{
    public void Log(string message) => writer.Write(LogLevel.Information, null, message, null);

    public void LogLine(string message) => writer.Write(LogLevel.Information, null, message, null);

    public void Log(LogLevel level, string message) => writer.Write(level, null, message, null);

    public void Log(LogLevel level, Exception? exception, string message) => writer.Write(level, null, message, exception);
}
