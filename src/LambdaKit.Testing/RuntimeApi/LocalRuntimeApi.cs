using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing;

/// <summary>
/// A local Lambda Runtime API on 127.0.0.1 (Kestrel): hands out queued events with real <c>Lambda-Runtime-*</c> headers and a
/// deadline taken from the function timeout, records responses and errors, answers <c>/init/error</c> and extension
/// registration, emulates SnapStart's <c>/restore/next</c> and <c>/restore/error</c>, and refuses responses over 6 MB with 413. It also serves the invoke endpoint of the AWS Runtime Interface
/// Emulator (<c>POST /2015-03-31/functions/{any function name}/invocations</c>). With <see cref="LocalRuntimeApiOptions.PathPrefix"/>
/// the Runtime API is served under a path, and with <see cref="LocalRuntimeApiOptions.Faults"/> it injects scripted faults.
/// </summary>
public sealed class LocalRuntimeApi : IAsyncDisposable
{
    private const string Prefix = "/2018-06-01/runtime/";
    private const string InvokePath = "/2015-03-31/functions/function/invocations";
    private const string InvokePathStart = "/2015-03-31/functions/";
    private const string InvokePathEnd = "/invocations";
    private static readonly byte[] Accepted = "{\"status\":\"OK\"}"u8.ToArray();

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly ConcurrentDictionary<string, Pending> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<InvocationResult> _results = new();
    private readonly TaskCompletionSource<InvocationResult> _initError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<InvocationResult> _restoreError = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _snapshotRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _restored = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly LocalRuntimeApiOptions _options;
    private readonly WebApplication _app;
    private int _extensionRegistrations;
    private int _nextCalls;

    private LocalRuntimeApi(LocalRuntimeApiOptions options, WebApplication app)
    {
        _options = options;
        _app = app;
    }

    /// <summary>The <c>host:port</c> to put in <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address { get; private set; } = string.Empty;

    /// <summary>What to put in <c>AWS_LAMBDA_RUNTIME_API</c>: <see cref="Address"/> followed by the path prefix, if any.</summary>
    public string RuntimeApiAddress => Address + NormalizedPrefix(_options.PathPrefix);

    /// <summary>The base address of the server, for example <c>http://127.0.0.1:9000</c>.</summary>
    public Uri BaseAddress => new("http://" + Address);

    /// <summary>The invoke endpoint compatible with the AWS Runtime Interface Emulator.</summary>
    public Uri InvokeEndpoint => new(BaseAddress, InvokePath);

    /// <summary>
    /// The options the server was started with: the same instance, not a copy. Except <see cref="LocalRuntimeApiOptions.Port"/>,
    /// they are read again for each request, so a change (a shorter timeout, a new fault) applies to the next one.
    /// </summary>
    public LocalRuntimeApiOptions Options => _options;

    /// <summary>Completes when the function posts to <c>/init/error</c>.</summary>
    public Task<InvocationResult> InitError => _initError.Task;

    /// <summary>Completes when the function posts to <c>/restore/error</c> (SnapStart: an after-restore hook failed).</summary>
    public Task<InvocationResult> RestoreError => _restoreError.Task;

    /// <summary>
    /// Completes when the function calls <c>GET /runtime/restore/next</c> (SnapStart): its init phase and before-snapshot hooks
    /// are done, and Lambda would now take the snapshot.
    /// </summary>
    public Task SnapshotRequested => _snapshotRequested.Task;

    /// <summary>
    /// Answers the function's <c>GET /runtime/restore/next</c>, as Lambda does once the snapshot has been restored; only
    /// needed when <see cref="LocalRuntimeApiOptions.RestoreImmediately"/> is <see langword="false"/>.
    /// </summary>
    public void RestoreSnapshot() => _restored.TrySetResult();

    /// <summary>Every finished invocation, in the order they finished.</summary>
    public IReadOnlyCollection<InvocationResult> Results => _results.ToArray();

    /// <summary>How many internal extensions registered.</summary>
    public int ExtensionRegistrations => Volatile.Read(ref _extensionRegistrations);

    /// <summary>How many <c>GET next</c> calls arrived.</summary>
    public int NextCalls => Volatile.Read(ref _nextCalls);

