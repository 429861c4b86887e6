using System.Buffers;
using System.Threading.Channels;

namespace LambdaKit.Benchmarks.Candidates;

/// <summary>
/// The simpler design measured against <c>LogOutputQueue</c> (issue 10): each line is copied into an array rented from the
/// pool and written to a bounded <see cref="Channel{T}"/> (bounded by lines, a line dropped and counted when it is full);
/// one reader task writes the lines through a <see cref="BufferedStream"/> and flushes it whenever the channel is empty.
/// <see cref="FlushAsync"/> waits until every line accepted before the call is written. Benchmark-only: not shipped.
/// </summary>
internal sealed class ChannelLogQueue : IDisposable
{
    private readonly Channel<(byte[] Bytes, int Length)> _channel;
    private readonly BufferedStream _output;
    private readonly Task _reader;
    private readonly object _progressGate = new();
    private TaskCompletionSource? _progress;
    private long _enqueued;
    private long _written;
    private long _dropped;

    public ChannelLogQueue(Stream output, int capacityLines)
    {
        _output = new BufferedStream(output, 64 * 1024);
        _channel = Channel.CreateBounded<(byte[], int)>(new BoundedChannelOptions(capacityLines)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _reader = Task.Run(ReadAsync);
    }

    public long Enqueued => Volatile.Read(ref _enqueued);

    public long Written => Volatile.Read(ref _written);

    public long Dropped => Volatile.Read(ref _dropped);

    public void Enqueue(ReadOnlySpan<byte> line)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(line.Length);
        line.CopyTo(bytes);
        Interlocked.Increment(ref _enqueued);
        if (!_channel.Writer.TryWrite((bytes, line.Length)))
        {
            Interlocked.Decrement(ref _enqueued);
            Interlocked.Increment(ref _dropped);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    public ValueTask FlushAsync()
    {
        var target = Volatile.Read(ref _enqueued);
        return Volatile.Read(ref _written) >= target ? default : new ValueTask(WaitWrittenAsync(target));
    }

    public void Dispose()
    {
        _channel.Writer.TryComplete();
        _reader.GetAwaiter().GetResult();
        _output.Dispose();
    }

    private async Task WaitWrittenAsync(long target)
    {
        while (Volatile.Read(ref _written) < target)
        {
            Task progress;
            lock (_progressGate)
            {
                if (Volatile.Read(ref _written) >= target)
                {
                    return;
                }

                progress = (_progress ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
            }

            await progress.ConfigureAwait(false);
        }
    }

    private async Task ReadAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            var lines = 0L;
            while (reader.TryRead(out var line))
            {
                _output.Write(line.Bytes, 0, line.Length);
                ArrayPool<byte>.Shared.Return(line.Bytes);
                lines++;
            }

            _output.Flush();
            Interlocked.Add(ref _written, lines);
            TaskCompletionSource? progress;
            lock (_progressGate)
            {
                progress = _progress;
                _progress = null;
            }

            progress?.TrySetResult();
        }
    }
}
