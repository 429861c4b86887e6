using System.Text;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing;

/// <summary>
/// An <see cref="ILambdaLogger"/> for unit tests, like <c>Amazon.Lambda.TestUtilities.TestLambdaLogger</c>: it keeps every line
/// with its level (<see cref="Lines"/>) and the text written (<see cref="Buffer"/>: <see cref="Log(string)"/> appends the message
/// as it is, every other member appends it and a line break). Message templates are filled in as LambdaKit fills them.
/// Safe to use from several threads. The level and template members (<c>LogWarning</c>, <c>LogError(exception, …)</c>) are
/// default members of <see cref="ILambdaLogger"/>: call them through that interface (as <c>context.Logger</c> is typed).
/// </summary>
public sealed class TestLambdaLogger : ILambdaLogger
{
    private readonly List<TestLogLine> _lines = [];

    /// <summary>The text written so far. Lock on it to read while other threads write.</summary>
    public StringBuilder Buffer { get; } = new();

    /// <summary>A snapshot of the lines written so far, in order.</summary>
    public IReadOnlyList<TestLogLine> Lines
    {
        get
        {
            lock (Buffer)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Writes a message at information level, without a line break in <see cref="Buffer"/>.</summary>
    /// <param name="message">The message.</param>
    public void Log(string message) => Add(new TestLogLine(LogLevel.Information, message ?? string.Empty), lineBreak: false);

    /// <summary>Writes a message at information level.</summary>
    /// <param name="message">The message.</param>
    public void LogLine(string message) => Add(new TestLogLine(LogLevel.Information, message ?? string.Empty), lineBreak: true);

    /// <summary>Writes a message at the given level.</summary>
    /// <param name="level">The level.</param>
    /// <param name="message">The message.</param>
    public void Log(LogLevel level, string message) => Add(new TestLogLine(level, message ?? string.Empty), lineBreak: true);

    /// <summary>Writes a message and an exception at the given level.</summary>
    /// <param name="level">The level.</param>
    /// <param name="exception">The exception.</param>
    /// <param name="message">The message.</param>
    public void Log(LogLevel level, Exception? exception, string message) => Add(new TestLogLine(level, message ?? string.Empty, exception), lineBreak: true);

    /// <summary>Forgets what was written.</summary>
    public void Clear()
    {
        lock (Buffer)
        {
            _lines.Clear();
            Buffer.Clear();
        }
    }

    private void Add(TestLogLine line, bool lineBreak)
    {
        lock (Buffer)
        {
            _lines.Add(line);
            Buffer.Append(line.Message);
            if (lineBreak)
            {
                Buffer.Append('\n');
            }
        }
    }
}
