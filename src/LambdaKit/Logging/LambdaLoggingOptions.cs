namespace LambdaKit;

/// <summary>
/// Options of LambdaKit's stdout logging and invocation metrics, configured with
/// <c>services.AddLambdaLogging(options =&gt; …)</c>. The level filter always follows <c>AWS_LAMBDA_LOG_LEVEL</c>.
/// </summary>
public sealed class LambdaLoggingOptions
{
    /// <summary>
    /// The line format; by default <c>AWS_LAMBDA_LOG_FORMAT</c> (<see cref="LambdaLogFormat.Json"/> when it is <c>JSON</c>,
    /// otherwise <see cref="LambdaLogFormat.Text"/>).
    /// </summary>
    public LambdaLogFormat? Format { get; set; }

    /// <summary>
    /// How many bytes of formatted lines may wait for stdout. Lines are formatted by the caller and written by a background
    /// thread, so that a slow stdout does not hold an invocation up. At least 1024 (a smaller value fails start). Default: 1 MiB.
    /// </summary>
    public int MaxBufferedBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long a log call waits for room when <see cref="MaxBufferedBytes"/> are already waiting. After that the line is
    /// dropped and counted; a warning line reports how many were dropped. Zero drops at once; a negative value fails start.
    /// Default: 10 ms.
    /// </summary>
    public TimeSpan FullBufferWait { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Writes one CloudWatch Embedded Metric Format line per invocation: <c>Duration</c> (ms), <c>ColdStart</c>,
    /// <c>Errors</c> and, when a batch handler reports it, <c>RecordsProcessed</c>, with the dimension <c>FunctionName</c>.
    /// Default: off.
    /// </summary>
    public bool EnableMetrics { get; set; }

    /// <summary>The CloudWatch namespace the metrics are filed under; empty or blank fails start. Default: <c>LambdaKit</c>.</summary>
    public string MetricsNamespace { get; set; } = "LambdaKit";
}
