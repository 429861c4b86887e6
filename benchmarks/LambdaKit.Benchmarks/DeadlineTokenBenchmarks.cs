using BenchmarkDotNet.Attributes;
using LambdaKit.Context;

namespace LambdaKit.Benchmarks;

/// <summary>The cost of the invocation's deadline token: arming and disarming it per invocation.</summary>
[MemoryDiagnoser]
public class DeadlineTokenBenchmarks
{
    private readonly DeadlineCancellation _deadline = new(TimeProvider.System);

    [Benchmark(Baseline = true, Description = "new CancellationTokenSource(timeout) per invocation")]
    public bool NewSourcePerInvocation()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return source.Token.IsCancellationRequested;
    }

    [Benchmark(Description = "LambdaKit deadline token (arm + disarm)")]
    public bool ReusedDeadlineToken()
    {
        var token = _deadline.Arm(DateTimeOffset.UtcNow.AddSeconds(30), TimeSpan.FromMilliseconds(500));
        var cancelled = token.IsCancellationRequested;
        _deadline.Disarm();
        return cancelled;
    }
}
