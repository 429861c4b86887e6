using System.Globalization;
using System.Text;
using LambdaKit.Context;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>Writes log lines to stdout in the text format of Lambda's log controls, tagged with the current request id.</summary>
internal sealed class LambdaLogWriter
{
    private readonly TextWriter _output;
    private readonly TimeProvider _time;
    private readonly object _gate = new();

    public LambdaLogWriter(LambdaEnvironment environment, TimeProvider time, TextWriter? output = null)
    {
        _time = time;
        _output = output ?? Console.Out;
        MinimumLevel = ParseLevel(environment.LogLevel);
    }

    public LogLevel MinimumLevel { get; }

    public bool IsEnabled(LogLevel level) => level != LogLevel.None && level >= MinimumLevel;

    public void Write(LogLevel level, string category, string message, Exception? exception)
    {
        if (!IsEnabled(level))
        {
            return;
        }

        var requestId = InvocationScope.Current?.AwsRequestId;
        var builder = new StringBuilder(64 + message.Length);
        builder.Append(_time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture))
            .Append('\t').Append(requestId ?? string.Empty)
            .Append('\t').Append(LevelName(level))
            .Append('\t').Append(message);
        if (exception is not null)
        {
            builder.Append(' ').Append(exception);
        }

        _ = category;
        var line = builder.ToString();
        lock (_gate)
        {
            _output.WriteLine(line);
        }
    }

    internal static LogLevel ParseLevel(string? value) => value?.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "WARN" or "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "FATAL" or "CRITICAL" => LogLevel.Critical,
        _ => LogLevel.Information,
    };

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        LogLevel.Critical => "FATAL",
        _ => "INFO",
    };
}