    /// <summary>Starts a server on 127.0.0.1.</summary>
    /// <param name="options">The options; defaults when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The started server.</returns>
    public static async Task<LocalRuntimeApi> StartAsync(LocalRuntimeApiOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalRuntimeApiOptions();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();
        var server = new LocalRuntimeApi(options, app);
        app.Run(server.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Address = new Uri(address).Authority;
        return server;
    }

    /// <summary>Queues an event and waits until the function answered it, or its deadline passed.</summary>
    /// <param name="payload">The event, UTF-8 JSON.</param>
    /// <param name="request">Optional headers.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    public Task<InvocationResult> InvokeAsync(ReadOnlyMemory<byte> payload, InvocationRequest? request = null, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(payload.ToArray(), request ?? new InvocationRequest());
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The local Runtime API is stopped.");
        }

        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Queues an event and waits until the function answered it, or its deadline passed.</summary>
    /// <param name="json">The event JSON.</param>
    /// <param name="request">Optional headers.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The outcome.</returns>
    public Task<InvocationResult> InvokeAsync(string json, InvocationRequest? request = null, CancellationToken cancellationToken = default)
        => InvokeAsync(Encoding.UTF8.GetBytes(json ?? throw new ArgumentNullException(nameof(json))), request, cancellationToken);

    /// <summary>Stops the server.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var pending in _inFlight.Values)
        {
            pending.Timeout?.Dispose();
        }
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? string.Empty;
        var method = http.Request.Method;
        var pathPrefix = NormalizedPrefix(_options.PathPrefix);
        if (pathPrefix.Length > 0 && !IsInvokePath(path))
        {
            if (!path.StartsWith(pathPrefix + "/", StringComparison.Ordinal))
            {
                await WriteAsync(http, StatusCodes.Status404NotFound, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"NotFound\"}"u8.ToArray()).ConfigureAwait(false);
                return;
            }

            path = path[pathPrefix.Length..];
        }

