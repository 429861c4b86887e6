using System.Buffers;

namespace LambdaKit.Runtime;

/// <summary>
/// One invocation as handed out by <c>GET /runtime/invocation/next</c>: its headers and its event bytes.
/// The event bytes live in a pooled buffer that is returned when the invocation is disposed.
/// </summary>
internal sealed class LambdaInvocation : IDisposable
{
    private byte[]? _rented;
    private readonly int _length;

    /// <summary>Creates an invocation over an event held in a buffer rented from <see cref="ArrayPool{T}.Shared"/> (or any array).</summary>
    /// <param name="headers">The invocation's headers.</param>
    /// <param name="buffer">The buffer that holds the event; returned to <see cref="ArrayPool{T}.Shared"/> on dispose when <paramref name="pooled"/>.</param>
    /// <param name="length">The number of bytes of the event in <paramref name="buffer"/>.</param>
    /// <param name="pooled">Whether <paramref name="buffer"/> was rented from <see cref="ArrayPool{T}.Shared"/>.</param>
    public LambdaInvocation(InvocationHeaders headers, byte[] buffer, int length, bool pooled)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, buffer.Length);
        Headers = headers;
        Buffer = buffer;
        _length = length;
        _rented = pooled ? buffer : null;
    }

    /// <summary>The invocation's headers.</summary>
    public InvocationHeaders Headers { get; }

    /// <summary>The event, as UTF-8 JSON bytes.</summary>
    public ReadOnlyMemory<byte> Payload => new(Buffer, 0, _length);

    private byte[] Buffer { get; }

    /// <summary>Returns the event buffer to the pool.</summary>
    public void Dispose()
    {
        var rented = Interlocked.Exchange(ref _rented, null);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
