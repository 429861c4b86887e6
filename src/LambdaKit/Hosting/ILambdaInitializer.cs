namespace LambdaKit;

/// <summary>
/// Start-up work that runs once per execution environment, in the init phase before the first invocation
/// (warming caches, opening connections). A failure is posted to <c>/init/error</c> and the process exits non-zero.
/// Register implementations as singletons: <c>services.AddSingleton&lt;ILambdaInitializer, MyWarmUp&gt;()</c>.
/// </summary>
public interface ILambdaInitializer
{
    /// <summary>Runs the start-up work.</summary>
    /// <param name="cancellationToken">Fires when the process is asked to stop.</param>
    /// <returns>A task that completes when the work is done.</returns>
    ValueTask InitializeAsync(CancellationToken cancellationToken);
}
