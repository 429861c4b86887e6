namespace LambdaKit;

/// <summary>How LambdaKit writes log lines to stdout (Lambda's <c>AWS_LAMBDA_LOG_FORMAT</c>).</summary>
public enum LambdaLogFormat
{
    /// <summary>Lambda's text format: <c>timestamp&#9;requestId&#9;LEVEL&#9;message</c>, one line per entry.</summary>
    Text,

    /// <summary>One JSON object per line, with the fields of Lambda's structured log format.</summary>
    Json,
}
