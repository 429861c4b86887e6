namespace HelloWorld;

/// <summary>The answer of the HelloWorld function.</summary>
internal sealed class HelloResponse
{
    public required string Message { get; init; }

    public string? RequestId { get; init; }

    public string? FunctionArn { get; init; }

    public string? TraceId { get; init; }

    public bool ColdStart { get; init; }

    public long DeadlineMs { get; init; }

    public long RemainingMs { get; init; }

    public bool Cancelled { get; init; }

    public string? Padding { get; init; }
}
