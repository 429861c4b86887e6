namespace LambdaKit;

/// <summary>Thrown by a route (or by LambdaKit while binding a request) to answer with an <c>application/problem+json</c> result.</summary>
public sealed class HttpProblemException : Exception
{
    /// <summary>Creates a 400 problem.</summary>
    public HttpProblemException()
        : this(400, "Bad Request", null)
    {
    }

    /// <summary>Creates a 400 problem.</summary>
    /// <param name="message">The detail.</param>
    public HttpProblemException(string message)
        : this(400, "Bad Request", message)
    {
    }

    /// <summary>Creates a 400 problem.</summary>
    /// <param name="message">The detail.</param>
    /// <param name="innerException">The cause.</param>
    public HttpProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        StatusCode = 400;
        Title = "Bad Request";
    }

    /// <summary>Creates a problem with a status.</summary>
    /// <param name="statusCode">The status.</param>
    /// <param name="title">A short summary.</param>
    /// <param name="detail">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public HttpProblemException(int statusCode, string title, string? detail, Exception? innerException = null)
        : base(detail ?? title, innerException)
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
    }

    /// <summary>The status.</summary>
    public int StatusCode { get; }

    /// <summary>The title.</summary>
    public string Title { get; }

    /// <summary>The detail.</summary>
    public string? Detail { get; }
}
