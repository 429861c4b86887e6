using System.Buffers;
using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>
/// One keep-alive HTTP/1.1 connection to the Runtime API over a plain socket. The Runtime API is a local, fixed peer that
/// speaks a handful of requests; a purpose-built client avoids the start-up cost of <c>HttpClient</c> (tens of
/// milliseconds of cold start) and allocates only the event buffer per invocation.
/// </summary>
/// <remarks>
/// A blocking connection makes blocking socket calls on the caller's thread: its methods complete synchronously (no
/// epoll thread, no thread-pool hand-off per read, no boxed state machine), which is what a function that runs one
/// invocation at a time wants. A cancellation then shuts the socket down from the token's callback, which ends a
/// blocked read; the call throws <see cref="OperationCanceledException"/> and the connection is broken.
/// </remarks>
internal sealed class RuntimeApiConnection : IDisposable
{
    private const int HeaderBufferSize = 16 * 1024;
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly bool _blocking;
    private readonly byte[] _buffer = new byte[HeaderBufferSize];
    private int _start;
    private int _end;

    private RuntimeApiConnection(Socket socket, bool blocking)
    {
        _socket = socket;
        _blocking = blocking;
    }

    /// <summary>The last response read, reused for the next one: valid until the connection is used again.</summary>
    public RuntimeApiResponse Response { get; } = new();

    /// <summary>Whether the server asked to close the connection, or it broke.</summary>
    public bool IsBroken { get; private set; }

    /// <summary>Connects; a blocking connection connects with a blocking call and never uses the asynchronous socket engine.</summary>
    public static async ValueTask<RuntimeApiConnection> ConnectAsync(EndPoint endPoint, bool blocking, CancellationToken cancellationToken)
    {
        var socket = endPoint is DnsEndPoint
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            if (blocking)
            {
                cancellationToken.ThrowIfCancellationRequested();
                socket.Connect(endPoint);
            }
            else
            {
                await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            }

            return new RuntimeApiConnection(socket, blocking);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Sends a request: the head (request line and headers, ASCII) then the body.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var abort = RegisterAbort(cancellationToken);
        try
        {
            await SendAllAsync(head, cancellationToken).ConfigureAwait(false);
            if (!body.IsEmpty)
            {
                await SendAllAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception)
        {
            IsBroken = true;
            ThrowIfCancelled(exception, cancellationToken);
            throw;
        }
        finally
        {
            abort.Dispose();
        }
    }

    /// <summary>
    /// Reads a response: status, the headers the caller wants, and the body into a pooled buffer. A body over
    /// <paramref name="maxBodyBytes"/> (declared, or reached while reading chunks) is not read: the response comes back
    /// with <see cref="RuntimeApiResponse.BodyTooLarge"/> set and the connection is closed, so memory stays bounded.
    /// </summary>
    public async ValueTask<RuntimeApiResponse> ReceiveAsync(bool wantInvocationHeaders, int maxBodyBytes, CancellationToken cancellationToken)
    {
        var abort = RegisterAbort(cancellationToken);
        try
        {
            var headEnd = await FillUntilHeadEndAsync(cancellationToken).ConfigureAwait(false);
            var response = ParseHead(_buffer.AsSpan(_start, headEnd - _start), wantInvocationHeaders, Response);
            _start = headEnd + 4;
            if (response.Chunked)
            {
                response.Body = await ReadChunkedAsync(maxBodyBytes, cancellationToken).ConfigureAwait(false);
                response.BodyTooLarge = response.Body.Buffer is null && response.Body.Length < 0;
            }
            else if (response.ContentLength > maxBodyBytes)
            {
                response.BodyTooLarge = true;
            }
            else
            {
                response.Body = await ReadBodyAsync(response.ContentLength, cancellationToken).ConfigureAwait(false);
            }

            if (response.BodyTooLarge)
            {
                response.Body = default;
                IsBroken = true;
            }

            if (response.Close)
            {
                IsBroken = true;
            }

            return response;
        }
        catch (Exception exception)
        {
            IsBroken = true;
            ThrowIfCancelled(exception, cancellationToken);
            throw;
        }
        finally
        {
            abort.Dispose();
        }
    }

    public void Dispose() => _socket.Dispose();

    /// <summary>
    /// For a blocking connection and a token that can fire: shuts the socket down when it fires, which ends a blocked
    /// call (an asynchronous call is cancelled by the token itself).
    /// </summary>
    private CancellationTokenRegistration RegisterAbort(CancellationToken cancellationToken)
    {
        if (!_blocking || !cancellationToken.CanBeCanceled)
        {
            return default;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return cancellationToken.UnsafeRegister(static state => ((RuntimeApiConnection)state!).Abort(), this);
    }

    private void Abort()
    {
        IsBroken = true;
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing is blocked on it.
        }
    }

    /// <summary>A call that failed because its token fired (a blocking call ends by the socket's shutdown) is a cancellation.</summary>
    private static void ThrowIfCancelled(Exception exception, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            throw new OperationCanceledException("The Runtime API call was cancelled.", exception, cancellationToken);
        }
    }

