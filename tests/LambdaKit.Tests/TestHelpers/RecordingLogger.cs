using Microsoft.Extensions.Logging;

namespace LambdaKit.Tests.TestHelpers;

/// <summary>An <see cref="ILambdaLogger"/> that keeps what it was given.</summary>
internal sealed class RecordingLogger : ILambdaLogger
{
    public List<(LogLevel Level, string Message)> Lines { get; } = [];

    public void Log(string message) => Lines.Add((LogLevel.Information, message));

    public void LogLine(string message) => Lines.Add((LogLevel.Information, message));

    public void Log(LogLevel level, string message) => Lines.Add((level, message));

    public void Log(LogLevel level, Exception? exception, string message) => Lines.Add((level, message));
}
