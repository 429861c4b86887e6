namespace LambdaKit;

/// <summary>
/// A value that is costly to build (a client, a connection pool, parsed configuration) and is kept across the warm
/// invocations of one execution environment. Registered with
/// <c>services.AddWarmState&lt;T&gt;((services, cancellationToken) =&gt; …)</c> and injected anywhere as
/// <see cref="IWarmState{T}"/>. Thread-safe: concurrent first uses build the value once.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public interface IWarmState<T>
    where T : notnull
{
    /// <summary>Whether a value is held and has not expired: the next <see cref="GetAsync"/> completes at once.</summary>
    bool IsCreated { get; }

    /// <summary>
    /// Gets the value: the one held when it is there and has not expired (no allocation, completes synchronously), else
    /// builds it once for every caller that asks meanwhile. A failure of the factory reaches every waiting caller and is
    /// not kept: the next call tries again.
    /// </summary>
    /// <param name="cancellationToken">Stops this caller's wait; the build itself goes on for the others.</param>
    /// <returns>The value.</returns>
    /// <exception cref="ObjectDisposedException">The application is shutting down.</exception>
    ValueTask<T> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets the value (for example a connection found broken), so that the next <see cref="GetAsync"/> builds a new one.
    /// The forgotten value is disposed after <see cref="WarmStateOptions.ReplacedValueDisposeDelay"/>, when it is disposable.
    /// </summary>
    void Invalidate();
}
