namespace LambdaKit;

/// <summary>The <c>Lambda-Runtime-*</c> headers of one invocation.</summary>
public sealed class InvocationHeaders
{
    /// <summary>Creates the headers of an invocation.</summary>
    /// <param name="requestId">The request id (required).</param>
    /// <param name="deadlineMs">The deadline, in Unix epoch milliseconds.</param>
    public InvocationHeaders(string requestId, long deadlineMs)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestId);
        RequestId = requestId;
        DeadlineMs = deadlineMs;
    }

    /// <summary>The invocation's request id (<c>Lambda-Runtime-Aws-Request-Id</c>): the key of its <c>/response</c> or <c>/error</c> post and of its log lines. Never empty.</summary>
    public string RequestId { get; }

    /// <summary>The deadline, Unix epoch milliseconds.</summary>
    public long DeadlineMs { get; }

    /// <summary>The deadline as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Deadline => DateTimeOffset.FromUnixTimeMilliseconds(DeadlineMs);

    /// <summary>The ARN used to invoke the function.</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>The X-Ray trace header value (<c>Lambda-Runtime-Trace-Id</c>, <c>Root=…;Parent=…;Sampled=…</c>), unparsed; <see langword="null"/> when tracing sent none.</summary>
    public string? TraceId { get; init; }

    /// <summary>The raw JSON of the mobile client context.</summary>
    public string? ClientContextJson { get; init; }

    /// <summary>The raw JSON of the Cognito identity.</summary>
    public string? CognitoIdentityJson { get; init; }

    /// <summary>The tenant of a function with tenant isolation (<c>Lambda-Runtime-Aws-Tenant-Id</c>); <see langword="null"/> for other functions.</summary>
    public string? TenantId { get; init; }
}
