using BenchmarkDotNet.Attributes;
using LambdaKit.Context;

namespace LambdaKit.Benchmarks;

/// <summary>The cost of the invocation's deadline token: one new source per invocation.</summary>
[MemoryDiagnoser]
public class DeadlineTokenBenchmarks
{
    [Benchmark(Baseline = true, Description = "new CancellationTokenSource(timeout) per invocation")]
    public bool NewSourcePerInvocation()
    {
        using var source = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return source.Token.IsCancellationRequested;
    }

    [Benchmark(Description = "LambdaKit deadline token (per invocation)")]
    public bool DeadlineToken()
    {
        using var deadline = new DeadlineCancellation(TimeProvider.System, DateTimeOffset.UtcNow.AddSeconds(30), TimeSpan.FromMilliseconds(500));
        return deadline.Token.IsCancellationRequested;
    }
}
