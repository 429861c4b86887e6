using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>The <see cref="ILambdaLogger"/> of <see cref="ILambdaContext.Logger"/>: one instance, the request id comes from the current invocation.</summary>
internal sealed class LambdaLogger(LambdaLogWriter writer) : ILambdaLogger
{
    private const string Category = "LambdaKit.Function";

    public void Log(string message) => writer.Write(LogLevel.Information, Category, message, null);

    public void LogLine(string message) => writer.Write(LogLevel.Information, Category, message, null);

    public void Log(LogLevel level, string message) => writer.Write(level, Category, message, null);

    public void Log(LogLevel level, Exception? exception, string message) => writer.Write(level, Category, message, exception);
}
