using LambdaKit.Invocation;
using LambdaKit.Testing;
using LambdaKit.Tests.TestHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace LambdaKit.Tests.Invocation;

public sealed class BetweenInvocationsCollectorTests
{
    /// <summary>A process whose allocations and collections the test sets.</summary>
    private sealed class FakeHeap
    {
        public long Allocated { get; set; }

        public int Collections { get; set; }

        public int Induced { get; private set; }

        public BetweenInvocationsCollector Collector(long threshold)
            => new(threshold, () => Allocated, () => Collections, () =>
            {
                Induced++;
                Collections++;
            });
    }

    [Fact]
    public void Does_not_collect_before_the_threshold_is_allocated()
    {
        var heap = new FakeHeap { Allocated = 10_000 };
        var collector = heap.Collector(1_000);

        heap.Allocated += 999;

        Assert.False(collector.CollectIfDue());
        Assert.Equal(0, heap.Induced);
    }

    [Fact]
    public void Collects_once_the_threshold_is_allocated_and_counts_again_from_there()
    {
        var heap = new FakeHeap { Allocated = 10_000 };
        var collector = heap.Collector(1_000);

        heap.Allocated += 1_000;
        Assert.True(collector.CollectIfDue());
        Assert.Equal(1, heap.Induced);

        heap.Allocated += 999;
        Assert.False(collector.CollectIfDue());
        heap.Allocated += 1;
        Assert.True(collector.CollectIfDue());
        Assert.Equal(2, heap.Induced);
    }

    [Fact]
    public void A_collection_the_runtime_ran_meanwhile_counts_as_the_last_one()
    {
        var heap = new FakeHeap();
        var collector = heap.Collector(1_000);

        heap.Allocated += 5_000;
        heap.Collections++; // the runtime's own, during an invocation

        Assert.False(collector.CollectIfDue());
        heap.Allocated += 999;
        Assert.False(collector.CollectIfDue());
        heap.Allocated += 1;
        Assert.True(collector.CollectIfDue());
        Assert.Equal(1, heap.Induced);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void A_threshold_that_is_not_positive_is_refused(long threshold)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FakeHeap().Collector(threshold));

    [Fact]
    public void No_threshold_means_no_collector()
    {
        Assert.Null(BetweenInvocationsCollector.ForProcess(null));
        Assert.Equal(4096, BetweenInvocationsCollector.ForProcess(4096)!.Threshold);
    }

    [Fact]
    public void Options_default_to_a_4_MiB_threshold_that_the_loop_receives()
    {
        using var provider = new ServiceCollection().AddLambdaKit().BuildServiceProvider();
        Assert.Equal(4L * 1024 * 1024, provider.GetRequiredService<InvocationSettings>().CollectionThreshold);
    }

    [Fact]
    public async Task The_loop_collects_between_invocations_once_the_threshold_is_allocated()
    {
        // Every invocation allocates more than one byte, so with a one-byte threshold each answer is followed by a
        // collection; the runtime's own budget (megabytes) would not collect ten times for ten small invocations.
        await using var loop = await LoopOverHttp.StartAsync(configure: o => o.GarbageCollectionThreshold = 1);
        Assert.Equal(InvocationOutcome.Response, (await loop.InvokeAsync("warm")).Outcome);
        var before = GC.CollectionCount(0);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(InvocationOutcome.Response, (await loop.InvokeAsync("x")).Outcome);
        }

        Assert.True(
            SpinWait.SpinUntil(() => GC.CollectionCount(0) - before >= 10, TimeSpan.FromSeconds(10)),
            $"{GC.CollectionCount(0) - before} generation-0 collection(s) over 10 invocations");
    }
}
