namespace LambdaKit;

/// <summary>
/// Information about the current invocation and the function that runs it.
/// Member names mirror <c>Amazon.Lambda.Core.ILambdaContext</c> so that porting a handler is a change of <c>using</c>.
/// </summary>
public interface ILambdaContext
{
    /// <summary>The AWS request id of this invocation (header <c>Lambda-Runtime-Aws-Request-Id</c>).</summary>
    string AwsRequestId { get; }

    /// <summary>The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>).</summary>
    string FunctionName { get; }

    /// <summary>The function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>).</summary>
    string FunctionVersion { get; }

    /// <summary>The ARN used to invoke the function; it may carry a version or an alias (header <c>Lambda-Runtime-Invoked-Function-Arn</c>).</summary>
    string InvokedFunctionArn { get; }

    /// <summary>The memory configured for the function, in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>).</summary>
    int MemoryLimitInMB { get; }

    /// <summary>The CloudWatch log group of the function (<c>AWS_LAMBDA_LOG_GROUP_NAME</c>).</summary>
    string LogGroupName { get; }

    /// <summary>The CloudWatch log stream of this execution environment (<c>AWS_LAMBDA_LOG_STREAM_NAME</c>).</summary>
    string LogStreamName { get; }

    /// <summary>The time left before the invocation's deadline; never negative.</summary>
    TimeSpan RemainingTime { get; }

    /// <summary>The Cognito identity of the caller, when invoked through the AWS Mobile SDK; otherwise <see langword="null"/>.</summary>
    ICognitoIdentity? Identity { get; }

    /// <summary>The client context of the caller, when invoked through the AWS Mobile SDK; otherwise <see langword="null"/>.</summary>
    IClientContext? ClientContext { get; }

    /// <summary>A logger that writes lines tagged with this invocation's request id.</summary>
    ILambdaLogger Logger { get; }

    /// <summary>The X-Ray trace header of this invocation (header <c>Lambda-Runtime-Trace-Id</c>), if any.</summary>
    string? TraceId { get; }

    /// <summary>The tenant id of this invocation (header <c>Lambda-Runtime-Aws-Tenant-Id</c>), if any.</summary>
    string? TenantId { get; }

    /// <summary>The invocation's deadline (header <c>Lambda-Runtime-Deadline-Ms</c>).</summary>
    DateTimeOffset Deadline { get; }

    /// <summary>
    /// <see langword="true"/> only for the first invocation of an execution environment that was started on demand
    /// (not provisioned concurrency or SnapStart, per <c>AWS_LAMBDA_INITIALIZATION_TYPE</c>).
    /// </summary>
    bool IsColdStart { get; }
}
