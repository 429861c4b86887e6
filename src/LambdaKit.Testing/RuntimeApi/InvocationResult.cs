using System.Text;
using System.Text.Json;

namespace LambdaKit.Testing;

/// <summary>The recorded outcome of one invocation on a <see cref="LocalRuntimeApi"/>.</summary>
public sealed class InvocationResult
{
    internal InvocationResult(string requestId, InvocationOutcome outcome, byte[] body, string? errorTypeHeader, string? contentType, DateTimeOffset deadline, TimeSpan duration)
    {
        RequestId = requestId;
        Outcome = outcome;
        Body = body;
        ErrorTypeHeader = errorTypeHeader;
        ContentType = contentType;
        Deadline = deadline;
        Duration = duration;
    }

    /// <summary>The request id the invocation was queued with (<see cref="InvocationRequest.RequestId"/>, or the GUID generated for it).</summary>
    public string RequestId { get; }

    /// <summary>How the invocation ended.</summary>
    public InvocationOutcome Outcome { get; }

    /// <summary>The body the function posted (response or error report).</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary><see cref="Body"/> decoded as UTF-8 (decoded again on each read; invalid bytes become U+FFFD).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    /// <summary>The <c>Lambda-Runtime-Function-Error-Type</c> header of an error report.</summary>
    public string? ErrorTypeHeader { get; }

    /// <summary>The content type the function posted.</summary>
    public string? ContentType { get; }

    /// <summary>The deadline the invocation was given.</summary>
    public DateTimeOffset Deadline { get; }

    /// <summary>From hand-out to answer.</summary>
    public TimeSpan Duration { get; }

    /// <summary>The body parsed as JSON (the caller disposes the document).</summary>
    /// <returns>The JSON document.</returns>
    public JsonDocument ParseBody() => JsonDocument.Parse(Body);

    /// <inheritdoc />
    public override string ToString() => $"{Outcome} {RequestId}: {BodyText}";
}
