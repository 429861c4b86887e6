using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LambdaKit.Testing;

/// <summary>What one invocation through a <see cref="LambdaTestHost"/> answered, and the log lines it wrote.</summary>
public sealed class LambdaTestResult
{
    internal LambdaTestResult(LambdaInvocationResult result, IReadOnlyList<TestLogLine> logs)
    {
        RequestId = result.RequestId;
        Response = result.Response;
        Error = result.Error;
        Logs = logs;
    }

    /// <summary>The request id the invocation was given (<see cref="InvocationRequest.RequestId"/>, or a new GUID), as the handler saw it.</summary>
    public string RequestId { get; }

    /// <summary>Whether the function answered rather than reporting an error.</summary>
    public bool IsSuccess => Error is null;

    /// <summary>The response bytes (UTF-8 JSON), as they would have been posted to the Runtime API; empty on failure.</summary>
    public ReadOnlyMemory<byte> Response { get; }

    /// <summary><see cref="Response"/> decoded as UTF-8 (empty on failure; decoded again on each read).</summary>
    public string ResponseText => Encoding.UTF8.GetString(Response.Span);

    /// <summary>The error report (<see cref="LambdaError.ErrorType"/>, <see cref="LambdaError.ErrorMessage"/>, <see cref="LambdaError.StackTrace"/>, <see cref="LambdaError.Cause"/>) when the invocation failed.</summary>
    public LambdaError? Error { get; }

    /// <summary>The lines written during this invocation, through <see cref="ILambdaContext.Logger"/> and <c>ILogger&lt;T&gt;</c>, in order.</summary>
    public IReadOnlyList<TestLogLine> Logs { get; }

    /// <summary>Reads the response as <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The response type.</typeparam>
    /// <param name="typeInfo">Its source-generated JSON metadata (for example <c>MyJsonContext.Default.MyResponse</c>).</param>
    /// <returns>The response.</returns>
    /// <exception cref="InvalidOperationException">The invocation failed: the message carries the error report.</exception>
    public T ReadResponse<T>(JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        EnsureSuccess();
        return JsonSerializer.Deserialize(Response.Span, typeInfo)!;
    }

    /// <summary>Parses the response as JSON (the caller disposes the document).</summary>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidOperationException">The invocation failed: the message carries the error report.</exception>
    public JsonDocument ParseResponse()
    {
        EnsureSuccess();
        return JsonDocument.Parse(Response);
    }

    /// <inheritdoc />
    public override string ToString() => Error is null
        ? $"{RequestId}: {ResponseText}"
        : $"{RequestId} failed: {Error.ErrorType}: {Error.ErrorMessage}";

    private void EnsureSuccess()
    {
        if (Error is not null)
        {
            throw new InvalidOperationException($"The invocation failed with {Error.ErrorType}: {Error.ErrorMessage}");
        }
    }
}
