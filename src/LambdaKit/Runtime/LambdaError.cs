using System.Buffers;
using System.Reflection;
using System.Text.Json;

namespace LambdaKit;

/// <summary>
/// The error envelope Lambda expects on <c>/error</c> and <c>/init/error</c>:
/// <c>{"errorType": …, "errorMessage": …, "stackTrace": […], "cause": {…}}</c>.
/// Every failure LambdaKit reports is mapped to this shape here, in one place.
/// </summary>
public sealed class LambdaError
{
    /// <summary>The content type of an error report.</summary>
    internal const string ContentType = "application/vnd.aws.lambda.error+json";

    /// <summary>The header that carries the error category to Lambda.</summary>
    internal const string ErrorTypeHeader = "Lambda-Runtime-Function-Error-Type";

    private const int MaxDepth = 8;
    private const int MaxMessageLength = 32 * 1024;
    private const int MaxCauseMessageLength = 4 * 1024;
    private const int MaxFrameLength = 1024;

    /// <summary>The largest envelope sent (AWS's own .NET client caps error bodies at 256 KB).</summary>
    internal const int MaxEnvelopeBytes = 256 * 1024;

    /// <summary>Creates an error report.</summary>
    /// <param name="errorType">The error type callers catch on (for example <c>Runtime.UnknownEventSource</c> or an exception's type name).</param>
    /// <param name="errorMessage">What went wrong.</param>
    /// <param name="stackTrace">The stack frames, one per line.</param>
    /// <param name="cause">The error that caused this one, if any.</param>
    public LambdaError(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null, LambdaError? cause = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorType);
        ErrorType = errorType;
        ErrorMessage = errorMessage ?? string.Empty;
        StackTrace = stackTrace ?? [];
        Cause = cause;
    }

    /// <summary>The error type; also sent as the <c>Lambda-Runtime-Function-Error-Type</c> header.</summary>
    public string ErrorType { get; }

    /// <summary>The exception's message (empty when it had none), cut to 32 KiB, or 4 KiB for a nested cause.</summary>
    public string ErrorMessage { get; }

    /// <summary>The stack trace, one frame per entry.</summary>
    public IReadOnlyList<string> StackTrace { get; }

    /// <summary>The nested cause, if any.</summary>
    public LambdaError? Cause { get; }

    /// <summary>
    /// Maps an exception to an error report. The error type is, in order: <see cref="ILambdaErrorType.ErrorType"/> when the
    /// exception implements it, the <see cref="LambdaErrorTypeAttribute"/> on its class, or its type name.
    /// Inner exceptions become nested causes.
    /// </summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The error report.</returns>
    public static LambdaError FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FromException(exception, errorTypeOverride: null, depth: 0);
    }

    /// <summary>Maps an exception to an error report with an explicit error type (for example <c>Function.JsonDeserializationError</c>).</summary>
    /// <param name="errorType">The error type to report.</param>
    /// <param name="exception">The exception.</param>
    /// <returns>The error report.</returns>
    public static LambdaError FromException(string errorType, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FromException(exception, errorType, depth: 0);
    }

    /// <summary>Chooses the error type of an exception (see <see cref="FromException(Exception)"/>).</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The error type.</returns>
    public static string GetErrorType(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is ILambdaErrorType { ErrorType: { Length: > 0 } chosen })
        {
            return chosen;
        }

        var attribute = exception.GetType().GetCustomAttribute<LambdaErrorTypeAttribute>(inherit: true);
        return attribute?.ErrorType ?? exception.GetType().Name;
    }

    private static LambdaError FromException(Exception exception, string? errorTypeOverride, int depth)
    {
        // Any member of a user's exception may throw (an overridden Message, StackTrace or ErrorType): the report must not.
        var inner = Read(() => exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception.InnerException, null);
        var cause = inner is not null && depth < MaxDepth ? FromException(inner, null, depth + 1) : null;
        var errorType = errorTypeOverride ?? Read(() => GetErrorType(exception), null);
        return new LambdaError(
            string.IsNullOrEmpty(errorType) ? exception.GetType().Name : errorType,
            Truncate(Read(() => exception.Message, "(the exception's message could not be read)"), depth == 0 ? MaxMessageLength : MaxCauseMessageLength),
            SplitStackTrace(Read(() => exception.StackTrace, null), depth == 0 ? 50 : 10),
            cause);
    }

    private static T Read<T>(Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // A throwing member of a user's exception must not stop the report.
        catch (Exception)
#pragma warning restore CA1031
        {
            return fallback;
        }
    }

    /// <summary>Writes the envelope as UTF-8 JSON.</summary>
    /// <param name="output">Where to write.</param>
    internal void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output);
        Write(writer, this, 0);
        writer.Flush();
    }

    /// <summary>Serializes the envelope to UTF-8 JSON bytes.</summary>
    /// <returns>The JSON bytes.</returns>
    /// <remarks>The result is at most 256 KB: a larger envelope (user-built, or heavily escaped) is sent without its causes and with a shortened message.</remarks>
    internal byte[] ToUtf8Json()
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        WriteTo(buffer);
        if (buffer.WrittenCount <= MaxEnvelopeBytes)
        {
            return buffer.WrittenSpan.ToArray();
        }

        var shortened = new LambdaError(
            Truncate(ErrorType, 256),
            Truncate(ErrorMessage, 8 * 1024) + " (report shortened: it was over 256 KB)",
            StackTrace.Take(20).Select(frame => Truncate(frame, 512)).ToArray());
        buffer.Clear();
        shortened.WriteTo(buffer);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, LambdaError error, int depth)
    {
        writer.WriteStartObject();
        writer.WriteString("errorType", error.ErrorType);
        writer.WriteString("errorMessage", error.ErrorMessage);
        writer.WriteStartArray("stackTrace");
        foreach (var frame in error.StackTrace)
        {
            writer.WriteStringValue(frame);
        }

        writer.WriteEndArray();
        if (error.Cause is not null && depth < MaxDepth)
        {
            writer.WritePropertyName("cause");
            Write(writer, error.Cause, depth + 1);
        }

        writer.WriteEndObject();
    }

    private static string[] SplitStackTrace(string? stackTrace, int maxFrames)
    {
        if (string.IsNullOrEmpty(stackTrace))
        {
            return [];
        }

        var lines = stackTrace.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length > maxFrames)
        {
            lines = lines[..maxFrames];
        }

        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Truncate(lines[i], MaxFrameLength);
        }

        return lines;
    }

    private static string Truncate(string message, int maxLength)
        => message.Length <= maxLength ? message : string.Concat(message.AsSpan(0, maxLength), "…");
}
