using LambdaKit.Context;
using LambdaKit.Events;

namespace LambdaKit.Routing;

/// <summary>
/// Runs one invocation: reads <see cref="InvocationContext.Payload"/>, writes the response to
/// <see cref="InvocationContext.Output"/>, and returns what the loop must know beyond the response (unfinished work,
/// records processed). <paramref name="source"/> is the source the dispatcher detected, or
/// <see cref="EventSourceKind.Unknown"/> when it did not detect (a single raw handler).
/// </summary>
internal delegate ValueTask<InvocationOutcome> InvocationDelegate(InvocationContext context, EventSourceKind source);
