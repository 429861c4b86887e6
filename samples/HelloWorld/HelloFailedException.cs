using LambdaKit;

namespace HelloWorld;

/// <summary>Thrown on request; reported to Lambda with the error type <c>HelloFailed</c>.</summary>
[LambdaErrorType("HelloFailed")]
internal sealed class HelloFailedException : Exception
{
    public HelloFailedException()
    {
    }

    public HelloFailedException(string message)
        : base(message, new InvalidOperationException("the inner cause"))
    {
    }

    public HelloFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
