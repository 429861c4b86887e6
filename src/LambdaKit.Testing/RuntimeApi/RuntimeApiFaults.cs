using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace LambdaKit.Testing;

/// <summary>
/// Scripted faults for a <see cref="LocalRuntimeApi"/> (set <see cref="LocalRuntimeApiOptions.Faults"/>): each queued fault
/// applies to the next matching call, in order, then the API behaves normally again. It also counts, per request id, the
/// invocations handed out and the answers the API accepted, so that a test can assert that every invocation was
/// answered exactly once.
/// </summary>
public sealed class RuntimeApiFaults
{
    private const string RequestIdHeader = "Lambda-Runtime-Aws-Request-Id";
    private readonly ConcurrentQueue<NextFault> _next = new();
    private readonly ConcurrentQueue<AnswerFault> _answers = new();
    private readonly ConcurrentQueue<string> _handedOut = new();
    private readonly ConcurrentDictionary<string, int> _accepted = new(StringComparer.Ordinal);
    private int _nextFaultsInjected;
    private int _answerFaultsInjected;

    /// <summary>How long an <see cref="AnswerFault.Slow"/> answer is held (default 500 ms).</summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The request ids of the invocations handed out with status 200, in order (fault-free or header faults).</summary>
    public IReadOnlyList<string> HandedOut => [.. _handedOut];

    /// <summary>How many <c>next</c> faults were injected so far.</summary>
    public int NextFaultsInjected => Volatile.Read(ref _nextFaultsInjected);

    /// <summary>How many answer faults were injected so far.</summary>
    public int AnswerFaultsInjected => Volatile.Read(ref _answerFaultsInjected);

    /// <summary>Queues a fault for a coming <c>GET next</c>.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>This instance.</returns>
    public RuntimeApiFaults OnNext(NextFault fault)
    {
        _next.Enqueue(fault);
        return this;
    }

    /// <summary>Queues a fault for a coming <c>/response</c> or <c>/error</c>.</summary>
    /// <param name="fault">The fault.</param>
    /// <returns>This instance.</returns>
    public RuntimeApiFaults OnAnswer(AnswerFault fault)
    {
        _answers.Enqueue(fault);
        return this;
    }

    /// <summary>How many answers (<c>/response</c> or <c>/error</c>) the API accepted (202) for a request id.</summary>
    /// <param name="requestId">The request id.</param>
    /// <returns>The count.</returns>
    public int AcceptedAnswers(string requestId) => _accepted.TryGetValue(requestId, out var count) ? count : 0;

    /// <summary>Applies the queued fault, if any, to a <c>GET next</c>; returns whether the call was fully handled.</summary>
    internal async Task<bool> BeforeNextAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status200OK && http.Response.Headers.TryGetValue(RequestIdHeader, out var id))
            {
                _handedOut.Enqueue(id.ToString());
            }

            return Task.CompletedTask;
        });

        if (!_next.TryDequeue(out var fault))
        {
            return false;
        }

        Interlocked.Increment(ref _nextFaultsInjected);
        switch (fault)
        {
            case NextFault.DropConnection:
                http.Abort();
                return true;
            case NextFault.Status500:
            case NextFault.Status403:
                http.Response.StatusCode = fault == NextFault.Status500 ? StatusCodes.Status500InternalServerError : StatusCodes.Status403Forbidden;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"errorMessage\":\"injected fault\",\"errorType\":\"InjectedFault\"}").ConfigureAwait(false);
                return true;
            default:
                http.Response.OnStarting(() =>
                {
                    var headers = http.Response.Headers;
                    switch (fault)
                    {
                        case NextFault.NoRequestId:
                            headers.Remove(RequestIdHeader);
                            break;
                        case NextFault.NonNumericDeadline:
                            headers["Lambda-Runtime-Deadline-Ms"] = "soon-ish";
                            break;
                        case NextFault.NoDeadline:
                            headers.Remove("Lambda-Runtime-Deadline-Ms");
                            break;
                        case NextFault.ChunkedBody:
                            http.Response.ContentLength = null;
                            break;
                    }

                    return Task.CompletedTask;
                });
                return false;
        }
    }

    /// <summary>Applies the queued fault, if any, to an answer; returns whether the call was fully handled.</summary>
    internal async Task<bool> BeforeAnswerAsync(HttpContext http, string requestId)
    {
        http.Response.OnStarting(() =>
        {
            if (http.Response.StatusCode == StatusCodes.Status202Accepted)
            {
                _accepted.AddOrUpdate(requestId, 1, static (_, count) => count + 1);
            }

            return Task.CompletedTask;
        });

        if (!_answers.TryDequeue(out var fault))
        {
            return false;
        }

        Interlocked.Increment(ref _answerFaultsInjected);
        switch (fault)
        {
            case AnswerFault.DropConnection:
                http.Abort();
                return true;
            case AnswerFault.Status413:
            case AnswerFault.Status500:
                http.Response.StatusCode = fault == AnswerFault.Status413 ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status500InternalServerError;
                http.Response.ContentType = "application/json";
                await http.Response.WriteAsync("{\"errorMessage\":\"injected fault\",\"errorType\":\"InjectedFault\"}").ConfigureAwait(false);
                return true;
            default:
                await Task.Delay(SlowAnswerDelay, http.RequestAborted).ConfigureAwait(false);
                return false;
        }
    }
}
