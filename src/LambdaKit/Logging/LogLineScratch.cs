using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using LambdaKit.Serialization;

namespace LambdaKit.Logging;

/// <summary>
/// What one log line is formatted into: a <see cref="PooledBufferWriter"/> and the <see cref="Utf8JsonWriter"/> over it.
/// One is cached per thread and reused for every line, so formatting a line allocates nothing of its own.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The scratch lives as long as its thread; its pooled array is collected with it.")]
internal sealed class LogLineScratch
{
    private const int InitialSize = 1024;
    private const int KeepAtMost = 64 * 1024;

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        // Log lines are read by people and CloudWatch, not embedded in HTML: keep non-ASCII text and quotes readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    [ThreadStatic]
    private static LogLineScratch? t_cached;

    private Utf8JsonWriter? _json;

    /// <summary>The bytes of the line.</summary>
    public PooledBufferWriter Bytes { get; } = new(InitialSize, KeepAtMost);

    /// <summary>Takes this thread's scratch (a new one when a line is formatted while another is, on the same thread).</summary>
    public static LogLineScratch Rent()
    {
        var scratch = t_cached;
        if (scratch is null)
        {
            return new LogLineScratch();
        }

        t_cached = null;
        return scratch;
    }

    /// <summary>Gives the scratch back to this thread's cache.</summary>
    public static void Return(LogLineScratch scratch)
    {
        scratch.Bytes.Reset();
        t_cached = scratch;
    }

    /// <summary>A JSON writer over <see cref="Bytes"/>, reset for a new line.</summary>
    public Utf8JsonWriter StartJson()
    {
        if (_json is null)
        {
            _json = new Utf8JsonWriter(Bytes, JsonOptions);
        }
        else
        {
            _json.Reset(Bytes);
        }

        return _json;
    }
}
