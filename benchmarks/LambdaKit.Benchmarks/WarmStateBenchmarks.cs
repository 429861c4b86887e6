using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Benchmarks;

/// <summary>The cost of a warm-state hit: what every warm invocation pays to get its client. Target: no allocation.</summary>
[MemoryDiagnoser]
public class WarmStateBenchmarks
{
    private readonly Lazy<Client> _lazy = new(() => new Client(1), LazyThreadSafetyMode.ExecutionAndPublication);
    private ServiceProvider? _services;
    private IWarmState<Client> _forever = null!;
    private IWarmState<TimedClient> _withTimeToLive = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection()
            .AddWarmState((_, _) => ValueTask.FromResult(new Client(2)))
            .AddWarmState((_, _) => ValueTask.FromResult(new TimedClient(3)), o => o.TimeToLive = TimeSpan.FromHours(1))
            .BuildServiceProvider();
        _forever = _services.GetRequiredService<IWarmState<Client>>();
        _withTimeToLive = _services.GetRequiredService<IWarmState<TimedClient>>();
        _ = _lazy.Value;
        _forever.GetAsync().AsTask().GetAwaiter().GetResult();
        _withTimeToLive.GetAsync().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark(Baseline = true, Description = "Lazy<T>.Value (thread-safe)")]
    public int LazyValue() => _lazy.Value.Id;

    [Benchmark(Description = "IWarmState<T>.GetAsync() hit")]
    public int WarmHit()
    {
        var pending = _forever.GetAsync();
        return pending.IsCompletedSuccessfully ? pending.Result.Id : -1;
    }

    [Benchmark(Description = "IWarmState<T>.GetAsync() hit, with a time-to-live")]
    public int WarmHitWithTimeToLive()
    {
        var pending = _withTimeToLive.GetAsync();
        return pending.IsCompletedSuccessfully ? pending.Result.Id : -1;
    }

    [Benchmark(Description = "await IWarmState<T>.GetAsync() in an async handler")]
    public async ValueTask<int> AwaitedWarmHit() => (await _forever.GetAsync()).Id;

    public class Client(int id)
    {
        public int Id { get; } = id;
    }

    public sealed class TimedClient(int id) : Client(id);
}
