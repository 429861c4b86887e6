namespace LambdaKit.Invocation;

/// <summary>
/// What the loop needs of the function's options, handed down by Hosting (which owns <see cref="LambdaKitOptions"/>)
/// so that the pipeline never reads the options types above it.
/// </summary>
/// <param name="CancellationMargin">How long before the deadline each invocation's token fires.</param>
/// <param name="MaxConcurrency">Invocations run at once; <see langword="null"/> takes <c>AWS_LAMBDA_MAX_CONCURRENCY</c> (1 when unset).</param>
/// <param name="CollectionThreshold">
/// Bytes allocated after which the loop collects generation 0 between two invocations (one invocation at a time only);
/// <see langword="null"/> leaves every collection to the runtime.
/// </param>
internal sealed record InvocationSettings(TimeSpan CancellationMargin, int? MaxConcurrency, long? CollectionThreshold = null);
