using System.Text;

namespace LambdaKit.Tests.Logging;

/// <summary>A stand-in for stdout: keeps what is written; can be made slow or blocked to play a stalled pipe.</summary>
internal sealed class CapturedOutput : Stream
{
    private readonly MemoryStream _bytes = new();
    private readonly ManualResetEventSlim _open = new(initialState: true);
    private readonly System.Collections.Concurrent.ConcurrentQueue<int> _writerThreads = new();
    private int _writes;
    private int _blockedWrites;

    public TimeSpan DelayPerWrite { get; set; }

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>The managed thread id of each write, in order.</summary>
    public int[] WriterThreads => [.. _writerThreads];

    /// <summary>How many writes are waiting at <see cref="Block"/> right now: the signal that a line is stuck on its way out.</summary>
    public int BlockedWrites => Volatile.Read(ref _blockedWrites);

    public string Text
    {
        get
        {
            lock (_bytes)
            {
                return Encoding.UTF8.GetString(_bytes.ToArray());
            }
        }
    }

    public string[] Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public void Block() => _open.Reset();

    public void Release() => _open.Set();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (!_open.IsSet)
        {
            Interlocked.Increment(ref _blockedWrites);
            _open.Wait();
            Interlocked.Decrement(ref _blockedWrites);
        }

        if (DelayPerWrite > TimeSpan.Zero)
        {
            Thread.Sleep(DelayPerWrite);
        }

        lock (_bytes)
        {
            _bytes.Write(buffer);
        }

        _writerThreads.Enqueue(Environment.CurrentManagedThreadId);
        Interlocked.Increment(ref _writes);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _open.Set();
        }

        base.Dispose(disposing);
    }
}
