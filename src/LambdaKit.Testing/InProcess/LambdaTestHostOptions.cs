using System.Globalization;
using Microsoft.Extensions.Logging;

namespace LambdaKit.Testing;

/// <summary>The function a <see cref="LambdaTestHost"/> pretends to be, and how it starts.</summary>
public sealed class LambdaTestHostOptions
{
    /// <summary>The function name (<c>AWS_LAMBDA_FUNCTION_NAME</c>). Default: <c>test-function</c>.</summary>
    public string FunctionName { get; set; } = "test-function";

    /// <summary>The function version (<c>AWS_LAMBDA_FUNCTION_VERSION</c>). Default: <c>$LATEST</c>.</summary>
    public string FunctionVersion { get; set; } = "$LATEST";

    /// <summary>The memory size in MB (<c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>). Default: 256.</summary>
    public int MemoryLimitInMB { get; set; } = 256;

    /// <summary>The region (<c>AWS_REGION</c>), also used in the default invoked function ARN. Default: <c>us-east-1</c>.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// <c>AWS_LAMBDA_INITIALIZATION_TYPE</c>: with <c>on-demand</c> (the default) the first invocation is a cold start.
    /// </summary>
    public string InitializationType { get; set; } = "on-demand";

    /// <summary>The function timeout: each invocation's deadline is this long after it starts, unless <see cref="InvocationRequest.Timeout"/> says otherwise. Default: 30 s.</summary>
    public TimeSpan FunctionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The command-line arguments passed to the entry point by <see cref="LambdaTestHost.StartAsync(System.Reflection.Assembly, Action{LambdaApplicationBuilder}?, LambdaTestHostOptions?, CancellationToken)"/>.</summary>
    public IReadOnlyList<string> Args { get; set; } = [];

    /// <summary>
    /// The lowest level logged, through <see cref="ILambdaContext.Logger"/> and <c>ILogger&lt;T&gt;</c> alike (what
    /// <c>AWS_LAMBDA_LOG_LEVEL</c> sets on Lambda). Default: <see cref="LogLevel.Information"/>.
    /// </summary>
    public LogLevel MinimumLevel { get; set; } = LogLevel.Information;

    /// <summary>How long the entry point may take to reach <c>RunAsync</c>. Default: 30 s.</summary>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The invoked function ARN given to invocations that do not set <see cref="InvocationRequest.InvokedFunctionArn"/>.</summary>
    public string FunctionArn => $"arn:aws:lambda:{Region}:123456789012:function:{FunctionName}";

    internal LambdaEnvironment ToEnvironment() => new(name => name switch
    {
        "AWS_LAMBDA_FUNCTION_NAME" => FunctionName,
        "AWS_LAMBDA_FUNCTION_VERSION" => FunctionVersion,
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE" => MemoryLimitInMB.ToString(CultureInfo.InvariantCulture),
        "AWS_LAMBDA_LOG_GROUP_NAME" => "/aws/lambda/" + FunctionName,
        "AWS_LAMBDA_LOG_STREAM_NAME" => "in-process",
        "AWS_REGION" => Region,
        "AWS_LAMBDA_INITIALIZATION_TYPE" => InitializationType,
        _ => null,
    });
}
