namespace LambdaKit.Testing;

/// <summary>A fault the <see cref="LocalRuntimeApi"/> injects into one <c>GET next</c> call (see <see cref="RuntimeApiFaults"/>).</summary>
public enum NextFault
{
    /// <summary>Closes the connection without answering; no invocation is handed out.</summary>
    DropConnection,

    /// <summary>Answers 500 (the execution environment is broken); no invocation is handed out.</summary>
    Status500,

    /// <summary>Answers 403; no invocation is handed out.</summary>
    Status403,

    /// <summary>Hands out the next invocation without its <c>Lambda-Runtime-Aws-Request-Id</c> header.</summary>
    NoRequestId,

    /// <summary>Hands out the next invocation with a <c>Lambda-Runtime-Deadline-Ms</c> that is not a number.</summary>
    NonNumericDeadline,

    /// <summary>Hands out the next invocation without its <c>Lambda-Runtime-Deadline-Ms</c> header.</summary>
    NoDeadline,

    /// <summary>Hands out the next invocation with a chunked body (no <c>Content-Length</c>).</summary>
    ChunkedBody,
}
