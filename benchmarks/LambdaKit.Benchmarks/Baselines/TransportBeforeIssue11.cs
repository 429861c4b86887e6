using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LambdaKit.Runtime;

namespace LambdaKit.Benchmarks.Baselines;

// The Runtime API client as it was before the blocking transport of issue 11 (commit 1ae1230: RuntimeApiClientBefore,
// RuntimeApiConnectionBefore, RuntimeApiResponseBefore; renamed, XML comments kept as they were), frozen here as the same-run
// baseline of the transport rows of PipelineBenchmarks.
#pragma warning disable


/// <summary>
/// The Runtime API over HTTP/1.1 keep-alive connections (one per concurrent call), with no client timeout on <c>next</c>.
/// <c>AWS_LAMBDA_RUNTIME_API</c> is <c>host:port</c>, optionally followed by a path prefix (<c>host:port/prefix</c>, as
/// AWS's Lambda Test Tool sets it) that is put before every Runtime API path.
/// </summary>
/// <remarks>
/// Faults: a connection that cannot be made is retried with a doubling back-off (<see cref="ConnectAttempts"/> attempts),
/// then the call fails with <see cref="RuntimeApiException.IsUnreachable"/>. A request whose connection breaks (reset,
/// end of stream) is sent once more on a fresh connection. An event over <see cref="MaxEventBytes"/> is not read.
/// </remarks>
internal sealed class RuntimeApiClientBefore : IRuntimeApiClient, IDisposable
{
    /// <summary>The largest event read from <c>next</c>: Lambda's 6 MB synchronous payload limit plus a margin.</summary>
    public const int MaxEventBytes = (6 * 1024 * 1024) + (512 * 1024);

    /// <summary>How many times a connection is tried before the Runtime API is declared unreachable.</summary>
    public const int ConnectAttempts = 6;

    // Answers to POSTs are a few bytes of JSON; anything bigger is not read.
    private const int MaxAnswerBytes = 64 * 1024;
    private static readonly TimeSpan FirstConnectDelay = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentBag<RuntimeApiConnectionBefore> _idle = [];
    private readonly EndPoint _endPoint;
    private readonly string _host;
    private readonly string _runtimePath;
    private readonly string _extensionPath;
    private readonly byte[] _nextHead;

