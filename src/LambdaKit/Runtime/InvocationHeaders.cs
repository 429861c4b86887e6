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

    /// <summary>The invocation id.</summary>
    public string RequestId { get; }

    /// <summary>The deadline, Unix epoch milliseconds.</summary>
    public long DeadlineMs { get; }

    /// <summary>The deadline as a <see cref="DateTimeOffset"/>.</summary>
    public DateTimeOffset Deadline => DateTimeOffset.FromUnixTimeMilliseconds(DeadlineMs);

    /// <summary>The ARN used to invoke the function.</summary>
    public string? InvokedFunctionArn { get; init; }

    /// <summary>The X-Ray trace header.</summary>
    public string? TraceId { get; init; }

    /// <summary>The raw JSON of the mobile client context.</summary>
    public string? ClientContextJson { get; init; }

    /// <summary>The raw JSON of the Cognito identity.</summary>
    public string? CognitoIdentityJson { get; init; }

    /// <summary>The tenant id.</summary>
    public string? TenantId { get; init; }
}
