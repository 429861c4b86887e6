using System.Diagnostics;
using LambdaKit.Context;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LambdaKit.Warm;

/// <summary>
/// One warm-state entry. A hit reads one volatile field (and the clock when a time-to-live is set) and completes
/// synchronously without allocating. A miss takes a lock only to join or start the single build in flight; the factory
/// itself runs outside the lock and outside any invocation's scope. Replaced values are disposed after a grace period,
/// every held value when the container's services are disposed.
/// </summary>
internal sealed partial class WarmState<T> : IWarmState<T>, IAsyncDisposable, IDisposable
    where T : notnull
{
    private readonly IServiceProvider _services;
    private readonly Func<IServiceProvider, CancellationToken, ValueTask<T>> _factory;
    private readonly TimeProvider _time;
    private readonly bool _systemClock;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly object _gate = new();
    private readonly List<Replaced> _replaced = [];
    private volatile Entry? _entry;
    private Task<Entry>? _building;
    private bool _disposed;

    public WarmState(
        IServiceProvider services,
        Func<IServiceProvider, CancellationToken, ValueTask<T>> factory,
        WarmStateOptions options,
        TimeProvider time,
        ILoggerFactory? loggers)
    {
        _services = services;
        _factory = factory;
        Options = options;
        _time = time;
        _systemClock = ReferenceEquals(time, TimeProvider.System);
        _logger = loggers?.CreateLogger("LambdaKit.WarmState") ?? NullLogger.Instance;
    }

    public WarmStateOptions Options { get; }

    public bool IsCreated => _entry is { } entry && !IsExpired(entry);

    public ValueTask<T> GetAsync(CancellationToken cancellationToken = default)
    {
        var entry = _entry;
        if (entry is not null && !IsExpired(entry))
        {
            return new ValueTask<T>(entry.Value);
        }

        return new ValueTask<T>(GetSlowAsync(cancellationToken));
    }

    public void Invalidate()
    {
        lock (_gate)
        {
            if (_entry is { } entry)
            {
                _entry = null;
                ReplaceLocked(entry.Value);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var value in Stop())
        {
            await DisposeValueAsync(value).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        foreach (var value in Stop())
        {
            DisposeValue(value);
        }
    }

    private bool IsExpired(Entry entry) => entry.ExpiresAt != long.MaxValue && Now() >= entry.ExpiresAt;

    /// <summary>
    /// Ticks on the clock expiry is measured with: the system's monotonic millisecond count (cheap, immune to wall-clock
    /// changes) for <see cref="TimeProvider.System"/>, the provider's UTC time otherwise (a fake clock in tests).
    /// </summary>
#pragma warning disable RS0030 // Only for TimeProvider.System: the monotonic millisecond count is the cheapest expiry clock; any other provider is read.
    private long Now() => _systemClock ? Environment.TickCount64 * TimeSpan.TicksPerMillisecond : _time.GetUtcNow().UtcTicks;
#pragma warning restore RS0030

    private async Task<T> GetSlowAsync(CancellationToken cancellationToken)
    {
        Task<Entry> building;
        TaskCompletionSource<Entry>? owned = null;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_entry is { } entry)
            {
                if (!IsExpired(entry))
                {
                    return entry.Value;
                }

                _entry = null;
                ReplaceLocked(entry.Value);
            }

            if (_building is null)
            {
                owned = new TaskCompletionSource<Entry>(TaskCreationOptions.RunContinuationsAsynchronously);
                _building = owned.Task;
            }

            building = _building;
        }

        if (owned is not null)
        {
            _ = BuildAsync(owned);
        }

        var built = await building.WaitAsync(cancellationToken).ConfigureAwait(false);
        return built.Value;
    }

    private async Task BuildAsync(TaskCompletionSource<Entry> completion)
    {
        // The value outlives the invocation that happened to ask first: whatever the factory starts (timers, pumps) must
        // not capture that invocation's scope.
        CurrentInvocation.Context = null;
        var started = Stopwatch.GetTimestamp();
        T value;
        try
        {
            value = await _factory(_services, _stopping.Token).ConfigureAwait(false);
            if (value is null)
            {
                throw new InvalidOperationException($"The warm-state factory of {typeof(T).Name} returned null.");
            }
        }
        catch (Exception exception)
        {
            lock (_gate)
            {
                _building = null;
            }

            LogBuildFailed(_logger, exception, typeof(T).Name);
            completion.TrySetException(exception);
            _ = completion.Task.Exception; // Observed: every caller that still waits gets it; nobody may be left.
            return;
        }

        var entry = new Entry(value, Options.TimeToLive is { } ttl ? Now() + ttl.Ticks : long.MaxValue);
        bool disposed;
        lock (_gate)
        {
            _building = null;
            disposed = _disposed;
            if (!disposed)
            {
                _entry = entry;
            }
        }

        if (disposed)
        {
            await DisposeValueAsync(value).ConfigureAwait(false);
            completion.TrySetException(new ObjectDisposedException(GetType().FullName, "The application shut down while the value was being built."));
            _ = completion.Task.Exception;
            return;
        }

        LogBuilt(_logger, typeof(T).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        completion.TrySetResult(entry);
    }

    /// <summary>Schedules the disposal of a value that is no longer handed out. Called under the lock.</summary>
    private void ReplaceLocked(T value)
    {
        if (!Options.DisposeValues || value is not (IDisposable or IAsyncDisposable))
        {
            return;
        }

        var replaced = new Replaced(this, value);
        _replaced.Add(replaced);
        using (ExecutionContext.SuppressFlow())
        {
            if (Options.ReplacedValueDisposeDelay <= TimeSpan.Zero)
            {
                _ = Task.Run(() => DisposeReplacedAsync(replaced));
            }
            else
            {
                replaced.Timer = _time.CreateTimer(
                    static state => _ = ((Replaced)state!).Owner.DisposeReplacedAsync((Replaced)state!),
                    replaced,
                    Options.ReplacedValueDisposeDelay,
                    Timeout.InfiniteTimeSpan);
            }
        }
    }

    private async Task DisposeReplacedAsync(Replaced replaced)
    {
        lock (_gate)
        {
            // Whoever removes it disposes it: this timer, or Stop() at shutdown.
            if (!_replaced.Remove(replaced))
            {
                return;
            }
        }

        replaced.Timer?.Dispose();
        await DisposeValueAsync(replaced.Value).ConfigureAwait(false);
    }

    /// <summary>Marks the entry disposed and returns the values to dispose (held and replaced), each exactly once.</summary>
    private List<T> Stop()
    {
        var values = new List<T>();
        lock (_gate)
        {
            if (_disposed)
            {
                return values;
            }

            _disposed = true;
            foreach (var replaced in _replaced)
            {
                replaced.Timer?.Dispose();
                values.Add(replaced.Value);
            }

            _replaced.Clear();
            if (_entry is { } entry && Options.DisposeValues)
            {
                values.Add(entry.Value);
            }

            _entry = null;
        }

        _stopping.Cancel();
        return values;
    }

    private async ValueTask DisposeValueAsync(T value)
    {
        if (!Options.DisposeValues)
        {
            return;
        }

        try
        {
            if (value is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else if (value is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
        catch (Exception exception)
        {
            LogDisposeFailed(_logger, exception, typeof(T).Name);
        }
    }

    private void DisposeValue(T value)
    {
        if (!Options.DisposeValues)
        {
            return;
        }

        try
        {
            if (value is IDisposable disposable)
            {
                disposable.Dispose();
            }
            else if (value is IAsyncDisposable asyncDisposable)
            {
                asyncDisposable.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
        catch (Exception exception)
        {
            LogDisposeFailed(_logger, exception, typeof(T).Name);
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Warm state {Type} built in {ElapsedMs} ms")]
    private static partial void LogBuilt(ILogger logger, string type, double elapsedMs);

    [LoggerMessage(2, LogLevel.Warning, "Warm state {Type}: building the value failed; the next use tries again")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception, string type);

    [LoggerMessage(3, LogLevel.Warning, "Warm state {Type}: disposing a value failed")]
    private static partial void LogDisposeFailed(ILogger logger, Exception exception, string type);

    private sealed class Entry(T value, long expiresAt)
    {
        public T Value { get; } = value;

        /// <summary>The <see cref="Now"/> after which the value is not handed out; <see cref="long.MaxValue"/> for never.</summary>
        public long ExpiresAt { get; } = expiresAt;
    }

    private sealed class Replaced(WarmState<T> owner, T value)
    {
        public WarmState<T> Owner { get; } = owner;

        public T Value { get; } = value;

        public ITimer? Timer { get; set; }
    }
}
