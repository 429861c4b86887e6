using LambdaKit.Context;

namespace LambdaKit.Routing;

/// <summary>Runs one invocation: reads <see cref="InvocationContext.Payload"/>, writes the response to <see cref="InvocationContext.Output"/>.</summary>
internal delegate ValueTask InvocationDelegate(InvocationContext context);
