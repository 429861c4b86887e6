namespace LambdaKit.Context;

/// <summary>
/// What one invocation reports back to whoever ran it (the loop, or <see cref="LambdaApplication.InvokeAsync"/>), as a
/// returned value: the error to report, if any, and what the metrics and the deadline warning need. The response itself
/// is in <see cref="InvocationContext.Output"/>.
/// </summary>
internal readonly record struct InvocationOutcome
{
    /// <summary>A handler that finished with nothing to report beyond its response.</summary>
    public static InvocationOutcome Completed => default;

    /// <summary>The error report to post instead of the response; <see langword="null"/> when the handler succeeded.</summary>
    public LambdaError? Error { get; init; }

    /// <summary>
    /// Items the deadline left unfinished (records not started or cancelled, a request answered with 504);
    /// <see langword="null"/> when the invocation finished in time.
    /// </summary>
    public int? UnfinishedWork { get; init; }

    /// <summary>Records a batch handler ran to an outcome (succeeded, failed or cancelled); <see langword="null"/> for a handler that is not a batch.</summary>
    public int? RecordsProcessed { get; init; }

    /// <summary>Returns this outcome with <paramref name="error"/> as its error.</summary>
    public InvocationOutcome WithError(LambdaError error) => this with { Error = error };
}
