namespace LambdaKit.Runtime;

/// <summary>
/// <c>GET next</c> handed out an invocation that cannot be run (a missing or malformed header, an event over the size
/// cap). When it has a request id, the loop answers it on <c>/error</c> with <see cref="ErrorType"/> and goes on; without
/// one it cannot be answered, and the loop logs it and goes on.
/// </summary>
internal sealed class InvalidInvocationException : Exception
{
    /// <summary>The <c>errorType</c> of a missing or malformed invocation header.</summary>
    public const string InvalidHeaderType = "Runtime.InvalidInvocationHeader";

    /// <summary>The <c>errorType</c> of an event larger than the cap.</summary>
    public const string EventTooLargeType = "Runtime.EventTooLarge";

    public InvalidInvocationException()
        : this(null, InvalidHeaderType, "The invocation is invalid.")
    {
    }

    public InvalidInvocationException(string message)
        : this(null, InvalidHeaderType, message)
    {
    }

    public InvalidInvocationException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorType = InvalidHeaderType;
    }

    public InvalidInvocationException(string? requestId, string errorType, string message)
        : base(message)
    {
        RequestId = requestId;
        ErrorType = errorType;
    }

    /// <summary>The request id, when the invocation had one.</summary>
    public string? RequestId { get; }

    /// <summary>The error type reported on <c>/error</c>.</summary>
    public string ErrorType { get; }
}
