using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace LambdaKit.Logging;

/// <summary>
/// The growable byte buffer one log line is formatted into, with its <see cref="Utf8JsonWriter"/>. One is cached per
/// thread and reused for every line, so formatting a line allocates nothing of its own.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The JSON writer holds no resources of its own (it writes into this buffer); the buffer lives as long as its thread.")]
internal sealed class LogLineBuffer : IBufferWriter<byte>
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
    private static LogLineBuffer? t_cached;

    private byte[] _buffer = new byte[InitialSize];
    private int _written;
    private Utf8JsonWriter? _json;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public int WrittenCount => _written;

    /// <summary>Takes this thread's buffer (a new one when a line is formatted while another is, on the same thread).</summary>
    public static LogLineBuffer Rent()
    {
        var buffer = t_cached;
        if (buffer is null)
        {
            return new LogLineBuffer();
        }

        t_cached = null;
        return buffer;
    }

    /// <summary>Gives the buffer back to this thread's cache.</summary>
    public static void Return(LogLineBuffer buffer)
    {
        buffer.Clear();
        t_cached = buffer;
    }

    /// <summary>A JSON writer over this buffer, reset for a new line.</summary>
    public Utf8JsonWriter StartJson()
    {
        if (_json is null)
        {
            _json = new Utf8JsonWriter(this, JsonOptions);
        }
        else
        {
            _json.Reset(this);
        }

        return _json;
    }

    public void Clear()
    {
        _written = 0;
        if (_buffer.Length > KeepAtMost)
        {
            _buffer = new byte[InitialSize];
            _json?.Reset(this);
        }
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - _written);
        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        _written += bytes.Length;
    }

    public void Write(byte value)
    {
        Ensure(1);
        _buffer[_written++] = value;
    }

    /// <summary>Writes text as UTF-8.</summary>
    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }

        var max = text.Length <= 4096 ? Encoding.UTF8.GetMaxByteCount(text.Length) : Encoding.UTF8.GetByteCount(text);
        _written += Encoding.UTF8.GetBytes(text, GetSpan(max));
    }

    /// <summary>Replaces one byte by another in what was written from <paramref name="start"/> on.</summary>
    public void Replace(int start, byte oldValue, byte newValue) => _buffer.AsSpan(start, _written - start).Replace(oldValue, newValue);

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 256);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var larger = new byte[Math.Max(_buffer.Length * 2, _written + needed)];
        _buffer.AsSpan(0, _written).CopyTo(larger);
        _buffer = larger;
    }
}
