namespace LambdaKit.Context;

/// <summary>
/// The one record of which invocation the current asynchronous flow belongs to (correct when invocations overlap): set by
/// whoever starts an invocation (the loop, the in-process host) before its handler runs, cleared after. The log writer
/// tags lines with it, and <see cref="ILambdaContext"/> is injected from it in the invocation's DI scope.
/// </summary>
internal static class CurrentInvocation
{
    private static readonly AsyncLocal<InvocationContext?> Flow = new();

    /// <summary>The invocation of this flow; <see langword="null"/> outside any invocation (init phase, background work started before it).</summary>
    public static InvocationContext? Context
    {
        get => Flow.Value;
        set => Flow.Value = value;
    }
}
