using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LambdaKit.Benchmarks.Baselines;
using LambdaKit.Benchmarks.Candidates;
using LambdaKit.Logging;

namespace LambdaKit.Benchmarks;

/// <summary>
/// Issue 10: the hand-made double buffer in front of stdout (<see cref="LogOutputQueue"/>, the baseline of each category)
/// against a bounded <see cref="System.Threading.Channels.Channel{T}"/> with a reader task writing through a
/// <see cref="BufferedStream"/> (<see cref="ChannelLogQueue"/>). Both write to <see cref="Stream.Null"/>. "caller" is
/// what a log call pays to hand over one formatted line (the writer drains in the background); "lines/s" hands over
/// a burst of lines and waits for the flush the loop does before the next invocation (time per line, inverse of
/// throughput). Lost lines are counted and printed after the run; both must stay at zero. "invocation" is what a
/// function that logs one line per invocation pays for it with the loop's flush before <c>next</c>: the queue against
/// its frozen copy from before issue 11's caller-side flush (<see cref="LogQueueBeforeIssue11"/>).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LogQueueBenchmarks
{
    private const int Burst = 1000;
    private const int CapacityBytes = 1024 * 1024;

    private static readonly byte[] Line =
        """{"timestamp":"2026-12-03T07:00:00.000Z","level":"INFO","message":"Order 7f3a accepted for customer 42, total 99.95 EUR","requestId":"8f711428-7e55-46f9-ae88-2a65d4f85fc5","coldStart":false}"""u8.ToArray()
            .Append((byte)'\n').ToArray();

    private LogOutputQueue _queue = null!;
    private LogOutputQueue _invocationQueue = null!;
    private LogQueueBeforeIssue11 _invocationQueueBefore = null!;
    private ChannelLogQueue _channel = null!;

    [GlobalSetup]
    public void Setup()
    {
        _queue = new LogOutputQueue(Stream.Null, CapacityBytes, TimeSpan.FromMilliseconds(100));
        _invocationQueue = new LogOutputQueue(Stream.Null, CapacityBytes, TimeSpan.FromMilliseconds(100));
        _invocationQueueBefore = new LogQueueBeforeIssue11(Stream.Null, CapacityBytes, TimeSpan.FromMilliseconds(100));

        // The same memory bound, in lines of this size.
        _channel = new ChannelLogQueue(Stream.Null, CapacityBytes / Line.Length);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _queue.Flush(TimeSpan.FromSeconds(5));
        _channel.FlushAsync().AsTask().Wait(TimeSpan.FromSeconds(5));
        Console.WriteLine($"// LogQueue lost lines: queue accepted {_queue.Enqueued}, wrote {_queue.Written}, dropped {_queue.Dropped}; "
            + $"channel accepted {_channel.Enqueued}, wrote {_channel.Written}, dropped {_channel.Dropped}");
        _queue.Dispose();
        _channel.Dispose();
        _invocationQueue.Dispose();
        _invocationQueueBefore.Dispose();
    }

    [BenchmarkCategory("caller"), Benchmark(Baseline = true, OperationsPerInvoke = 100, Description = "LogOutputQueue: one line handed over")]
    public void QueueCaller()
    {
        for (var i = 0; i < 100; i++)
        {
            _queue.Enqueue(Line);
        }
    }

    [BenchmarkCategory("caller"), Benchmark(OperationsPerInvoke = 100, Description = "Channel + BufferedStream: one line handed over")]
    public void ChannelCaller()
    {
        for (var i = 0; i < 100; i++)
        {
            _channel.Enqueue(Line);
        }
    }

    [BenchmarkCategory("lines/s"), Benchmark(Baseline = true, OperationsPerInvoke = Burst, Description = "LogOutputQueue: burst of 1000 lines + flush, per line")]
    public void QueueBurst()
    {
        for (var i = 0; i < Burst; i++)
        {
            _queue.Enqueue(Line);
        }

        _queue.Flush(TimeSpan.FromSeconds(5));
    }

    [BenchmarkCategory("lines/s"), Benchmark(OperationsPerInvoke = Burst, Description = "Channel + BufferedStream: burst of 1000 lines + flush, per line")]
    public async Task ChannelBurst()
    {
        for (var i = 0; i < Burst; i++)
        {
            _channel.Enqueue(Line);
        }

        await _channel.FlushAsync().ConfigureAwait(false);
    }

    [BenchmarkCategory("invocation"), Benchmark(Baseline = true, Description = "before issue 11: one line + flush, the flush wakes the writer thread and awaits it")]
    public async Task InvocationLineAndFlushBefore()
    {
        _invocationQueueBefore.Enqueue(Line);
        await _invocationQueueBefore.FlushAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    [BenchmarkCategory("invocation"), Benchmark(Description = "LogOutputQueue: one line + flush, written on the caller's thread")]
    public void InvocationLineAndFlush()
    {
        _invocationQueue.Enqueue(Line);
        _invocationQueue.Flush(TimeSpan.FromSeconds(5));
    }
}
