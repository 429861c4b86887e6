namespace LambdaKit.Runtime;

/// <summary>
/// The <c>Lambda-Runtime-*</c> headers of a <c>next</c> response that LambdaKit reads; the value is the header's index in
/// <see cref="RuntimeHeaders"/>, where its name is.
/// </summary>
internal enum RuntimeHeader
{
    /// <summary><c>Lambda-Runtime-Aws-Request-Id</c> (required).</summary>
    RequestId,

    /// <summary><c>Lambda-Runtime-Deadline-Ms</c> (required).</summary>
    Deadline,

    /// <summary><c>Lambda-Runtime-Invoked-Function-Arn</c>.</summary>
    FunctionArn,

    /// <summary><c>Lambda-Runtime-Trace-Id</c>.</summary>
    TraceId,

    /// <summary><c>Lambda-Runtime-Client-Context</c>.</summary>
    ClientContext,

    /// <summary><c>Lambda-Runtime-Cognito-Identity</c>.</summary>
    CognitoIdentity,

    /// <summary><c>Lambda-Runtime-Aws-Tenant-Id</c>.</summary>
    TenantId,
}
