using System.Collections;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using LambdaKit.Context;
using LambdaKit.Serialization;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Logging;

/// <summary>
/// Formats one log line, as Lambda's advanced logging controls read them: the text format
/// (<c>timestamp&#9;requestId&#9;LEVEL&#9;message</c>) or one JSON object with <c>timestamp</c>, <c>level</c>, <c>message</c>,
/// <c>logger</c>, <c>requestId</c>, <c>traceId</c>, <c>coldStart</c>, the message-template properties, and
/// <c>errorType</c>/<c>errorMessage</c>/<c>stackTrace</c> for an exception. No reflection: values are written by type.
/// </summary>
internal static class LogLineFormatter
{
    private const string OriginalFormat = "{OriginalFormat}";
    private const int TimestampLength = 24;

    private static readonly JsonEncodedText TimestampName = Encode("timestamp");
    private static readonly JsonEncodedText LevelName = Encode("level");
    private static readonly JsonEncodedText MessageName = Encode("message");
    private static readonly JsonEncodedText LoggerName = Encode("logger");
    private static readonly JsonEncodedText RequestIdName = Encode("requestId");
    private static readonly JsonEncodedText TraceIdName = Encode("traceId");
    private static readonly JsonEncodedText ColdStartName = Encode("coldStart");
    private static readonly JsonEncodedText ErrorTypeName = Encode("errorType");
    private static readonly JsonEncodedText ErrorMessageName = Encode("errorMessage");
    private static readonly JsonEncodedText StackTraceName = Encode("stackTrace");

    private static readonly JsonEncodedText[] JsonLevels =
    [
        Encode("TRACE"), Encode("DEBUG"), Encode("INFO"), Encode("WARN"), Encode("ERROR"), Encode("FATAL"),
    ];

    private static readonly byte[][] TextLevels =
    [
        "TRACE"u8.ToArray(), "DEBUG"u8.ToArray(), "INFO"u8.ToArray(), "WARN"u8.ToArray(), "ERROR"u8.ToArray(), "FATAL"u8.ToArray(),
    ];

    /// <summary>What separates a text line's message from its exception: <c>": "</c>, or a space after punctuation.</summary>
    internal static ReadOnlySpan<byte> ExceptionSeparator(string message) => message.Length == 0
        ? []
        : message[^1] is '.' or ':' or '!' or '?' or ';' ? " "u8 : ": "u8;

    /// <summary>
    /// Formats a text line: <c>timestamp&#9;requestId&#9;LEVEL&#9;message</c>; an exception follows the message after
    /// <c>": "</c>, its line breaks written as carriage returns so that the entry stays one CloudWatch event.
    /// </summary>
    public static void WriteText(PooledBufferWriter buffer, in LogEntry entry)
    {
        var (now, level, _, message, invocation, _, exception) = entry;
        WriteTimestamp(buffer, now);
        buffer.Write((byte)'\t');
        if (invocation is not null)
        {
            buffer.WriteUtf8(invocation.AwsRequestId);
        }

        buffer.Write((byte)'\t');
        buffer.Write(TextLevels[LevelIndex(level)]);
        buffer.Write((byte)'\t');
        WriteOneLine(buffer, message);
        if (exception is not null)
        {
            // "Invocation 8f71… failed: System.InvalidOperationException: …": a visible separator, not only a line break
            // that some viewers drop.
            buffer.Write(ExceptionSeparator(message));
            WriteOneLine(buffer, exception.ToString());
        }

        buffer.Write((byte)'\n');
    }

    /// <summary>Formats a JSON line.</summary>
    public static void WriteJson(LogLineScratch scratch, in LogEntry entry)
    {
        var (now, level, category, message, invocation, properties, exception) = entry;
        var json = scratch.StartJson();
        json.WriteStartObject();
        Span<byte> timestamp = stackalloc byte[TimestampLength];
        FormatTimestamp(now, timestamp);
        json.WriteString(TimestampName, timestamp);
        json.WriteString(LevelName, JsonLevels[LevelIndex(level)]);
        json.WriteString(MessageName, message);
        if (category is not null)
        {
            json.WriteString(LoggerName, category.Encoded);
        }

        WriteInvocation(json, invocation);
        if (properties is not null)
        {
            WriteProperties(json, properties);
        }

        if (exception is not null)
        {
            WriteException(json, exception);
        }

        json.WriteEndObject();
        json.Flush();
        scratch.Bytes.Write((byte)'\n');
    }

