namespace LambdaKit.Context;

/// <summary>Scoped holder through which <see cref="ILambdaContext"/> is injected in an invocation's scope.</summary>
internal sealed class InvocationContextHolder
{
    public InvocationContext? Context { get; set; }
}
