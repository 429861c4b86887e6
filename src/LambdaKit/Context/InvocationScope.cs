namespace LambdaKit.Context;

/// <summary>The invocation the current asynchronous flow belongs to; correct when invocations overlap.</summary>
internal static class InvocationScope
{
    private static readonly AsyncLocal<InvocationContext?> CurrentInvocation = new();

    public static InvocationContext? Current
    {
        get => CurrentInvocation.Value;
        set => CurrentInvocation.Value = value;
    }
}
