namespace LambdaKit.Testing;

/// <summary>How an invocation ended.</summary>
public enum InvocationOutcome
{
    /// <summary>The function posted a response.</summary>
    Response,

    /// <summary>The function posted an error report.</summary>
    Error,

    /// <summary>The deadline passed without an answer.</summary>
    TimedOut,
}
