namespace LambdaKit;

/// <summary>
/// No handler is registered for the source of the event received. Reported to Lambda with error type
/// <c>Runtime.UnknownEventSource</c>; the loop goes on with the next invocation.
/// </summary>
public sealed class UnknownEventSourceException : Exception, ILambdaErrorType
{
    /// <summary>Creates the exception.</summary>
    public UnknownEventSourceException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was received and what is registered.</param>
    public UnknownEventSourceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was received and what is registered.</param>
    /// <param name="innerException">The cause.</param>
    public UnknownEventSourceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public string ErrorType => "Runtime.UnknownEventSource";
}
