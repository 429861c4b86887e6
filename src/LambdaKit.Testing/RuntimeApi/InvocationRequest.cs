namespace LambdaKit.Testing;

/// <summary>Optional headers of an invocation queued on a <see cref="LocalRuntimeApi"/>.</summary>
public sealed class InvocationRequest
{
    /// <summary>The request id; a new GUID when not set.</summary>
    public string? RequestId { get; init; }

    /// <summary>Overrides the function timeout for this invocation.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The <c>Lambda-Runtime-Trace-Id</c> header; a generated X-Ray header when not set.</summary>
    public string? TraceId { get; init; }

    /// <summary>The <c>Lambda-Runtime-Client-Context</c> header (JSON).</summary>
    public string? ClientContext { get; init; }

    /// <summary>The <c>Lambda-Runtime-Cognito-Identity</c> header (JSON).</summary>
    public string? CognitoIdentity { get; init; }

    /// <summary>The <c>Lambda-Runtime-Aws-Tenant-Id</c> header.</summary>
    public string? TenantId { get; init; }

    /// <summary>The <c>Lambda-Runtime-Invoked-Function-Arn</c> header; the configured function's ARN when not set.</summary>
    public string? InvokedFunctionArn { get; init; }
}
