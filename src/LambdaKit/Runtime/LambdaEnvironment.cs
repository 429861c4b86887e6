using System.Globalization;

namespace LambdaKit;

/// <summary>
/// The environment variables Lambda sets for a custom runtime, read once per execution environment.
/// </summary>
public sealed class LambdaEnvironment
{
    /// <summary>The name of the variable that holds the Runtime API's <c>host:port</c>.</summary>
    public const string RuntimeApiVariable = "AWS_LAMBDA_RUNTIME_API";

    /// <summary>Creates an environment from explicit values (tests, local runs).</summary>
    /// <param name="variables">A lookup of variable values; <see langword="null"/> when a variable is not set.</param>
    public LambdaEnvironment(Func<string, string?> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        RuntimeApi = variables(RuntimeApiVariable);
        Handler = variables("_HANDLER");
        TaskRoot = variables("LAMBDA_TASK_ROOT");
        FunctionName = variables("AWS_LAMBDA_FUNCTION_NAME") ?? string.Empty;
        FunctionVersion = variables("AWS_LAMBDA_FUNCTION_VERSION") ?? "$LATEST";
        MemoryLimitInMB = ParseInt(variables("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), 0);
        LogGroupName = variables("AWS_LAMBDA_LOG_GROUP_NAME") ?? string.Empty;
        LogStreamName = variables("AWS_LAMBDA_LOG_STREAM_NAME") ?? string.Empty;
        Region = variables("AWS_REGION") ?? variables("AWS_DEFAULT_REGION");
        ExecutionEnvironment = variables("AWS_EXECUTION_ENV");
        InitializationType = variables("AWS_LAMBDA_INITIALIZATION_TYPE") ?? "on-demand";
        LogFormat = variables("AWS_LAMBDA_LOG_FORMAT");
        LogLevel = variables("AWS_LAMBDA_LOG_LEVEL");
        MaxConcurrency = Math.Max(1, ParseInt(variables("AWS_LAMBDA_MAX_CONCURRENCY"), 1));
    }

    /// <summary>Reads the process environment.</summary>
    public static LambdaEnvironment FromProcess() => new(Environment.GetEnvironmentVariable);

    /// <summary><c>AWS_LAMBDA_RUNTIME_API</c>: the Runtime API's <c>host:port</c>; <see langword="null"/> when not running on Lambda.</summary>
    public string? RuntimeApi { get; }

    /// <summary><c>_HANDLER</c>: the handler setting of the function.</summary>
    public string? Handler { get; }

    /// <summary><c>LAMBDA_TASK_ROOT</c>: the folder that holds the function code.</summary>
    public string? TaskRoot { get; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_NAME</c>.</summary>
    public string FunctionName { get; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_VERSION</c> (<c>$LATEST</c> when unset).</summary>
    public string FunctionVersion { get; }

    /// <summary><c>AWS_LAMBDA_FUNCTION_MEMORY_SIZE</c>, in MB (0 when unset).</summary>
    public int MemoryLimitInMB { get; }

    /// <summary><c>AWS_LAMBDA_LOG_GROUP_NAME</c>.</summary>
    public string LogGroupName { get; }

    /// <summary><c>AWS_LAMBDA_LOG_STREAM_NAME</c>.</summary>
    public string LogStreamName { get; }

    /// <summary><c>AWS_REGION</c>.</summary>
    public string? Region { get; }

    /// <summary><c>AWS_EXECUTION_ENV</c>.</summary>
    public string? ExecutionEnvironment { get; }

    /// <summary><c>AWS_LAMBDA_INITIALIZATION_TYPE</c>: <c>on-demand</c> (default), <c>provisioned-concurrency</c> or <c>snap-start</c>.</summary>
    public string InitializationType { get; }

    /// <summary><c>AWS_LAMBDA_LOG_FORMAT</c>: <c>Text</c> or <c>JSON</c>.</summary>
    public string? LogFormat { get; }

    /// <summary><c>AWS_LAMBDA_LOG_LEVEL</c>.</summary>
    public string? LogLevel { get; }

    /// <summary><c>AWS_LAMBDA_MAX_CONCURRENCY</c>: how many invocations may run at once (1 when unset).</summary>
    public int MaxConcurrency { get; }

    /// <summary>Whether the environment was started on demand, so that its first invocation is a cold start.</summary>
    public bool IsOnDemand => string.Equals(InitializationType, "on-demand", StringComparison.OrdinalIgnoreCase);

    private static int ParseInt(string? value, int fallback)
        => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : fallback;
}
