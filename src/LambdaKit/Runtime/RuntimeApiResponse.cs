using System.Buffers;
using System.Net;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>
/// A response of the Runtime API as read by <see cref="RuntimeApiConnection"/>; each connection reuses one, so it is
/// valid until its connection reads the next response.
/// </summary>
internal sealed class RuntimeApiResponse
{
    private RuntimeHeaderValues _invocationHeaders;

    // The function's ARN is the same for every invocation (or one of few aliases): kept to avoid a string per invocation.
    private string? _lastFunctionArn;

    public RuntimeApiResponse() => Lookup = GetHeader;

    public HttpStatusCode StatusCode { get; set; }

    public long ContentLength { get; set; }

    public bool Chunked { get; set; }

    public bool Close { get; set; }

    public PooledBody Body { get; set; }

    /// <summary>The body was over the cap and was not read (the connection is closed).</summary>
    public bool BodyTooLarge { get; set; }

    /// <summary><see cref="GetHeader"/> as a delegate for <see cref="RuntimeHeaders.Parse"/>, made once per connection rather than per invocation.</summary>
    public Func<RuntimeHeader, string?> Lookup { get; }

    /// <summary>Keeps one <c>Lambda-Runtime-*</c> header; other headers are ignored.</summary>
    public void SetInvocationHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        if (!RuntimeHeaders.TryFind(name, out var header))
        {
            return;
        }

        if (header == RuntimeHeader.FunctionArn)
        {
            if (_lastFunctionArn is null || !Ascii.Equals(value, _lastFunctionArn))
            {
                _lastFunctionArn = Encoding.UTF8.GetString(value);
            }

            _invocationHeaders[(int)header] = _lastFunctionArn;
            return;
        }

        _invocationHeaders[(int)header] = Encoding.UTF8.GetString(value);
    }

    /// <summary>The value received for <paramref name="header"/>, or null.</summary>
    public string? GetHeader(RuntimeHeader header) => _invocationHeaders[(int)header];

    /// <summary>Clears what the previous response of the connection left.</summary>
    public void Reset()
    {
        StatusCode = default;
        ContentLength = 0;
        Chunked = false;
        Close = false;
        Body = default;
        BodyTooLarge = false;
        _invocationHeaders = default;
    }

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
