using LambdaKit.Context;
using LambdaKit.Tests.TestHelpers;
using LambdaKit.Warm;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LambdaKit.Tests.Warm;

public sealed class WarmStateTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    internal sealed class Client(int id) : IAsyncDisposable
    {
        private int _disposals;

        public int Id { get; } = id;

        public int Disposals => Volatile.Read(ref _disposals);

        public ValueTask DisposeAsync()
        {
            Interlocked.Increment(ref _disposals);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class SyncClient(int id) : IDisposable
    {
        public int Id { get; } = id;

        public int Disposals { get; private set; }

        public void Dispose() => Disposals++;
    }

    /// <summary>A factory that counts its runs and keeps what it built.</summary>
    internal sealed class CountingFactory
    {
        private int _runs;

        public int Runs => Volatile.Read(ref _runs);

        public List<Client> Built { get; } = [];

        public Func<int, Task>? Before { get; set; }

        public async ValueTask<Client> CreateAsync(IServiceProvider services, CancellationToken cancellationToken)
        {
            var run = Interlocked.Increment(ref _runs);
            if (Before is not null)
            {
                await Before(run);
            }

            var client = new Client(run);
            lock (Built)
            {
                Built.Add(client);
            }

            return client;
        }
    }

    private static WarmState<T> Create<T>(Func<IServiceProvider, CancellationToken, ValueTask<T>> factory, TimeProvider? time = null, Action<WarmStateOptions>? configure = null)
        where T : notnull
    {
        var options = new WarmStateOptions();
        configure?.Invoke(options);
        return new WarmState<T>(new ServiceCollection().BuildServiceProvider(), factory, options, time ?? TimeProvider.System, loggers: null);
    }

    [Fact]
    public async Task Factory_runs_once_across_many_uses()
    {
        var factory = new CountingFactory();
        await using var state = Create<Client>(factory.CreateAsync);

        Assert.False(state.IsCreated);
        var first = await state.GetAsync();
        for (var i = 0; i < 100; i++)
        {
            Assert.Same(first, await state.GetAsync());
        }

        Assert.True(state.IsCreated);
        Assert.Equal(1, factory.Runs);
    }

    [Fact]
    public async Task Factory_runs_once_when_eight_first_uses_race()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var factory = new CountingFactory { Before = _ => release.Task };
        await using var state = Create<Client>(factory.CreateAsync);
        using var start = new Barrier(8);
        var waiting = 0;

        // Eight dedicated threads meet at the barrier (LongRunning): eight thread-pool threads blocked there would starve the
        // pool for seconds on a 2-core machine (it adds about one thread per half second), delaying other tests' timers.
        var users = Enumerable.Range(0, 8).Select(_ => Task.Factory.StartNew(
            async () =>
            {
                start.SignalAndWait();
                var pending = state.GetAsync();
                Interlocked.Increment(ref waiting);
                return await pending;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        SpinWait.SpinUntil(() => Volatile.Read(ref waiting) == 8, Patience);
        Assert.All(users, u => Assert.False(u.IsCompleted));
        release.SetResult();
        var clients = await Task.WhenAll(users).WaitAsync(Patience);

        Assert.Equal(1, factory.Runs);
        Assert.All(clients, c => Assert.Same(clients[0], c));
    }

    [Fact]
    public async Task Value_is_rebuilt_after_its_time_to_live_on_the_registered_clock()
    {
        var time = new ManualTimeProvider(Start);
        var factory = new CountingFactory();
        await using var state = Create<Client>(factory.CreateAsync, time, o => o.TimeToLive = TimeSpan.FromMinutes(5));

        var first = await state.GetAsync();
        time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Same(first, await state.GetAsync());
        Assert.True(state.IsCreated);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(state.IsCreated);
        var second = await state.GetAsync();

        Assert.NotSame(first, second);
        Assert.Equal(2, factory.Runs);
        time.Advance(TimeSpan.FromMinutes(4));
        Assert.Same(second, await state.GetAsync());
    }

    [Fact]
    public async Task Invalidate_makes_the_next_use_build_a_new_value()
    {
        var factory = new CountingFactory();
        await using var state = Create<Client>(factory.CreateAsync);

        var first = await state.GetAsync();
        state.Invalidate();
        Assert.False(state.IsCreated);
        var second = await state.GetAsync();
        state.Invalidate();
        state.Invalidate();
        var third = await state.GetAsync();

        Assert.Equal(new[] { 1, 2, 3 }, new[] { first.Id, second.Id, third.Id });
        Assert.Equal(3, factory.Runs);
    }

    [Fact]
    public async Task Failing_factory_is_not_cached_its_error_reaches_the_caller_and_the_next_use_retries()
    {
        var factory = new CountingFactory { Before = run => run <= 2 ? Task.FromException(new TimeoutException($"attempt {run}")) : Task.CompletedTask };
        await using var state = Create<Client>(factory.CreateAsync);

        var first = await Assert.ThrowsAsync<TimeoutException>(() => state.GetAsync().AsTask());
        var second = await Assert.ThrowsAsync<TimeoutException>(() => state.GetAsync().AsTask());
        Assert.False(state.IsCreated);
        var client = await state.GetAsync();

        Assert.Equal("attempt 1", first.Message);
        Assert.Equal("attempt 2", second.Message);
        Assert.Equal(3, client.Id);
        Assert.Same(client, await state.GetAsync());
        Assert.Equal(3, factory.Runs);
    }

    [Fact]
    public async Task Factory_that_throws_synchronously_is_retried_too()
    {
        var runs = 0;
        await using var state = Create<Client>((_, _) => ++runs == 1 ? throw new InvalidOperationException("sync") : ValueTask.FromResult(new Client(runs)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => state.GetAsync().AsTask());
        var client = await state.GetAsync();

        Assert.Equal(2, client.Id);
    }

    [Fact]
    public async Task Every_caller_waiting_on_a_failed_build_gets_its_error()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var factory = new CountingFactory { Before = run => run == 1 ? release.Task : Task.CompletedTask };
        await using var state = Create<Client>(factory.CreateAsync);

        var waiters = Enumerable.Range(0, 4).Select(_ => state.GetAsync().AsTask()).ToArray();
        release.SetException(new InvalidOperationException("connect refused"));

        foreach (var waiter in waiters)
        {
            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => waiter);
            Assert.Equal("connect refused", error.Message);
        }

        Assert.Equal(1, factory.Runs);
        Assert.Equal(2, (await state.GetAsync()).Id);
    }

    [Fact]
    public async Task Cancelling_one_waiter_does_not_cancel_the_build_for_the_others()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var factory = new CountingFactory { Before = _ => release.Task };
        await using var state = Create<Client>(factory.CreateAsync);
        using var cancel = new CancellationTokenSource();

        var impatient = state.GetAsync(cancel.Token).AsTask();
        var patient = state.GetAsync().AsTask();
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
        release.SetResult();

        Assert.Equal(1, (await patient).Id);
        Assert.Equal(1, factory.Runs);
    }

    [Fact]
    public async Task Factory_returning_null_is_an_error_and_not_cached()
    {
        var runs = 0;
        await using var state = Create<string>((_, _) => ValueTask.FromResult(++runs == 1 ? null! : "ok"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => state.GetAsync().AsTask());

        Assert.Contains("returned null", error.Message, StringComparison.Ordinal);
        Assert.Equal("ok", await state.GetAsync());
    }

    [Fact]
    public async Task Factory_runs_outside_the_invocation_that_first_asked()
    {
        InvocationContext? seen = new(new InvocationHeaders("placeholder", 0), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false);
        await using var state = Create<Client>((_, _) =>
        {
            seen = CurrentInvocation.Context;
            return ValueTask.FromResult(new Client(1));
        });
        var invocation = new InvocationContext(new InvocationHeaders("req-1", 0), new LambdaEnvironment(_ => null), TimeProvider.System, new RecordingLogger(), false);

        CurrentInvocation.Context = invocation;
        try
        {
            await state.GetAsync();
            Assert.Same(invocation, CurrentInvocation.Context);
        }
        finally
        {
            CurrentInvocation.Context = null;
        }

        Assert.Null(seen);
    }

    [Fact]
    public async Task Replaced_value_is_disposed_after_the_grace_period_not_before()
    {
        var time = new ManualTimeProvider(Start);
        var factory = new CountingFactory();
        await using var state = Create<Client>(factory.CreateAsync, time, o =>
        {
            o.TimeToLive = TimeSpan.FromMinutes(10);
            o.ReplacedValueDisposeDelay = TimeSpan.FromSeconds(30);
        });

        var expired = await state.GetAsync();
        time.Advance(TimeSpan.FromMinutes(10));
        var invalidated = await state.GetAsync();
        time.Advance(TimeSpan.FromSeconds(29));
        state.Invalidate();
        var current = await state.GetAsync();
        Assert.Equal(0, expired.Disposals);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, expired.Disposals);
        Assert.Equal(0, invalidated.Disposals);

        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Equal(1, expired.Disposals);
        Assert.Equal(1, invalidated.Disposals);
        Assert.Equal(0, current.Disposals);
    }

    [Fact]
    public async Task Replaced_value_is_disposed_soon_when_the_grace_period_is_zero()
    {
        var factory = new CountingFactory();
        await using var state = Create<Client>(factory.CreateAsync, configure: o => o.ReplacedValueDisposeDelay = TimeSpan.Zero);

        var first = await state.GetAsync();
        state.Invalidate();

        Assert.True(SpinWait.SpinUntil(() => first.Disposals == 1, Patience));
        Assert.Equal(0, (await state.GetAsync()).Disposals);
    }

    [Fact]
    public async Task Disposing_the_services_disposes_the_held_and_the_replaced_values_exactly_once()
    {
        var factory = new CountingFactory();
        var services = new ServiceCollection()
            .AddWarmState<Client>(factory.CreateAsync)
            .BuildServiceProvider();
        var state = services.GetRequiredService<IWarmState<Client>>();

        var replaced = await state.GetAsync();
        state.Invalidate();
        var held = await state.GetAsync();
        await services.DisposeAsync();
        await services.DisposeAsync();

        Assert.Equal(1, replaced.Disposals);
        Assert.Equal(1, held.Disposals);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => state.GetAsync().AsTask());
    }

    [Fact]
    public async Task Synchronous_dispose_of_the_services_disposes_a_disposable_value()
    {
        var services = new ServiceCollection()
            .AddWarmState((_, _) => ValueTask.FromResult(new SyncClient(7)))
            .BuildServiceProvider();
        var client = await services.GetRequiredService<IWarmState<SyncClient>>().GetAsync();

        services.Dispose();

        Assert.Equal(1, client.Disposals);
    }

    [Fact]
    public async Task Values_the_entry_does_not_own_are_never_disposed()
    {
        var shared = new Client(1);
        var state = Create((_, _) => ValueTask.FromResult(shared), configure: o =>
        {
            o.DisposeValues = false;
            o.ReplacedValueDisposeDelay = TimeSpan.Zero;
        });

        await state.GetAsync();
        state.Invalidate();
        await state.GetAsync();
        await state.DisposeAsync();

        Assert.Equal(0, shared.Disposals);
    }

    [Fact]
    public async Task Value_built_while_shutting_down_is_disposed_and_the_factory_token_fires()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = CancellationToken.None;
        Client? built = null;
        var state = Create<Client>(async (_, ct) =>
        {
            token = ct;
            await release.Task;
            return built = new Client(1);
        });

        var pending = state.GetAsync().AsTask();
        await state.DisposeAsync();
        Assert.True(token.IsCancellationRequested);
        release.SetResult();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => pending);
        Assert.Equal(1, built!.Disposals);
    }

    [Fact]
    public async Task Warm_up_at_start_builds_the_value_in_the_init_phase()
    {
        var factory = new CountingFactory();
        await using var services = new ServiceCollection()
            .AddWarmState<Client>(factory.CreateAsync, o => o.WarmUpAtStart = true)
            .BuildServiceProvider();

        foreach (var initializer in services.GetServices<ILambdaInitializer>())
        {
            await initializer.InitializeAsync(CancellationToken.None);
        }

        Assert.Equal(1, factory.Runs);
        Assert.True(services.GetRequiredService<IWarmState<Client>>().IsCreated);
    }

    [Fact]
    public async Task Without_warm_up_the_init_phase_builds_nothing()
    {
        var factory = new CountingFactory();
        await using var services = new ServiceCollection()
            .AddWarmState<Client>(factory.CreateAsync)
            .BuildServiceProvider();

        foreach (var initializer in services.GetServices<ILambdaInitializer>())
        {
            await initializer.InitializeAsync(CancellationToken.None);
        }

        Assert.Equal(0, factory.Runs);
        Assert.False(services.GetRequiredService<IWarmState<Client>>().IsCreated);
    }

    [Fact]
    public async Task Warm_up_failure_fails_the_init_phase()
    {
        await using var services = new ServiceCollection()
            .AddWarmState<Client>((_, _) => throw new InvalidOperationException("no database"), o => o.WarmUpAtStart = true)
            .BuildServiceProvider();

        var initializer = Assert.Single(services.GetServices<ILambdaInitializer>());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => initializer.InitializeAsync(CancellationToken.None).AsTask());

        Assert.Equal("no database", error.Message);
    }

    [Fact]
    public async Task Registering_the_same_type_again_replaces_the_registration()
    {
        await using var services = new ServiceCollection()
            .AddWarmState((_, _) => ValueTask.FromResult(new Client(1)), o => o.WarmUpAtStart = true)
            .AddWarmState((_, _) => ValueTask.FromResult(new Client(2)))
            .BuildServiceProvider();

        Assert.Single(services.GetServices<IWarmState<Client>>());
        var initializer = Assert.Single(services.GetServices<ILambdaInitializer>());
        await initializer.InitializeAsync(CancellationToken.None);
        Assert.False(services.GetRequiredService<IWarmState<Client>>().IsCreated);
        Assert.Equal(2, (await services.GetRequiredService<IWarmState<Client>>().GetAsync()).Id);
    }

    [Fact]
    public void Out_of_range_options_are_refused_at_start_and_by_the_entry_itself()
    {
        using var services = new ServiceCollection()
            .AddWarmState((_, _) => ValueTask.FromResult(1), o => o.TimeToLive = TimeSpan.Zero)
            .BuildServiceProvider();

        var atStart = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("TimeToLive", atStart.Message, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IWarmState<int>>());
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddWarmState<int>(null!));
    }

    [Fact]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1859", Justification = "The hit is measured through the interface handlers use.")]
    public async Task Warm_hit_does_not_allocate()
    {
        var time = new ManualTimeProvider(Start);
        IWarmState<Client> forever = Create((_, _) => ValueTask.FromResult(new Client(1)));
        IWarmState<Client> withTtl = Create((_, _) => ValueTask.FromResult(new Client(2)), time, o => o.TimeToLive = TimeSpan.FromHours(1));
        IWarmState<int> valueType = Create((_, _) => ValueTask.FromResult(42));
        await forever.GetAsync();
        await withTtl.GetAsync();
        await valueType.GetAsync();
        Hit(forever, withTtl, valueType);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 1_000; i++)
        {
            sum += Hit(forever, withTtl, valueType);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(45_000, sum);
        Assert.Equal(0, allocated);

        static int Hit(IWarmState<Client> a, IWarmState<Client> b, IWarmState<int> c)
        {
            var x = a.GetAsync();
            var y = b.GetAsync();
            var z = c.GetAsync();
            return x.Result.Id + y.Result.Id + z.Result;
        }
    }
}
