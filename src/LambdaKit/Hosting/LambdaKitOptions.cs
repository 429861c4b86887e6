using System.Text.Json.Serialization;

namespace LambdaKit;

/// <summary>Options of the LambdaKit runtime, configured with <c>services.AddLambdaKit(options =&gt; …)</c>.</summary>
public sealed class LambdaKitOptions
{
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
