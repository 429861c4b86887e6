namespace LambdaKit.Testing;

/// <summary>Options of a <see cref="LocalRuntimeApi"/>.</summary>
public sealed class LocalRuntimeApiOptions
{
    /// <summary>The Lambda limit of a buffered response: 6 MB.</summary>
    public const int DefaultMaxResponseBytes = 6 * 1024 * 1024;

    /// <summary>The port on 127.0.0.1; 0 (default) picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>The function timeout: each invocation's deadline is this long after it is handed out. Default: 30 s.</summary>
    public TimeSpan FunctionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The function name used in the invoked ARN. Default: <c>local-function</c>.</summary>
    public string FunctionName { get; set; } = "local-function";

    /// <summary>The region used in the invoked ARN. Default: <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>Responses larger than this are refused with 413. Default: 6 MB.</summary>
    public int MaxResponseBytes { get; set; } = DefaultMaxResponseBytes;

    /// <summary>
    /// The <c>Lambda-Runtime-Invoked-Function-Arn</c> sent with each invocation unless <see cref="InvocationRequest.InvokedFunctionArn"/>
    /// overrides it: built from <see cref="Region"/> and <see cref="FunctionName"/> with the placeholder account 123456789012.
    /// </summary>
    public string FunctionArn => $"arn:aws:lambda:{Region}:123456789012:function:{FunctionName}";

    /// <summary>
    /// A path every Runtime API path is served under (for example <c>/SomeFunction</c>, as AWS's Lambda Test Tool does):
    /// the function is then started with <c>AWS_LAMBDA_RUNTIME_API=host:port/SomeFunction</c> (<see cref="LocalRuntimeApi.RuntimeApiAddress"/>).
    /// Requests outside the prefix get 404. <see langword="null"/> (default): no prefix.
    /// </summary>
    public string? PathPrefix { get; set; }

    /// <summary>Scripted faults to inject (tests of a runtime's fault handling); <see langword="null"/> (default): none.</summary>
    public RuntimeApiFaults? Faults { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether <c>GET /runtime/restore/next</c> (SnapStart) answers at once, as if the snapshot
    /// had been restored immediately. When <see langword="false"/> it waits for <see cref="LocalRuntimeApi.RestoreSnapshot"/>, so
    /// that a test can look at the function between the snapshot and the restore. Default: <see langword="true"/>.
    /// </summary>
    public bool RestoreImmediately { get; set; } = true;
}
