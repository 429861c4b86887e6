using System.Buffers;
using System.Text;

namespace LambdaKit.Serialization;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> over arrays rented from <see cref="ArrayPool{T}.Shared"/>, reused across invocations
/// (responses, HTTP bodies) and log lines. It doubles when it runs out; <see cref="Reset"/> keeps the array unless it grew
/// past the size given at construction, which then goes back to the pool.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private const int DefaultSize = 16 * 1024;
    private const int DefaultKeepAtMost = 1024 * 1024;

    /// <summary>Above this many characters, <see cref="WriteUtf8"/> counts the bytes instead of reserving the worst case.</summary>
    private const int CountBytesAbove = 4096;

    private readonly int _initialSize;
    private readonly int _keepAtMost;
    private byte[] _buffer;
    private int _written;

    /// <param name="initialSize">The size first rented, and rented again when <see cref="Reset"/> gives a large array back.</param>
    /// <param name="keepAtMost">The largest array <see cref="Reset"/> keeps.</param>
    public PooledBufferWriter(int initialSize = DefaultSize, int keepAtMost = DefaultKeepAtMost)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialSize);
        ArgumentOutOfRangeException.ThrowIfLessThan(keepAtMost, initialSize);
        _initialSize = initialSize;
        _keepAtMost = keepAtMost;
        _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    }

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, _written);

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public int WrittenCount => _written;

    /// <summary>The length of the array written into now (for tests of growth and reset).</summary>
    internal int Capacity => _buffer.Length;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_written + count > _buffer.Length)
        {
            throw new InvalidOperationException("Cannot advance past the end of the buffer.");
        }

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

    /// <summary>Appends <paramref name="bytes"/>.</summary>
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_written));
        _written += bytes.Length;
    }

    /// <summary>Appends one byte.</summary>
    public void Write(byte value)
    {
        Ensure(1);
        _buffer[_written++] = value;
    }

    /// <summary>Appends <paramref name="text"/> as UTF-8; returns the bytes written, as a span that may be changed in place.</summary>
    public Span<byte> WriteUtf8(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return [];
        }

        var max = text.Length <= CountBytesAbove ? Encoding.UTF8.GetMaxByteCount(text.Length) : Encoding.UTF8.GetByteCount(text);
        var destination = GetSpan(max);
        var count = Encoding.UTF8.GetBytes(text, destination);
        _written += count;
        return destination[..count];
    }

    /// <summary>Forgets what was written; gives a very large buffer back to the pool.</summary>
    public void Reset()
    {
        _written = 0;
        if (_buffer.Length > _keepAtMost)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(_initialSize);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        _written = 0;
    }

    private void Ensure(int sizeHint)
    {
        var needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _written + needed));
        _buffer.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
