using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace LambdaKit.Runtime;

/// <summary>The Runtime API over HTTP/1.1 keep-alive, with no client timeout on <c>next</c>.</summary>
internal sealed class RuntimeApiClient : IRuntimeApiClient, IDisposable
{
    private const int MaxInitialBuffer = 1024 * 1024;
    private static readonly MediaTypeHeaderValue ErrorContentType = new(LambdaError.ContentType);
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly HttpClient _http;
    private readonly string _base;

    public RuntimeApiClient(string hostAndPort)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostAndPort);
        _base = "http://" + hostAndPort;
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        NextUri = new Uri(_base + "/2018-06-01/runtime/invocation/next");
        InitErrorUri = new Uri(_base + "/2018-06-01/runtime/init/error");
        ExtensionRegisterUri = new Uri(_base + "/2020-01-01/extension/register");
    }

    private Uri NextUri { get; }

    private Uri InitErrorUri { get; }

    private Uri ExtensionRegisterUri { get; }

    public async ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, NextUri);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new RuntimeApiException(response.StatusCode, $"GET next answered {(int)response.StatusCode}: the execution environment is broken.");
        }

        var headers = ParseHeaders(response);
        var length = response.Content.Headers.ContentLength;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var (buffer, read) = await ReadAllAsync(stream, length, cancellationToken).ConfigureAwait(false);
            return new LambdaInvocation(headers, buffer, read, pooled: true);
        }
    }

    public async ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        using var content = new ReadOnlyMemoryContent(payload);
        content.Headers.ContentType = JsonContentType;
        using var response = await _http.PostAsync(InvocationUri(requestId, "/response"), content, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response, "response");
    }

    public async ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken)
    {
        using var content = ErrorContent(report);
        using var response = await _http.PostAsync(InvocationUri(requestId, "/error"), content, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response, "error");
    }

    public async ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken)
    {
        using var content = ErrorContent(report);
        using var response = await _http.PostAsync(InitErrorUri, content, cancellationToken).ConfigureAwait(false);
        EnsureAccepted(response, "init/error");
    }

    public async ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent("{\"events\":[]}"u8.ToArray());
        content.Headers.ContentType = JsonContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, ExtensionRegisterUri) { Content = content };
        request.Headers.TryAddWithoutValidation("Lambda-Extension-Name", name);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException(response.StatusCode, $"Extension registration answered {(int)response.StatusCode}.");
        }
    }

    public void Dispose() => _http.Dispose();

    internal static InvocationHeaders ParseHeaders(HttpResponseMessage response)
    {
        var headers = response.Headers.NonValidated;
        var requestId = Get(headers, InvocationHeaders.RequestIdHeader);
        if (string.IsNullOrEmpty(requestId))
        {
            throw new RuntimeApiException($"The invocation has no {InvocationHeaders.RequestIdHeader} header: it cannot be answered.");
        }

        var deadlineText = Get(headers, InvocationHeaders.DeadlineHeader);
        if (!long.TryParse(deadlineText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            throw new RuntimeApiException($"Invocation {requestId} has no valid {InvocationHeaders.DeadlineHeader} header ('{deadlineText}').");
        }

        return new InvocationHeaders(requestId, deadlineMs)
        {
            InvokedFunctionArn = Get(headers, InvocationHeaders.FunctionArnHeader),
            TraceId = Get(headers, InvocationHeaders.TraceIdHeader),
            ClientContextJson = Get(headers, InvocationHeaders.ClientContextHeader),
            CognitoIdentityJson = Get(headers, InvocationHeaders.CognitoIdentityHeader),
            TenantId = Get(headers, InvocationHeaders.TenantIdHeader),
        };
    }

    private static string? Get(HttpHeadersNonValidated headers, string name)
        => headers.TryGetValues(name, out var values) && values.Count > 0 ? values.ToString() : null;

    private Uri InvocationUri(string requestId, string suffix)
        => new(string.Concat(_base, "/2018-06-01/runtime/invocation/", Uri.EscapeDataString(requestId), suffix));

    private static ByteArrayContent ErrorContent(LambdaError error)
    {
        var content = new ByteArrayContent(error.ToUtf8Json());
        content.Headers.ContentType = ErrorContentType;
        content.Headers.TryAddWithoutValidation(LambdaError.ErrorTypeHeader, ToHeaderValue(error.ErrorType));
        return content;
    }

    private static string ToHeaderValue(string value)
    {
        // Header values must be printable ASCII; error types chosen by users may not be.
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E)
            {
                var builder = new StringBuilder(value.Length);
                foreach (var ch in value)
                {
                    builder.Append(ch is >= (char)0x20 and <= (char)0x7E ? ch : '_');
                }

                return builder.ToString();
            }
        }

        return value;
    }

    private static void EnsureAccepted(HttpResponseMessage response, string what)
    {
        if (response.StatusCode != HttpStatusCode.Accepted && !response.IsSuccessStatusCode)
        {
            throw new RuntimeApiException(response.StatusCode, $"POST {what} answered {(int)response.StatusCode}.");
        }
    }

    private static async ValueTask<(byte[] Buffer, int Length)> ReadAllAsync(Stream stream, long? contentLength, CancellationToken cancellationToken)
    {
        var size = contentLength is { } known and >= 0 ? (int)Math.Min(known, int.MaxValue - 64) : 16 * 1024;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(size, 256));
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, MaxInitialBuffer));
                    buffer.AsSpan(0, total).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    return (buffer, total);
                }

                total += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