    public RuntimeApiClientBefore(string runtimeApi)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        var (hostAndPort, prefix) = SplitPrefix(runtimeApi);
        _host = hostAndPort;
        _endPoint = ParseEndPoint(hostAndPort);
        _runtimePath = prefix + "/2018-06-01/runtime/";
        _extensionPath = prefix + "/2020-01-01/extension/register";
        _nextHead = Encoding.ASCII.GetBytes($"GET {_runtimePath}invocation/next HTTP/1.1\r\nHost: {_host}\r\n\r\n");
    }

    public async ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(_nextHead, default, wantInvocationHeaders: true, MaxEventBytes, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new RuntimeApiException(response.StatusCode, $"GET next answered {(int)response.StatusCode}: the execution environment is broken. {response.BodyText()}");
            }

            var headers = ParseHeaders(response.GetHeader);
            if (response.BodyTooLarge)
            {
                throw new InvalidInvocationException(
                    headers.RequestId,
                    InvalidInvocationException.EventTooLargeType,
                    $"The event is larger than {MaxEventBytes} bytes (Lambda's 6 MB payload limit plus a margin); it was not read.");
            }

            var body = response.Body;
            response.Body = default;
            return body.Buffer is null
                ? new LambdaInvocation(headers, [], 0, pooled: false)
                : new LambdaInvocation(headers, body.Buffer, body.Length, pooled: true);
        }
        finally
        {
            response.Body.Return();
        }
    }

    public async ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var head = Head($"POST {_runtimePath}invocation/{Uri.EscapeDataString(requestId)}/response", "application/json", payload.Length, errorType: null);
        await PostAsync(head, payload, "response", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = report.ToUtf8Json();
        var head = Head($"POST {_runtimePath}invocation/{Uri.EscapeDataString(requestId)}/error", LambdaError.ContentType, body.Length, report.ErrorType);
        await PostAsync(head, body, "error", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = report.ToUtf8Json();
        var head = Head($"POST {_runtimePath}init/error", LambdaError.ContentType, body.Length, report.ErrorType);
        await PostAsync(head, body, "init/error", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WaitForRestoreAsync(CancellationToken cancellationToken)
    {
        var head = Encoding.ASCII.GetBytes($"GET {_runtimePath}restore/next HTTP/1.1\r\nHost: {_host}\r\n\r\n");
        var response = await ExchangeAsync(head, default, wantInvocationHeaders: false, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        var text = (int)response.StatusCode is >= 200 and <= 299 ? null : response.BodyText();
        response.Body.Return();
        if (text is not null)
        {
            throw new RuntimeApiException(response.StatusCode, $"GET restore/next answered {(int)response.StatusCode}. {text}");
        }
    }

    public async ValueTask SendRestoreErrorAsync(LambdaError report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = report.ToUtf8Json();
        var head = Head($"POST {_runtimePath}restore/error", LambdaError.ContentType, body.Length, report.ErrorType);
        await PostAsync(head, body, "restore/error", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken)
    {
        var body = "{\"events\":[]}"u8.ToArray();
        var head = Encoding.ASCII.GetBytes(
            $"POST {_extensionPath} HTTP/1.1\r\nHost: {_host}\r\nLambda-Extension-Name: {ToHeaderValue(name)}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        var response = await ExchangeAsync(head, body, wantInvocationHeaders: false, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        response.Body.Return();
        if ((int)response.StatusCode is < 200 or > 299)
        {
            throw new RuntimeApiException(response.StatusCode, $"Extension registration answered {(int)response.StatusCode}.");
        }
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    internal static InvocationHeaders ParseHeaders(Func<string, string?> header)
    {
        var requestId = header("Lambda-Runtime-Aws-Request-Id");
        if (string.IsNullOrEmpty(requestId))
        {
            throw new InvalidInvocationException(
                null, InvalidInvocationException.InvalidHeaderType, $"The invocation has no {"Lambda-Runtime-Aws-Request-Id"} header: it cannot be answered.");
        }

        var deadlineText = header("Lambda-Runtime-Deadline-Ms");
        if (!long.TryParse(deadlineText, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs)
            || deadlineMs > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            var shown = deadlineText is null ? "it is missing" : $"'{Shorten(deadlineText)}' is not a Unix time in milliseconds";
            throw new InvalidInvocationException(
                requestId, InvalidInvocationException.InvalidHeaderType, $"The invocation has no valid {"Lambda-Runtime-Deadline-Ms"} header: {shown}.");
        }

        return new InvocationHeaders(requestId, deadlineMs)
        {
            InvokedFunctionArn = header("Lambda-Runtime-Invoked-Function-Arn"),
            TraceId = header("Lambda-Runtime-Trace-Id"),
            ClientContextJson = header("Lambda-Runtime-Client-Context"),
            CognitoIdentityJson = header("Lambda-Runtime-Cognito-Identity"),
            TenantId = header("Lambda-Runtime-Aws-Tenant-Id"),
        };
    }

    /// <summary>Splits <c>host:port/prefix</c> into <c>host:port</c> and <c>/prefix</c> (empty when there is none).</summary>
    internal static (string HostAndPort, string Prefix) SplitPrefix(string runtimeApi)
    {
        var value = runtimeApi.Trim();
        if (value.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            value = value["http://".Length..];
        }

        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            return (value, string.Empty);
        }

        var prefix = value[slash..].TrimEnd('/');
        return (value[..slash], prefix);
    }

    internal static EndPoint ParseEndPoint(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new InvalidOperationException($"{LambdaEnvironment.RuntimeApiVariable} must be host:port or host:port/prefix, not '{hostAndPort}'.");
        }

        var host = hostAndPort[..colon].Trim('[', ']');
        return IPAddress.TryParse(host, out var address) ? new IPEndPoint(address, port) : new DnsEndPoint(host, port);
    }

    private byte[] Head(string requestLine, string contentType, int contentLength, string? errorType)
    {
        var builder = new StringBuilder(256)
            .Append(requestLine).Append(" HTTP/1.1\r\nHost: ").Append(_host)
            .Append("\r\nContent-Type: ").Append(contentType)
            .Append("\r\nContent-Length: ").Append(contentLength.ToString(CultureInfo.InvariantCulture));
        if (errorType is not null)
        {
            builder.Append("\r\n").Append(LambdaError.ErrorTypeHeader).Append(": ").Append(ToHeaderValue(errorType));
        }

        return Encoding.ASCII.GetBytes(builder.Append("\r\n\r\n").ToString());
    }

    private async ValueTask PostAsync(byte[] head, ReadOnlyMemory<byte> body, string what, CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(head, body, wantInvocationHeaders: false, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        var text = response.StatusCode == HttpStatusCode.Accepted ? null : response.BodyText();
        response.Body.Return();
        if ((int)response.StatusCode is < 200 or > 299)
        {
            throw new RuntimeApiException(response.StatusCode, $"POST {what} answered {(int)response.StatusCode}. {text}");
        }
    }

    /// <summary>Sends a request and reads its response; a request whose connection breaks is sent once more on a fresh connection.</summary>
    private async ValueTask<RuntimeApiResponseBefore> ExchangeAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, bool wantInvocationHeaders, int maxBodyBytes, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            _idle.TryTake(out var connection);
            connection ??= await ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.SendAsync(head, body, cancellationToken).ConfigureAwait(false);
                return await connection.ReceiveAsync(wantInvocationHeaders, maxBodyBytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (attempt == 0 && !cancellationToken.IsCancellationRequested && IsTransportFailure(exception))
            {
                // A stale keep-alive connection, or a reset: once more on a fresh one.
            }
            finally
            {
                if (connection.IsBroken)
                {
                    connection.Dispose();
                }
                else
                {
                    _idle.Add(connection);
                }
            }
        }
    }

    /// <summary>Whether an exception is a broken connection (as opposed to an answer of the Runtime API).</summary>
    internal static bool IsTransportFailure(Exception exception)
        => exception is SocketException or IOException or RuntimeApiException { StatusCode: null, IsUnreachable: false };

    private async ValueTask<RuntimeApiConnectionBefore> ConnectAsync(CancellationToken cancellationToken)
    {
        var delay = FirstConnectDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RuntimeApiConnectionBefore.ConnectAsync(_endPoint, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException) when (attempt < ConnectAttempts)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay *= 2;
            }
            catch (SocketException exception)
            {
                throw new RuntimeApiException(
                    $"Cannot connect to the Runtime API at {_host} after {ConnectAttempts} attempts over {TotalConnectDelay().TotalSeconds:0.##} s ({exception.SocketErrorCode}): the function stops.",
                    exception)
                { IsUnreachable = true };
            }
        }
    }

    private static TimeSpan TotalConnectDelay()
    {
        var total = TimeSpan.Zero;
        var delay = FirstConnectDelay;
        for (var i = 1; i < ConnectAttempts; i++)
        {
            total += delay;
            delay *= 2;
        }

        return total;
    }

    private static string Shorten(string value)
    {
        var shown = value.Length > 40 ? value[..40] + "…" : value;
        return string.Create(shown.Length, shown, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? '?' : source[i];
            }
        });
    }

    private static string ToHeaderValue(string value)
    {
        // Header values must be printable ASCII; error types chosen by users may not be.
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                return string.Create(value.Length, value, static (span, source) =>
                {
                    for (var i = 0; i < source.Length; i++)
                    {
                        span[i] = source[i] is >= (char)0x20 and <= (char)0x7E ? source[i] : '_';
                    }
                });
            }
        }

        return value;
    }
}