    private ValueTask<int> ReceiveSomeAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        => _blocking
            ? new ValueTask<int>(_socket.Receive(buffer.Span, SocketFlags.None))
            : _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = _blocking
                ? _socket.Send(data.Span, SocketFlags.None)
                : await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            data = data[sent..];
        }
    }

    private async ValueTask<int> FillUntilHeadEndAsync(CancellationToken cancellationToken)
    {
        var searchFrom = _start;
        while (true)
        {
            var found = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf("\r\n\r\n"u8);
            if (found >= 0)
            {
                return searchFrom + found;
            }

            searchFrom = Math.Max(_start, _end - 3);
            if (_start > 0)
            {
                // Keep the partial head at the start of the buffer.
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                searchFrom -= _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new RuntimeApiException($"The Runtime API's response headers are larger than {HeaderBufferSize} bytes.");
            }

            var read = await ReceiveSomeAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RuntimeApiException("The Runtime API closed the connection.");
            }

            _end += read;
        }
    }

    private async ValueTask<PooledBody> ReadBodyAsync(long contentLength, CancellationToken cancellationToken)
    {
        if (contentLength <= 0)
        {
            return default;
        }

        var length = (int)contentLength;
        var body = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var buffered = Math.Min(_end - _start, length);
            _buffer.AsSpan(_start, buffered).CopyTo(body);
            _start += buffered;
            var filled = buffered;
            while (filled < length)
            {
                var read = await ReceiveSomeAsync(body.AsMemory(filled, length - filled), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new RuntimeApiException("The Runtime API closed the connection in the middle of a body.");
                }

                filled += read;
            }

            return new PooledBody(body, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(body);
            throw;
        }
    }

    /// <summary>Reads a chunked body; a body that grows over <paramref name="maxBodyBytes"/> gives <c>(null, -1)</c>.</summary>
    private async ValueTask<PooledBody> ReadChunkedAsync(int maxBodyBytes, CancellationToken cancellationToken)
    {
        var body = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                var lineEnd = await FillUntilAsync(Crlf, cancellationToken).ConfigureAwait(false);
                var sizeText = _buffer.AsSpan(_start, lineEnd - _start);
                var extension = sizeText.IndexOf((byte)';');
                if (extension >= 0)
                {
                    sizeText = sizeText[..extension];
                }

                sizeText = sizeText.Trim((byte)' ');
                if (sizeText.IsEmpty || !Utf8Parser.TryParse(sizeText, out int size, out var consumed, 'x') || consumed != sizeText.Length || size < 0)
                {
                    throw new RuntimeApiException("The Runtime API sent a malformed chunk size.");
                }

                if (size > maxBodyBytes - length)
                {
                    ArrayPool<byte>.Shared.Return(body);
                    return new PooledBody(null, -1);
                }

                _start = lineEnd + 2;
                if (size == 0)
                {
                    // Trailers (rare) end with an empty line.
                    while (true)
                    {
                        var trailerEnd = await FillUntilAsync(Crlf, cancellationToken).ConfigureAwait(false);
                        var empty = trailerEnd == _start;
                        _start = trailerEnd + 2;
                        if (empty)
                        {
                            return new PooledBody(body, length);
                        }
                    }
                }

                if (length + size > body.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(body.Length * 2, length + size));
                    body.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(body);
                    body = larger;
                }

                var remaining = size;
                while (remaining > 0)
                {
                    if (_start == _end)
                    {
                        _start = _end = 0;
                        var read = await ReceiveSomeAsync(_buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
                        if (read == 0)
                        {
                            throw new RuntimeApiException("The Runtime API closed the connection in the middle of a chunk.");
                        }

                        _end = read;
                    }

                    var take = Math.Min(remaining, _end - _start);
                    _buffer.AsSpan(_start, take).CopyTo(body.AsSpan(length));
                    _start += take;
                    length += take;
                    remaining -= take;
                }

                var crlf = await FillUntilAsync(Crlf, cancellationToken).ConfigureAwait(false);
                _start = crlf + 2;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(body);
            throw;
        }
    }

    private async ValueTask<int> FillUntilAsync(ReadOnlyMemory<byte> delimiter, CancellationToken cancellationToken)
    {
        while (true)
        {
            var found = _buffer.AsSpan(_start, _end - _start).IndexOf(delimiter.Span);
            if (found >= 0)
            {
                return _start + found;
            }

            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                throw new RuntimeApiException("The Runtime API sent a line that is too long.");
            }

            var read = await ReceiveSomeAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RuntimeApiException("The Runtime API closed the connection.");
            }

            _end += read;
        }
    }

    private static RuntimeApiResponse ParseHead(ReadOnlySpan<byte> head, bool wantInvocationHeaders, RuntimeApiResponse response)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // HTTP/1.1 200 OK
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
        {
            throw new RuntimeApiException($"The Runtime API sent a malformed status line: '{Encoding.ASCII.GetString(statusLine)}'.");
        }

        response.Reset();
        response.StatusCode = (HttpStatusCode)status;
        if (statusLine[7] == (byte)'0')
        {
            response.Close = true;
        }

        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf("\r\n"u8);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ').Trim((byte)'\t');
            if (name.Length > RuntimeHeaders.Utf8Prefix.Length && Ascii.EqualsIgnoreCase(name[..RuntimeHeaders.Utf8Prefix.Length], RuntimeHeaders.Utf8Prefix))
            {
                if (wantInvocationHeaders)
                {
                    response.SetInvocationHeader(name, value);
                }
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length || length < 0)
                {
                    throw new RuntimeApiException("The Runtime API sent a malformed Content-Length.");
                }

                response.ContentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                response.Chunked = value.IndexOf("chunked"u8) >= 0;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                response.Close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }

        return response;
    }
}
