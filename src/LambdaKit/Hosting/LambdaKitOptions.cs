using System.Text.Json.Serialization;

namespace LambdaKit;

/// <summary>Options of the LambdaKit runtime, configured with <c>services.AddLambdaKit(options =&gt; …)</c>.</summary>
public sealed class LambdaKitOptions
{
    private const long DefaultGarbageCollectionThreshold = 4 * 1024 * 1024;

    /// <summary>
    /// How long before the deadline the invocation's <see cref="CancellationToken"/> fires, leaving time to answer.
    /// Zero fires it at the deadline itself; a negative value fails start. Default: 500 ms.
    /// </summary>
    public TimeSpan CancellationMargin { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The source-generated JSON contexts that describe the function's own types, searched in order before the built-in
    /// event types. Each context keeps its own <c>[JsonSourceGenerationOptions]</c> (naming policy, null handling).
    /// Add one with <see cref="AddJsonSerializerContext"/>.
    /// </summary>
    public IList<JsonSerializerContext> JsonSerializerContexts { get; } = [];

    /// <summary>
    /// Registers an internal extension at start-up so that Lambda sends SIGTERM before it shuts the execution environment
    /// down, giving warm state and scoped services a chance to be disposed. Costs one HTTP call at init. Default: off.
    /// </summary>
    public bool EnableShutdownSignal { get; set; }

    /// <summary>
    /// How many invocations run at once; <see langword="null"/> (the default) follows <c>AWS_LAMBDA_MAX_CONCURRENCY</c> (1 when unset).
    /// Zero or less fails start.
    /// </summary>
    public int? MaxConcurrency { get; set; }

    /// <summary>
    /// Bytes the function may allocate before LambdaKit runs a generation-0 garbage collection between two invocations
    /// (after posting an answer, before asking for the next event), where almost nothing is alive and the pause delays no
    /// response. It bounds a warm function's resident memory: the runtime's own budget follows the CPU's cache (over
    /// 50 MB on hosts with a large L3) and leaves everything allocated until then resident. Applies when invocations run
    /// one at a time; <see langword="null"/> leaves every collection to the runtime. Zero or less fails start.
    /// Default: 4 MiB.
    /// </summary>
    public long? GarbageCollectionThreshold { get; set; } = DefaultGarbageCollectionThreshold;

    /// <summary>Adds a source-generated JSON context (for example <c>MyJsonContext.Default</c>) for the function's own types.</summary>
    /// <param name="context">The context; adding the same instance twice adds it once.</param>
    /// <returns>These options, to chain further calls.</returns>
    public LambdaKitOptions AddJsonSerializerContext(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!JsonSerializerContexts.Contains(context))
        {
            JsonSerializerContexts.Add(context);
        }

        return this;
    }
}
