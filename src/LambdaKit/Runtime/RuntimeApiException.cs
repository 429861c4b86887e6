using System.Net;

namespace LambdaKit.Runtime;

/// <summary>The Runtime API answered a call with an unexpected status.</summary>
internal sealed class RuntimeApiException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RuntimeApiException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public RuntimeApiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public RuntimeApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a status code.</summary>
    /// <param name="statusCode">The HTTP status Lambda answered.</param>
    /// <param name="message">The message.</param>
    public RuntimeApiException(HttpStatusCode statusCode, string message)
        : base(message)
    {
        StatusCode = statusCode;
    }

    /// <summary>The HTTP status the Runtime API answered, when there was one.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>Whether no connection to the Runtime API could be made, even after retries: the function cannot go on.</summary>
    internal bool IsUnreachable { get; init; }
}