    /// <summary>Formats a CloudWatch Embedded Metric Format line for one invocation.</summary>
    public static void WriteMetrics(
        LogLineScratch scratch,
        DateTimeOffset now,
        string metricsNamespace,
        string functionName,
        InvocationContext invocation,
        TimeSpan duration,
        InvocationOutcome outcome)
    {
        var json = scratch.StartJson();
        var records = outcome.RecordsProcessed;
        var failed = outcome.Error is not null;
        json.WriteStartObject();
        json.WriteStartObject("_aws");
        json.WriteNumber("Timestamp", now.ToUnixTimeMilliseconds());
        json.WriteStartArray("CloudWatchMetrics");
        json.WriteStartObject();
        json.WriteString("Namespace", metricsNamespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        json.WriteStringValue("FunctionName");
        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        WriteMetricDefinition(json, "Duration", "Milliseconds");
        WriteMetricDefinition(json, "ColdStart", "Count");
        WriteMetricDefinition(json, "Errors", "Count");
        if (records is not null)
        {
            WriteMetricDefinition(json, "RecordsProcessed", "Count");
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteString("FunctionName", functionName);
        json.WriteNumber("Duration", Math.Round(duration.TotalMilliseconds, 3));
        json.WriteNumber("ColdStart", invocation.IsColdStart ? 1 : 0);
        json.WriteNumber("Errors", failed ? 1 : 0);
        if (records is not null)
        {
            json.WriteNumber("RecordsProcessed", records.Value);
        }

        json.WriteString(RequestIdName, invocation.AwsRequestId);
        var traceId = TraceRoot(invocation.TraceId);
        if (!traceId.IsEmpty)
        {
            json.WriteString(TraceIdName, traceId);
        }

        json.WriteEndObject();
        json.Flush();
        scratch.Bytes.Write((byte)'\n');
    }

    /// <summary>The <c>Root=</c> part of an X-Ray trace header (the whole value when it is not an X-Ray header).</summary>
    public static ReadOnlySpan<char> TraceRoot(string? header)
    {
        if (string.IsNullOrEmpty(header))
        {
            return default;
        }

        var span = header.AsSpan();
        var start = span.IndexOf("Root=", StringComparison.Ordinal);
        if (start < 0)
        {
            return span;
        }

        span = span[(start + 5)..];
        var end = span.IndexOf(';');
        return end < 0 ? span : span[..end];
    }

    /// <summary>Writes <c>yyyy-MM-ddTHH:mm:ss.fffZ</c> (RFC 3339, UTC, milliseconds) into 24 bytes.</summary>
    public static void FormatTimestamp(DateTimeOffset now, Span<byte> destination)
    {
        var utc = now.UtcDateTime;
        var (year, month, day) = utc;
        var time = utc.TimeOfDay;
        Digits(destination[..4], year);
        destination[4] = (byte)'-';
        Digits(destination.Slice(5, 2), month);
        destination[7] = (byte)'-';
        Digits(destination.Slice(8, 2), day);
        destination[10] = (byte)'T';
        Digits(destination.Slice(11, 2), time.Hours);
        destination[13] = (byte)':';
        Digits(destination.Slice(14, 2), time.Minutes);
        destination[16] = (byte)':';
        Digits(destination.Slice(17, 2), time.Seconds);
        destination[19] = (byte)'.';
        Digits(destination.Slice(20, 3), time.Milliseconds);
        destination[23] = (byte)'Z';
    }

    internal static int LevelIndex(LogLevel level) => level switch
    {
        LogLevel.Trace => 0,
        LogLevel.Debug => 1,
        LogLevel.Warning => 3,
        LogLevel.Error => 4,
        LogLevel.Critical => 5,
        _ => 2,
    };

    private static void WriteTimestamp(PooledBufferWriter buffer, DateTimeOffset now)
    {
        FormatTimestamp(now, buffer.GetSpan(TimestampLength));
        buffer.Advance(TimestampLength);
    }

    /// <summary>
    /// Writes text as UTF-8 with its line feeds as carriage returns: a line feed would split the entry into several
    /// CloudWatch events; Lambda's own runtimes write a carriage return.
    /// </summary>
    private static void WriteOneLine(PooledBufferWriter buffer, string text) => buffer.WriteUtf8(text).Replace((byte)'\n', (byte)'\r');

    private static void WriteInvocation(Utf8JsonWriter json, InvocationContext? invocation)
    {
        if (invocation is null)
        {
            return;
        }

        json.WriteString(RequestIdName, invocation.AwsRequestId);
        var traceId = TraceRoot(invocation.TraceId);
        if (!traceId.IsEmpty)
        {
            json.WriteString(TraceIdName, traceId);
        }

        json.WriteBoolean(ColdStartName, invocation.IsColdStart);
    }

    private static void WriteProperties(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> properties)
    {
        var count = properties.Count;
        for (var i = 0; i < count; i++)
        {
            var (name, value) = properties[i];
            if (string.IsNullOrEmpty(name) || name == OriginalFormat)
            {
                continue;
            }

            // A property may not hide one of Lambda's fields: it is written with a leading underscore instead.
            if (IsReserved(name))
            {
                json.WritePropertyName("_" + name);
            }
            else
            {
                json.WritePropertyName(name);
            }

            WriteValue(json, value, nested: false);
        }
    }

    private static bool IsReserved(string name) => name is "timestamp" or "level" or "message" or "logger" or "requestId"
        or "traceId" or "coldStart" or "errorType" or "errorMessage" or "stackTrace";

    private static void WriteValue(Utf8JsonWriter json, object? value, bool nested)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case float number when float.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case short number:
                json.WriteNumberValue(number);
                break;
            case byte number:
                json.WriteNumberValue(number);
                break;
            case sbyte number:
                json.WriteNumberValue(number);
                break;
            case ushort number:
                json.WriteNumberValue(number);
                break;
            case uint number:
                json.WriteNumberValue(number);
                break;
            case ulong number:
                json.WriteNumberValue(number);
                break;
            case DateTime time:
                json.WriteStringValue(time);
                break;
            case DateTimeOffset time:
                json.WriteStringValue(time);
                break;
            case Guid id:
                json.WriteStringValue(id);
                break;
            case char character:
                json.WriteStringValue([character]);
                break;
            case Enum:
                json.WriteStringValue(value.ToString());
                break;
            case ISpanFormattable formattable:
                WriteFormattable(json, formattable);
                break;
            case IEnumerable items when !nested && value is not IDictionary:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(json, item, nested: true);
                }

                json.WriteEndArray();
                break;
            case IFormattable formattable:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                json.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteFormattable(Utf8JsonWriter json, ISpanFormattable value)
    {
        Span<char> chars = stackalloc char[128];
        if (value.TryFormat(chars, out var written, default, CultureInfo.InvariantCulture))
        {
            json.WriteStringValue(chars[..written]);
        }
        else
        {
            json.WriteStringValue(value.ToString(null, CultureInfo.InvariantCulture));
        }
    }

    private static void WriteException(Utf8JsonWriter json, Exception exception)
    {
        json.WriteString(ErrorTypeName, exception.GetType().FullName ?? exception.GetType().Name);
        json.WriteString(ErrorMessageName, exception.Message);
        json.WriteStartArray(StackTraceName);
        var text = exception.ToString().AsSpan();
        while (!text.IsEmpty)
        {
            var end = text.IndexOf('\n');
            var line = (end < 0 ? text : text[..end]).Trim();
            if (!line.IsEmpty)
            {
                json.WriteStringValue(line);
            }

            text = end < 0 ? default : text[(end + 1)..];
        }

        json.WriteEndArray();
    }

    private static void WriteMetricDefinition(Utf8JsonWriter json, string name, string unit)
    {
        json.WriteStartObject();
        json.WriteString("Name", name);
        json.WriteString("Unit", unit);
        json.WriteEndObject();
    }

    private static void Digits(Span<byte> destination, int value)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + (value % 10));
            value /= 10;
        }
    }

    private static JsonEncodedText Encode(string value) => JsonEncodedText.Encode(value, JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
}