        var faults = _options.Faults;
        if (HttpMethods.IsGet(method) && path == Prefix + "invocation/next")
        {
            if (faults is not null && await faults.BeforeNextAsync(http).ConfigureAwait(false))
            {
                return;
            }

            await NextAsync(http).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && path.StartsWith(Prefix + "invocation/", StringComparison.Ordinal))
        {
            if (faults is not null && await faults.BeforeAnswerAsync(http, AnsweredRequestId(path)).ConfigureAwait(false))
            {
                return;
            }

            await AnswerAsync(http, path.AsMemory((Prefix + "invocation/").Length)).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && path == Prefix + "init/error")
        {
            var body = await ReadBodyAsync(http.Request, int.MaxValue).ConfigureAwait(false);
            _initError.TrySetResult(new InvocationResult("init", InvocationOutcome.Error, body!, http.Request.Headers["Lambda-Runtime-Function-Error-Type"], http.Request.ContentType, default, default));
            await WriteAsync(http, StatusCodes.Status202Accepted, Accepted).ConfigureAwait(false);
        }
        else if (HttpMethods.IsGet(method) && path == Prefix + "restore/next")
        {
            _snapshotRequested.TrySetResult();
            if (!_options.RestoreImmediately)
            {
                try
                {
                    await _restored.Task.WaitAsync(http.RequestAborted).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    http.Abort();
                    return;
                }
            }

            await WriteAsync(http, StatusCodes.Status200OK, ReadOnlyMemory<byte>.Empty).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && path == Prefix + "restore/error")
        {
            var body = await ReadBodyAsync(http.Request, int.MaxValue).ConfigureAwait(false);
            _restoreError.TrySetResult(new InvocationResult("restore", InvocationOutcome.Error, body!, http.Request.Headers["Lambda-Runtime-Function-Error-Type"], http.Request.ContentType, default, default));
            await WriteAsync(http, StatusCodes.Status202Accepted, Accepted).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && path == "/2020-01-01/extension/register")
        {
            Interlocked.Increment(ref _extensionRegistrations);
            http.Response.Headers["Lambda-Extension-Identifier"] = Guid.NewGuid().ToString();
            var body = $"{{\"functionName\":\"{_options.FunctionName}\",\"functionVersion\":\"$LATEST\",\"handler\":\"bootstrap\"}}";
            await WriteAsync(http, StatusCodes.Status200OK, Encoding.UTF8.GetBytes(body)).ConfigureAwait(false);
        }
        else if (HttpMethods.IsPost(method) && IsInvokePath(path))
        {
            await InvokeEndpointAsync(http).ConfigureAwait(false);
        }
        else
        {
            await WriteAsync(http, StatusCodes.Status404NotFound, "{\"errorMessage\":\"Unknown path\",\"errorType\":\"NotFound\"}"u8.ToArray()).ConfigureAwait(false);
        }
    }

    private async Task NextAsync(HttpContext http)
    {
        Interlocked.Increment(ref _nextCalls);
        Pending pending;
        try
        {
            pending = await _queue.Reader.ReadAsync(http.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            http.Abort();
            return;
        }

        var request = pending.Request;
        var timeout = request.Timeout ?? _options.FunctionTimeout;
        pending.Started = Stopwatch.GetTimestamp();
        pending.Deadline = TimeProvider.System.GetUtcNow() + timeout;
        _inFlight[pending.RequestId] = pending;
        pending.Timeout = new Timer(
            static state => ((LocalRuntimeApi.Pending)state!).Complete(InvocationOutcome.TimedOut, [], null, null),
            pending,
            timeout + TimeSpan.FromMilliseconds(50),
            System.Threading.Timeout.InfiniteTimeSpan);
        pending.Completion.Task.ContinueWith(
            t =>
            {
#pragma warning disable RS0030 // A continuation runs after its antecedent completed (and Completion never faults): Result does not block.
                _results.Enqueue(t.Result);
#pragma warning restore RS0030
                _inFlight.TryRemove(pending.RequestId, out _);
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default).GetAwaiter();

        var headers = http.Response.Headers;
        headers["Lambda-Runtime-Aws-Request-Id"] = pending.RequestId;
        headers["Lambda-Runtime-Deadline-Ms"] = pending.Deadline.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        headers["Lambda-Runtime-Invoked-Function-Arn"] = request.InvokedFunctionArn ?? _options.FunctionArn;
        headers["Lambda-Runtime-Trace-Id"] = request.TraceId ?? NewTraceId();
        if (request.ClientContext is not null)
        {
            headers["Lambda-Runtime-Client-Context"] = request.ClientContext;
        }

        if (request.CognitoIdentity is not null)
        {
            headers["Lambda-Runtime-Cognito-Identity"] = request.CognitoIdentity;
        }

        if (request.TenantId is not null)
        {
            headers["Lambda-Runtime-Aws-Tenant-Id"] = request.TenantId;
        }

        http.Response.ContentType = "application/json";
        await WriteAsync(http, StatusCodes.Status200OK, pending.Payload).ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext http, ReadOnlyMemory<char> rest)
    {
        var slash = rest.Span.IndexOf('/');
        var requestId = slash > 0 ? Uri.UnescapeDataString(rest[..slash].ToString()) : string.Empty;
        var kind = slash > 0 ? rest[(slash + 1)..].ToString() : string.Empty;
        if (!_inFlight.TryGetValue(requestId, out var pending) || kind is not ("response" or "error"))
        {
            await WriteAsync(http, StatusCodes.Status400BadRequest, "{\"errorMessage\":\"Invalid request ID\",\"errorType\":\"InvalidRequestID\"}"u8.ToArray()).ConfigureAwait(false);
            return;
        }

        var limit = kind == "response" ? _options.MaxResponseBytes : int.MaxValue;
        var body = await ReadBodyAsync(http.Request, limit).ConfigureAwait(false);
        if (body is null)
        {
            var message = $"{{\"errorMessage\":\"Exceeded maximum allowed payload size ({_options.MaxResponseBytes} bytes).\",\"errorType\":\"RequestEntityTooLarge\"}}";
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, Encoding.UTF8.GetBytes(message)).ConfigureAwait(false);
            return;
        }

        var errorType = kind == "error" ? (string?)http.Request.Headers["Lambda-Runtime-Function-Error-Type"] : null;
        var completed = pending.Complete(kind == "response" ? InvocationOutcome.Response : InvocationOutcome.Error, body, errorType, http.Request.ContentType);
        await WriteAsync(http, completed ? StatusCodes.Status202Accepted : StatusCodes.Status400BadRequest, Accepted).ConfigureAwait(false);
    }

    private async Task InvokeEndpointAsync(HttpContext http)
    {
        var body = await ReadBodyAsync(http.Request, LocalRuntimeApiOptions.DefaultMaxResponseBytes).ConfigureAwait(false);
        if (body is null)
        {
            await WriteAsync(http, StatusCodes.Status413PayloadTooLarge, "{\"errorMessage\":\"Request must be smaller than 6291456 bytes for the InvokeFunction operation\",\"errorType\":\"RequestEntityTooLargeException\"}"u8.ToArray()).ConfigureAwait(false);
            return;
        }

        var result = await InvokeAsync(body.Length == 0 ? "{}"u8.ToArray() : body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
        switch (result.Outcome)
        {
            case InvocationOutcome.Response:
                http.Response.ContentType = "application/json";
                await WriteAsync(http, StatusCodes.Status200OK, result.Body).ConfigureAwait(false);
                break;
            case InvocationOutcome.Error:
                http.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
                http.Response.ContentType = "application/json";
                await WriteAsync(http, StatusCodes.Status200OK, result.Body).ConfigureAwait(false);
                break;
            default:
                http.Response.Headers["X-Amz-Function-Error"] = "Unhandled";
                var seconds = (_options.FunctionTimeout.TotalSeconds).ToString("0.00", CultureInfo.InvariantCulture);
                var message = $"{{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"{result.RequestId} Task timed out after {seconds} seconds\"}}";
                await WriteAsync(http, StatusCodes.Status200OK, Encoding.UTF8.GetBytes(message)).ConfigureAwait(false);
                break;
        }
    }

    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                // Drain what is left so the connection stays usable, then refuse.
                while (await request.Body.ReadAsync(chunk).ConfigureAwait(false) > 0)
                {
                }

                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Whether a path is <c>/2015-03-31/functions/{name}/invocations</c>, for any one-segment function name.</summary>
    internal static bool IsInvokePath(string path)
        => path.Length > InvokePathStart.Length + InvokePathEnd.Length
            && path.StartsWith(InvokePathStart, StringComparison.Ordinal)
            && path.EndsWith(InvokePathEnd, StringComparison.Ordinal)
            && path.AsSpan(InvokePathStart.Length, path.Length - InvokePathStart.Length - InvokePathEnd.Length).IndexOf('/') < 0;

    private static string NormalizedPrefix(string? prefix)
    {
        if (string.IsNullOrWhiteSpace(prefix))
        {
            return string.Empty;
        }

        var trimmed = prefix.Trim().Trim('/');
        return trimmed.Length == 0 ? string.Empty : "/" + trimmed;
    }

    private static string AnsweredRequestId(string path)
    {
        var rest = path.AsSpan((Prefix + "invocation/").Length);
        var slash = rest.IndexOf('/');
        return slash > 0 ? Uri.UnescapeDataString(rest[..slash].ToString()) : string.Empty;
    }

    private static Task WriteAsync(HttpContext http, int status, ReadOnlyMemory<byte> body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentLength = body.Length;
        return http.Response.Body.WriteAsync(body).AsTask();
    }

    private static string NewTraceId()
    {
        var epoch = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds().ToString("x8", CultureInfo.InvariantCulture);
        var id = Guid.NewGuid().ToString("N")[..24];
        var parent = Guid.NewGuid().ToString("N")[..16];
        return $"Root=1-{epoch}-{id};Parent={parent};Sampled=0";
    }

    private sealed class Pending(byte[] payload, InvocationRequest request)
    {
        public byte[] Payload { get; } = payload;

        public InvocationRequest Request { get; } = request;

        public string RequestId { get; } = request.RequestId ?? Guid.NewGuid().ToString();

        public TaskCompletionSource<InvocationResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public long Started { get; set; }

        public DateTimeOffset Deadline { get; set; }

        public Timer? Timeout { get; set; }

        public bool Complete(InvocationOutcome outcome, byte[] body, string? errorType, string? contentType)
        {
            var result = new InvocationResult(RequestId, outcome, body, errorType, contentType, Deadline, Stopwatch.GetElapsedTime(Started));
            if (!Completion.TrySetResult(result))
            {
                return false;
            }

            Timeout?.Dispose();
            return true;
        }
    }
}