/// <summary>
/// One keep-alive HTTP/1.1 connection to the Runtime API over a plain socket. The Runtime API is a local, fixed peer that
/// speaks a handful of requests; a purpose-built client avoids the start-up cost of <c>HttpClient</c> (tens of
/// milliseconds of cold start) and allocates only the event buffer per invocation.
/// </summary>
internal sealed class RuntimeApiConnectionBefore : IDisposable
{
    private const int HeaderBufferSize = 16 * 1024;
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[HeaderBufferSize];
    private int _start;
    private int _end;

    private RuntimeApiConnectionBefore(Socket socket)
    {
        _socket = socket;
    }

    /// <summary>Whether the server asked to close the connection, or it broke.</summary>
    public bool IsBroken { get; private set; }

    public static async ValueTask<RuntimeApiConnectionBefore> ConnectAsync(EndPoint endPoint, CancellationToken cancellationToken)
    {
        var socket = endPoint is DnsEndPoint
            ? new Socket(SocketType.Stream, ProtocolType.Tcp)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new RuntimeApiConnectionBefore(socket);
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
        try
        {
            await SendAllAsync(head, cancellationToken).ConfigureAwait(false);
            if (!body.IsEmpty)
            {
                await SendAllAsync(body, cancellationToken).ConfigureAwait(false);
            }
        }
        catch
        {
            IsBroken = true;
            throw;
        }
    }

