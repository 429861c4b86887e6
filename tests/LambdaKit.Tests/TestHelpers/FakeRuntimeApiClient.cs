using System.Net;
using System.Text;
using System.Threading.Channels;
using LambdaKit.Runtime;

namespace LambdaKit.Tests.TestHelpers;

/// <summary>An in-memory Runtime API: queue events, read back what the loop answered.</summary>
internal sealed class FakeRuntimeApiClient : IRuntimeApiClient
{
    private readonly Channel<LambdaInvocation> _queue = Channel.CreateUnbounded<LambdaInvocation>();
    private readonly Dictionary<string, TaskCompletionSource<(string Kind, string Body, LambdaError? Error)>> _answers = [];

    private int _handedOut;

    public int MaxResponseBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>When set, <see cref="SendResponseAsync"/> throws what it returns for a request id (a fault outside any handler).</summary>
    public Func<string, Exception?>? ResponseFault { get; set; }

    public Task<(string Kind, string Body, LambdaError? Error)> Enqueue(string json, DateTimeOffset deadline, string? requestId = null)
    {
        requestId ??= Guid.NewGuid().ToString();
        var tcs = new TaskCompletionSource<(string, string, LambdaError?)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_answers)
        {
            _answers[requestId] = tcs;
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        _queue.Writer.TryWrite(new LambdaInvocation(new InvocationHeaders(requestId, deadline.ToUnixTimeMilliseconds()), bytes, bytes.Length, pooled: false));
        return tcs.Task;
    }

    /// <summary>How many invocations <see cref="GetNextInvocationAsync"/> handed out.</summary>
    public int HandedOut => Volatile.Read(ref _handedOut);

    public async ValueTask<LambdaInvocation> GetNextInvocationAsync(CancellationToken cancellationToken)
    {
        var invocation = await _queue.Reader.ReadAsync(cancellationToken);
        Interlocked.Increment(ref _handedOut);
        return invocation;
    }

    public ValueTask SendResponseAsync(string requestId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (ResponseFault?.Invoke(requestId) is { } fault)
        {
            throw fault;
        }

        if (payload.Length > MaxResponseBytes)
        {
            throw new RuntimeApiException(HttpStatusCode.RequestEntityTooLarge, "too large");
        }

        Answer(requestId, ("response", Encoding.UTF8.GetString(payload.Span), null));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendErrorAsync(string requestId, LambdaError report, CancellationToken cancellationToken)
    {
        Answer(requestId, ("error", Encoding.UTF8.GetString(report.ToUtf8Json()), report));
        return ValueTask.CompletedTask;
    }

    public ValueTask SendInitErrorAsync(LambdaError report, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask RegisterInternalExtensionAsync(string name, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask WaitForRestoreAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask SendRestoreErrorAsync(LambdaError report, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    private void Answer(string requestId, (string, string, LambdaError?) answer)
    {
        lock (_answers)
        {
            _answers[requestId].TrySetResult(answer);
        }
    }
}
