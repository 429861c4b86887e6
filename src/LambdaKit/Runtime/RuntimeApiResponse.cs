using System.Buffers;
using System.Net;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>A response of the Runtime API as read by <see cref="RuntimeApiConnection"/>.</summary>
internal sealed class RuntimeApiResponse
{
    private RuntimeHeaderValues _invocationHeaders;

    public HttpStatusCode StatusCode { get; set; }

    public long ContentLength { get; set; }

    public bool Chunked { get; set; }

    public bool Close { get; set; }

    public PooledBody Body { get; set; }

    /// <summary>The body was over the cap and was not read (the connection is closed).</summary>
    public bool BodyTooLarge { get; set; }

    /// <summary>Keeps one <c>Lambda-Runtime-*</c> header; other headers are ignored.</summary>
    public void SetInvocationHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (RuntimeHeaders.TryFind(name, out var header))
        {
            _invocationHeaders[(int)header] = Encoding.UTF8.GetString(value);
        }
    }

    /// <summary>The value received for <paramref name="header"/>, or null.</summary>
    public string? GetHeader(RuntimeHeader header) => _invocationHeaders[(int)header];

    public string BodyText() => Body.Buffer is null ? string.Empty : Encoding.UTF8.GetString(Body.Buffer, 0, Body.Length);
}

/// <summary>A body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly record struct PooledBody(byte[]? Buffer, int Length)
{
    public void Return()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
