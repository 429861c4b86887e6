namespace LambdaKit;

/// <summary>Options of one warm-state entry, given to <c>services.AddWarmState&lt;T&gt;(factory, options =&gt; …)</c>.</summary>
public sealed class WarmStateOptions
{
    /// <summary>
    /// How long a value is used before the next use builds a new one (for example short-lived credentials);
    /// <see langword="null"/> (the default) keeps it for the life of the execution environment. Measured with the
    /// registered <see cref="TimeProvider"/>. Must be positive: zero or less fails start.
    /// </summary>
    public TimeSpan? TimeToLive { get; set; }

    /// <summary>
    /// Builds the value in Lambda's init phase, before the first invocation is asked for, so that the first invocation does
    /// not pay for it. A failure then fails the init phase (it is posted to <c>/init/error</c>). Default: off.
    /// </summary>
    public bool WarmUpAtStart { get; set; }

    /// <summary>
    /// Drops the value after a SnapStart restore, so that restored copies of the
    /// environment do not share it (a connection, credentials, a random seed): it is built again at once when
    /// <see cref="WarmUpAtStart"/> is set, otherwise on first use. Default: off (the snapshot's value is kept).
    /// </summary>
    public bool RefreshAfterRestore { get; set; }

    /// <summary>
    /// Whether the values the entry builds are its own: disposed (<see cref="IAsyncDisposable"/> or <see cref="IDisposable"/>)
    /// when replaced, invalidated or when the application shuts down. Set it to <see langword="false"/> when the factory
    /// returns an instance owned by something else. Default: <see langword="true"/>.
    /// </summary>
    public bool DisposeValues { get; set; } = true;

    /// <summary>
    /// How long a value that was replaced (expired or invalidated) is kept before it is disposed, so that an invocation
    /// still using it is not cut short; zero disposes it at once, a negative value fails start. At shutdown every held value is
    /// disposed at once. Default: 1 minute.
    /// </summary>
    public TimeSpan ReplacedValueDisposeDelay { get; set; } = TimeSpan.FromMinutes(1);
}
