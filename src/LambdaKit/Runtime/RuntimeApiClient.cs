using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>
/// The Runtime API over HTTP/1.1 keep-alive connections (one per concurrent call), with no client timeout on <c>next</c>.
/// <c>AWS_LAMBDA_RUNTIME_API</c> is <c>host:port</c>, optionally followed by a path prefix (<c>host:port/prefix</c>, as
/// AWS's Lambda Test Tool sets it) that is put before every Runtime API path.
/// </summary>
/// <remarks>
/// Faults: a connection that cannot be made is retried with a doubling back-off (<see cref="ConnectAttempts"/> attempts),
/// then the call fails with <see cref="RuntimeApiException.IsUnreachable"/>. A request whose connection breaks (reset,
/// end of stream) is sent once more on a fresh connection. An event over <see cref="MaxEventBytes"/> is not read.
/// A blocking client (a function that runs one invocation at a time) makes its calls with blocking socket calls on the
/// caller's thread; its calls complete synchronously, and a cancelled <c>next</c> ends by the socket's shutdown.
/// </remarks>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    /// <summary>The largest event read from <c>next</c>: Lambda's 6 MB synchronous payload limit plus a margin.</summary>
    public const int MaxEventBytes = (6 * 1024 * 1024) + (512 * 1024);

    /// <summary>How many times a connection is tried before the Runtime API is declared unreachable.</summary>
    public const int ConnectAttempts = 6;

    // Answers to POSTs are a few bytes of JSON; anything bigger is not read.
    private const int MaxAnswerBytes = 64 * 1024;
    // A response body up to this size is sent in the same buffer (and system call) as its head.
    private const int InlineBodyBytes = 16 * 1024;
    private static readonly TimeSpan FirstConnectDelay = TimeSpan.FromMilliseconds(50);
    private readonly ConcurrentBag<RuntimeApiConnection> _idle = [];
    private readonly EndPoint _endPoint;
    private readonly bool _blocking;
    private readonly string _host;
    private readonly string _runtimePath;
    private readonly string _extensionPath;
    private readonly byte[] _nextHead;
    private readonly byte[] _responseHeadStart;
    private readonly byte[] _responseHeadMiddle;
    private RuntimeApiConnection? _idleOne;

    /// <summary>Creates a client of the Runtime API at <paramref name="runtimeApi"/>.</summary>
    /// <param name="runtimeApi"><c>host:port</c>, optionally followed by a path prefix.</param>
    /// <param name="blocking">
    /// Whether calls are made with blocking socket calls on the caller's thread (for a function that runs one invocation
    /// at a time); otherwise with asynchronous socket calls.
    /// </param>
    public RuntimeApiClient(string runtimeApi, bool blocking = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(runtimeApi);
        var (hostAndPort, prefix) = SplitPrefix(runtimeApi);
        _host = hostAndPort;
        _endPoint = ParseEndPoint(hostAndPort);
        _blocking = blocking;
        _runtimePath = prefix + "/2018-06-01/runtime/";
        _extensionPath = prefix + "/2020-01-01/extension/register";
        _nextHead = Encoding.ASCII.GetBytes($"GET {_runtimePath}invocation/next HTTP/1.1\r\nHost: {_host}\r\n\r\n");
        _responseHeadStart = Encoding.ASCII.GetBytes($"POST {_runtimePath}invocation/");
        _responseHeadMiddle = Encoding.ASCII.GetBytes($"/response HTTP/1.1\r\nHost: {_host}\r\nContent-Type: application/json\r\nContent-Length: ");
    }

    /// <summary>Whether calls are blocking socket calls on the caller's thread.</summary>
    public bool IsBlocking => _blocking;

    public async ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        var connection = await ExchangeAsync(_nextHead, default, wantInvocationHeaders: true, MaxEventBytes, cancellationToken).ConfigureAwait(false);
        var response = connection.Response;
        try
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new RuntimeApiException(response.StatusCode, $"GET next answered {(int)response.StatusCode}: the execution environment is broken. {response.BodyText()}");
            }

            var headers = RuntimeHeaders.Parse(response.Lookup);
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
            Release(connection);
        }
    }

    public async ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        // The head is rendered into a rented buffer from its pre-rendered parts; a small body follows it there, so that
        // head and body leave in one send.
        var pathId = IsUnreserved(requestId) ? requestId : Uri.EscapeDataString(requestId);
        var inline = payload.Length <= InlineBodyBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(_responseHeadStart.Length + pathId.Length + _responseHeadMiddle.Length + 16 + (inline ? payload.Length : 0));
        try
        {
            var length = WriteResponseHead(buffer, pathId, payload.Length);
            if (inline)
            {
                payload.Span.CopyTo(buffer.AsSpan(length));
                length += payload.Length;
                payload = default;
            }

            await PostAsync(buffer.AsMemory(0, length), payload, "response", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
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
        var connection = await ExchangeAsync(head, default, wantInvocationHeaders: false, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        var response = connection.Response;
        var text = (int)response.StatusCode is >= 200 and <= 299 ? null : response.BodyText();
        response.Body.Return();
        Release(connection);
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
        var connection = await ExchangeAsync(head, body, wantInvocationHeaders: false, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        var status = connection.Response.StatusCode;
        connection.Response.Body.Return();
        Release(connection);
        if ((int)status is < 200 or > 299)
        {
            throw new RuntimeApiException(status, $"Extension registration answered {(int)status}.");
        }
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _idleOne, null)?.Dispose();
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
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

    /// <summary>
    /// Writes <c>POST …/invocation/{pathId}/response</c> and its headers into <paramref name="buffer"/> from the
    /// pre-rendered parts; returns the length. <paramref name="pathId"/> is the request id as it goes into the path:
    /// as is when it needs no escaping (Lambda's are UUIDs), otherwise escaped as a URI data string (ASCII either way).
    /// </summary>
    private int WriteResponseHead(byte[] buffer, string pathId, int contentLength)
    {
        var span = buffer.AsSpan();
        _responseHeadStart.CopyTo(span);
        var length = _responseHeadStart.Length;
        length += Encoding.ASCII.GetBytes(pathId, span[length..]);

        _responseHeadMiddle.CopyTo(span[length..]);
        length += _responseHeadMiddle.Length;
        Utf8Formatter.TryFormat(contentLength, span[length..], out var written);
        length += written;
        "\r\n\r\n"u8.CopyTo(span[length..]);
        return length + 4;
    }

    /// <summary>Whether a value has only URI unreserved characters (RFC 3986: letters, digits, <c>-._~</c>).</summary>
    private static bool IsUnreserved(string value)
    {
        foreach (var c in value)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.' or '_' or '~'))
            {
                return false;
            }
        }

        return true;
    }

    private async ValueTask PostAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, string what, CancellationToken cancellationToken)
    {
        var connection = await ExchangeAsync(head, body, wantInvocationHeaders: false, MaxAnswerBytes, cancellationToken).ConfigureAwait(false);
        var response = connection.Response;
        var status = response.StatusCode;
        var text = status == HttpStatusCode.Accepted ? null : response.BodyText();
        response.Body.Return();
        Release(connection);
        if ((int)status is < 200 or > 299)
        {
            throw new RuntimeApiException(status, $"POST {what} answered {(int)status}. {text}");
        }
    }

    /// <summary>
    /// Sends a request and reads its response; a request whose connection breaks is sent once more on a fresh connection.
    /// Returns the connection with the response in <see cref="RuntimeApiConnection.Response"/>: the caller reads it,
    /// then gives the connection back with <see cref="Release"/>.
    /// </summary>
    private async ValueTask<RuntimeApiConnection> ExchangeAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, bool wantInvocationHeaders, int maxBodyBytes, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var connection = Interlocked.Exchange(ref _idleOne, null);
            if (connection is null && !_idle.TryTake(out connection))
            {
                connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            }

            try
            {
                await connection.SendAsync(head, body, cancellationToken).ConfigureAwait(false);
                await connection.ReceiveAsync(wantInvocationHeaders, maxBodyBytes, cancellationToken).ConfigureAwait(false);
                return connection;
            }
            catch (Exception exception) when (attempt == 0 && !cancellationToken.IsCancellationRequested && IsTransportFailure(exception))
            {
                // A stale keep-alive connection, or a reset: once more on a fresh one.
                Release(connection);
            }
            catch
            {
                Release(connection);
                throw;
            }
        }
    }

    /// <summary>Keeps a connection for the next call, or closes it when it broke or the server asked to close it.</summary>
    private void Release(RuntimeApiConnection connection)
    {
        if (connection.IsBroken)
        {
            connection.Dispose();
        }
        else if (Interlocked.CompareExchange(ref _idleOne, connection, null) is not null)
        {
            _idle.Add(connection);
        }
    }

    /// <summary>Whether an exception is a broken connection (as opposed to an answer of the Runtime API).</summary>
    internal static bool IsTransportFailure(Exception exception)
        => exception is SocketException or IOException or RuntimeApiException { StatusCode: null, IsUnreachable: false };

    private async ValueTask<RuntimeApiConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var delay = FirstConnectDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RuntimeApiConnection.ConnectAsync(_endPoint, _blocking, cancellationToken).ConfigureAwait(false);
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
