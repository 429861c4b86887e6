namespace LambdaKit;

/// <summary>
/// What one in-process invocation (<see cref="LambdaApplication.InvokeAsync"/>) answered: the response bytes the Runtime API
/// loop would have posted to <c>/response</c>, or the error report it would have posted to <c>/error</c>.
/// </summary>
public sealed class LambdaInvocationResult
{
    internal LambdaInvocationResult(string requestId, ReadOnlyMemory<byte> response, LambdaError? error)
    {
        RequestId = requestId;
        Response = response;
        Error = error;
    }

    /// <summary>The <see cref="InvocationHeaders.RequestId"/> the invocation was given, as the handler saw it in <c>AwsRequestId</c>.</summary>
    public string RequestId { get; }

    /// <summary>Whether the handler answered (<see cref="Error"/> is <see langword="null"/>).</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The serialized response (UTF-8 JSON; empty for a handler without a response, and when the invocation failed). A copy the caller owns.</summary>
    public ReadOnlyMemory<byte> Response { get; }

    /// <summary>The error report (<c>errorType</c>, <c>errorMessage</c>, <c>stackTrace</c>, <c>cause</c>) when the invocation failed.</summary>
    public LambdaError? Error { get; }
}
