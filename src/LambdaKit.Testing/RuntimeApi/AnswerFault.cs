namespace LambdaKit.Testing;

/// <summary>
/// A fault the <see cref="LocalRuntimeApi"/> injects into one <c>POST …/response</c> or <c>POST …/error</c>
/// (see <see cref="RuntimeApiFaults"/>).
/// </summary>
public enum AnswerFault
{
    /// <summary>Closes the connection without reading or recording the answer.</summary>
    DropConnection,

    /// <summary>Refuses the answer with 413 (payload too large) without recording it.</summary>
    Status413,

    /// <summary>Answers 500 (the execution environment is broken) without recording the answer.</summary>
    Status500,

    /// <summary>Waits <see cref="RuntimeApiFaults.SlowAnswerDelay"/>, then records the answer as usual.</summary>
    Slow,
}