    /// <summary>
    /// Reads a response: status, the headers the caller wants, and the body into a pooled buffer. A body over
    /// <paramref name="maxBodyBytes"/> (declared, or reached while reading chunks) is not read: the response comes back
    /// with <see cref="RuntimeApiResponseBefore.BodyTooLarge"/> set and the connection is closed, so memory stays bounded.
    /// </summary>
    public async ValueTask<RuntimeApiResponseBefore> ReceiveAsync(bool wantInvocationHeaders, int maxBodyBytes, CancellationToken cancellationToken)
    {
        try
        {
            var headEnd = await FillUntilHeadEndAsync(cancellationToken).ConfigureAwait(false);
            var response = ParseHead(_buffer.AsSpan(_start, headEnd - _start), wantInvocationHeaders);
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
        catch
        {
            IsBroken = true;
            throw;
        }
    }

    public void Dispose() => _socket.Dispose();

    private async ValueTask SendAllAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        while (!data.IsEmpty)
        {
            var sent = await _socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
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

            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RuntimeApiException("The Runtime API closed the connection.");
            }

            _end += read;
        }
    }

    private async ValueTask<PooledBodyBefore> ReadBodyAsync(long contentLength, CancellationToken cancellationToken)
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
                var read = await _socket.ReceiveAsync(body.AsMemory(filled, length - filled), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new RuntimeApiException("The Runtime API closed the connection in the middle of a body.");
                }

                filled += read;
            }

            return new PooledBodyBefore(body, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(body);
            throw;
        }
    }

    /// <summary>Reads a chunked body; a body that grows over <paramref name="maxBodyBytes"/> gives <c>(null, -1)</c>.</summary>
    private async ValueTask<PooledBodyBefore> ReadChunkedAsync(int maxBodyBytes, CancellationToken cancellationToken)
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
                    return new PooledBodyBefore(null, -1);
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
                            return new PooledBodyBefore(body, length);
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
                        var read = await _socket.ReceiveAsync(_buffer.AsMemory(), SocketFlags.None, cancellationToken).ConfigureAwait(false);
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

            var read = await _socket.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new RuntimeApiException("The Runtime API closed the connection.");
            }

            _end += read;
        }
    }

    private static RuntimeApiResponseBefore ParseHead(ReadOnlySpan<byte> head, bool wantInvocationHeaders)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // HTTP/1.1 200 OK
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
        {
            throw new RuntimeApiException($"The Runtime API sent a malformed status line: '{Encoding.ASCII.GetString(statusLine)}'.");
        }

        var response = new RuntimeApiResponseBefore { StatusCode = (HttpStatusCode)status };
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
            if (name.Length > 15 && Ascii.EqualsIgnoreCase(name[..15], "Lambda-Runtime-"u8))
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


/// <summary>A response of the Runtime API as read by <see cref="RuntimeApiConnectionBefore"/>.</summary>
internal sealed class RuntimeApiResponseBefore
{
    public HttpStatusCode StatusCode { get; set; }

    public long ContentLength { get; set; }

    public bool Chunked { get; set; }

    public bool Close { get; set; }

    public PooledBodyBefore Body { get; set; }

    /// <summary>The body was over the cap and was not read (the connection is closed).</summary>
    public bool BodyTooLarge { get; set; }

    public string? RequestId { get; private set; }

    public string? Deadline { get; private set; }

    public string? FunctionArn { get; private set; }

    public string? TraceId { get; private set; }

    public string? ClientContext { get; private set; }

    public string? CognitoIdentity { get; private set; }

    public string? TenantId { get; private set; }

    /// <summary>Keeps one <c>Lambda-Runtime-*</c> header; <paramref name="name"/> starts with that prefix.</summary>
    public void SetInvocationHeader(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
    {
        var suffix = name["Lambda-Runtime-".Length..];
        if (Ascii.EqualsIgnoreCase(suffix, "Aws-Request-Id"u8))
        {
            RequestId = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Deadline-Ms"u8))
        {
            Deadline = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Invoked-Function-Arn"u8))
        {
            FunctionArn = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Trace-Id"u8))
        {
            TraceId = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Client-Context"u8))
        {
            ClientContext = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Cognito-Identity"u8))
        {
            CognitoIdentity = Encoding.UTF8.GetString(value);
        }
        else if (Ascii.EqualsIgnoreCase(suffix, "Aws-Tenant-Id"u8))
        {
            TenantId = Encoding.UTF8.GetString(value);
        }
    }

    /// <summary>The header lookup used by <see cref="RuntimeApiClientBefore.ParseHeaders"/>.</summary>
    public string? GetHeader(string name) => name switch
    {
        "Lambda-Runtime-Aws-Request-Id" => RequestId,
        "Lambda-Runtime-Deadline-Ms" => Deadline,
        "Lambda-Runtime-Invoked-Function-Arn" => FunctionArn,
        "Lambda-Runtime-Trace-Id" => TraceId,
        "Lambda-Runtime-Client-Context" => ClientContext,
        "Lambda-Runtime-Cognito-Identity" => CognitoIdentity,
        "Lambda-Runtime-Aws-Tenant-Id" => TenantId,
        _ => null,
    };

    public string BodyText() => Body.Buffer is null ? string.Empty : Encoding.UTF8.GetString(Body.Buffer, 0, Body.Length);
}

/// <summary>A body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>.</summary>
internal readonly record struct PooledBodyBefore(byte[]? Buffer, int Length)
{
    public void Return()
    {
        if (Buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(Buffer);
        }
    }
}
