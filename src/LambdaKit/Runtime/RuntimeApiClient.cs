using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>
/// The Runtime API over HTTP/1.1 keep-alive connections (one per concurrent call), with no client timeout on <c>next</c>.
/// </summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private const string Version = "/2018-06-01/runtime/";
    private readonly ConcurrentBag<RuntimeApiConnection> _idle = [];
    private readonly EndPoint _endPoint;
    private readonly string _host;
    private readonly byte[] _nextHead;

    public RuntimeApiClient(string hostAndPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostAndPort);
        _host = hostAndPort;
        _endPoint = ParseEndPoint(hostAndPort);
        _nextHead = Encoding.ASCII.GetBytes($"GET {Version}invocation/next HTTP/1.1\r\nHost: {_host}\r\n\r\n");
    }

    public async ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        var response = await ExchangeAsync(_nextHead, default, wantInvocationHeaders: true, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new RuntimeApiException(response.StatusCode, $"GET next answered {(int)response.StatusCode}: the execution environment is broken. {response.BodyText()}");
            }

            var headers = ParseHeaders(response.GetHeader);
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
        var head = Head($"POST {Version}invocation/{Uri.EscapeDataString(requestId)}/response", "application/json", payload.Length, errorType: null);
        await PostAsync(head, payload, "response", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = report.ToUtf8Json();
        var head = Head($"POST {Version}invocation/{Uri.EscapeDataString(requestId)}/error", LambdaError.ContentType, body.Length, report.ErrorType);
        await PostAsync(head, body, "error", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var body = report.ToUtf8Json();
        var head = Head($"POST {Version}init/error", LambdaError.ContentType, body.Length, report.ErrorType);
        await PostAsync(head, body, "init/error", cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken)
    {
        var body = "{\"events\":[]}"u8.ToArray();
        var head = Encoding.ASCII.GetBytes(
            $"POST /2020-01-01/extension/register HTTP/1.1\r\nHost: {_host}\r\nLambda-Extension-Name: {ToHeaderValue(name)}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
        var response = await ExchangeAsync(head, body, wantInvocationHeaders: false, cancellationToken).ConfigureAwait(false);
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
        var requestId = header(InvocationHeaders.RequestIdHeader);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RuntimeApiException($"The invocation has no {InvocationHeaders.RequestIdHeader} header: it cannot be answered.");
        }

        var deadlineText = header(InvocationHeaders.DeadlineHeader);
        if (!long.TryParse(deadlineText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new RuntimeApiException($"Invocation {requestId} has no valid {InvocationHeaders.DeadlineHeader} header ('{deadlineText}').");
        }

        return new InvocationHeaders(requestId, deadlineMs)
        {
            InvokedFunctionArn = header(InvocationHeaders.FunctionArnHeader),
            TraceId = header(InvocationHeaders.TraceIdHeader),
            ClientContextJson = header(InvocationHeaders.ClientContextHeader),
            CognitoIdentityJson = header(InvocationHeaders.CognitoIdentityHeader),
            TenantId = header(InvocationHeaders.TenantIdHeader),
        };
    }

    internal static EndPoint ParseEndPoint(string hostAndPort)
    {
        var colon = hostAndPort.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(hostAndPort.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new InvalidOperationException($"{LambdaEnvironment.RuntimeApiVariable} must be host:port, not '{hostAndPort}'.");
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
        var response = await ExchangeAsync(head, body, wantInvocationHeaders: false, cancellationToken).ConfigureAwait(false);
        var text = response.StatusCode == HttpStatusCode.Accepted ? null : response.BodyText();
        response.Body.Return();
        if ((int)response.StatusCode is < 200 or > 299)
        {
            throw new RuntimeApiException(response.StatusCode, $"POST {what} answered {(int)response.StatusCode}. {text}");
        }
    }

    /// <summary>Sends a request and reads its response; a request that fails on a reused (possibly stale) connection is retried once on a new one.</summary>
    private async ValueTask<RuntimeApiResponse> ExchangeAsync(ReadOnlyMemory<byte> head, ReadOnlyMemory<byte> body, bool wantInvocationHeaders, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var reused = _idle.TryTake(out var connection);
            connection ??= await ConnectAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await connection.SendAsync(head, body, cancellationToken).ConfigureAwait(false);
                return await connection.ReceiveAsync(wantInvocationHeaders, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (reused && attempt == 0 && !cancellationToken.IsCancellationRequested && exception is SocketException or IOException or RuntimeApiException { StatusCode: null })
            {
                // The server closed an idle keep-alive connection: try once more on a fresh one.
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

    private async ValueTask<RuntimeApiConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await RuntimeApiConnection.ConnectAsync(_endPoint, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException exception)
        {
            throw new RuntimeApiException($"Cannot connect to the Runtime API at {_host}: {exception.Message}", exception);
        }
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
