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
    /// <param name="message">The <see cref="Detail"/> shown to the caller.</param>
    public HttpProblemException(string message)
        : this(400, "Bad Request", message)
    {
    }

    /// <summary>Creates a 400 problem.</summary>
    /// <param name="message">The <see cref="Detail"/> shown to the caller.</param>
    /// <param name="innerException">The cause; logged, never shown to the caller.</param>
    public HttpProblemException(string message, Exception innerException)
        : this(400, "Bad Request", message, innerException)
    {
    }

    /// <summary>Creates a problem with a status.</summary>
    /// <param name="statusCode">The HTTP status of the answer, for example 404 or 409.</param>
    /// <param name="title">A short summary of the kind of problem, the same for every occurrence (<c>Not Found</c>).</param>
    /// <param name="detail">What went wrong this time, shown to the caller; <see langword="null"/> for none.</param>
    /// <param name="innerException">The cause; logged, never shown to the caller.</param>
    public HttpProblemException(int statusCode, string title, string? detail, Exception? innerException = null)
        : base(detail ?? title, innerException)
    {
        StatusCode = statusCode;
        Title = title;
        Detail = detail;
    }

    /// <summary>The HTTP status of the answer (400 unless given).</summary>
    public int StatusCode { get; }

    /// <summary>The problem body's <c>title</c>: the kind of problem (<c>Bad Request</c> unless given).</summary>
    public string Title { get; }

    /// <summary>The problem body's <c>detail</c>, omitted from the body when <see langword="null"/>.</summary>
    public string? Detail { get; }
}
