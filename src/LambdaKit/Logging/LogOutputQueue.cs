using System.Diagnostics;

namespace LambdaKit.Logging;

/// <summary>
/// Stands between log calls and stdout, as a double buffer: a caller appends its formatted line to the filling buffer under
/// a short lock (a copy, no allocation), and one background thread swaps the buffers and writes a whole chunk at once. A
/// caller waits only when <c>capacity</c> bytes are already waiting, and then at most <c>fullWait</c> before its line is
/// dropped and counted. <see cref="Flush"/> writes every line appended before the call (the loop calls it before asking
/// for the next invocation, when Lambda may freeze the process).
/// </summary>
/// <remarks>
/// Waking a sleeping thread costs more than formatting a line, so a log call does not wake the writer: after writing, the
/// writer naps (<see cref="NapTime"/>) and writes what came meanwhile in one chunk. Only a backlog of
/// <see cref="WakeThreshold"/> bytes or the first line after the writer fell into a deep sleep (a second without lines)
/// wakes it at once; a flush writes on its caller's thread.
/// </remarks>
internal sealed class LogOutputQueue : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;
    private const int KeepAtMost = 256 * 1024;
    private const int WakeThreshold = 32 * 1024;
    private const int NapsBeforeDeepSleep = 100;
    private const int Running = 0;
    private const int Napping = 1;
    private const int DeepSleep = 2;
    private static readonly TimeSpan NapTime = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(2);

    private readonly Stream _output;
    private readonly int _capacity;
    private readonly TimeSpan _fullWait;
    private readonly Action<long>? _reportDropped;
    private readonly ManualResetEventSlim _wake = new(initialState: false);
    private readonly object _gate = new();
    private readonly object _writeGate = new();
    private byte[] _filling = new byte[InitialBufferSize];
    private byte[] _spare = new byte[InitialBufferSize];
    private int _fillLength;
    private int _fillLines;
    private Thread? _thread;
    private long _enqueued;
    private long _written;
    private long _dropped;
    private int _sleeping;
    private volatile bool _stopping;

    /// <param name="output">Where lines go (stdout).</param>
    /// <param name="capacity">How many bytes may wait for the writer.</param>
    /// <param name="fullWait">How long a caller waits for room before its line is dropped.</param>
    /// <param name="reportDropped">Called on the writer thread with the number of lines dropped since the last report.</param>
    public LogOutputQueue(Stream output, int capacity, TimeSpan fullWait, Action<long>? reportDropped = null)
    {
        _output = output;
        _capacity = Math.Max(1024, capacity);
        _fullWait = fullWait;
        _reportDropped = reportDropped;
    }

    /// <summary>Lines accepted so far.</summary>
    public long Enqueued => Volatile.Read(ref _enqueued);

    /// <summary>Lines written so far.</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Lines dropped and not reported yet.</summary>
    public long Dropped => Volatile.Read(ref _dropped);

    /// <summary>Appends a complete line (with its newline).</summary>
    /// <param name="line">The UTF-8 bytes.</param>
    /// <param name="force">Append even when full (the dropped-lines report itself).</param>
    public void Enqueue(ReadOnlySpan<byte> line, bool force = false)
    {
        if (_stopping || line.Length > _capacity)
        {
            // After shutdown, or a single line larger than the whole buffer: written by the caller.
            WriteDirect(line);
            return;
        }

        if (!TryAppend(line, force) && !(WaitForRoom(line.Length) && TryAppend(line, force: false)))
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        if (_thread is null)
        {
            Start();
        }

        var state = Volatile.Read(ref _sleeping);
        if (state == DeepSleep || (state == Napping && Volatile.Read(ref _fillLength) >= WakeThreshold))
        {
            Wake();
        }

        if (_stopping)
        {
            // Stopped while this line was being appended: the writer thread may be gone, so write what is left here.
            Drain();
        }
    }

    /// <summary>
    /// Writes every line appended before this call, on the caller's thread, and returns once they are out. When the writer
    /// thread is writing a chunk at that moment, waits at most <paramref name="timeout"/> for it to finish first (a stdout
    /// that stopped reading holds the writer there, and must not hold the caller longer than that).
    /// </summary>
    /// <remarks>
    /// The loop flushes before every <c>next</c>: writing here rather than waking the writer thread and waiting for it
    /// saves a thread hand-off and a wake-up per invocation, and allocates nothing. Like <see cref="Console.Out"/>, the
    /// write itself blocks for as long as stdout does.
    /// </remarks>
    public void Flush(TimeSpan timeout)
    {
        if (Volatile.Read(ref _written) >= Volatile.Read(ref _enqueued) || !Monitor.TryEnter(_writeGate, timeout))
        {
            return;
        }

        try
        {
            Drain();
        }
        finally
        {
            Monitor.Exit(_writeGate);
        }
    }

    /// <summary>Writes what is waiting (giving stdout two seconds), then has later lines written by their callers.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_stopping)
            {
                return;
            }

            _stopping = true;
        }

        _wake.Set();
        if (Volatile.Read(ref _thread) is { } thread && thread != Thread.CurrentThread && !thread.Join(StopTimeout))
        {
            return;
        }

        Drain();
    }

    private bool TryAppend(ReadOnlySpan<byte> line, bool force)
    {
        lock (_gate)
        {
            var needed = _fillLength + line.Length;
            if (needed > _capacity && !force)
            {
                return false;
            }

            if (needed > _filling.Length)
            {
                var larger = new byte[Math.Max(needed, Math.Min(_filling.Length * 2, _capacity))];
                _filling.AsSpan(0, _fillLength).CopyTo(larger);
                _filling = larger;
            }

            line.CopyTo(_filling.AsSpan(_fillLength));
            Volatile.Write(ref _fillLength, needed);
            _fillLines++;
            Interlocked.Increment(ref _enqueued);
            return true;
        }
    }

    private void Start()
    {
        lock (_gate)
        {
            if (_thread is not null || _stopping)
            {
                return;
            }

            var thread = new Thread(Run) { IsBackground = true, Name = "LambdaKit log writer" };
            using (ExecutionContext.SuppressFlow())
            {
                thread.Start();
            }

            Volatile.Write(ref _thread, thread);
        }
    }

    private void Wake()
    {
        if (Volatile.Read(ref _sleeping) != Running && Interlocked.Exchange(ref _sleeping, Running) != Running)
        {
            _wake.Set();
        }
    }

    private bool WaitForRoom(int length)
    {
        if (_fullWait <= TimeSpan.Zero)
        {
            return false;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(_fullWait.TotalSeconds * Stopwatch.Frequency);
        var spinner = default(SpinWait);
        while (Volatile.Read(ref _fillLength) + length > _capacity)
        {
            if (Stopwatch.GetTimestamp() >= deadline || _stopping)
            {
                return false;
            }

            Wake();
            spinner.SpinOnce(sleep1Threshold: 10);
        }

        return true;
    }

    private void Run()
    {
        var naps = 0;
        while (true)
        {
            if (Drain() > 0)
            {
                naps = 0;
                continue;
            }

            if (_stopping)
            {
                return;
            }

            if (naps < NapsBeforeDeepSleep)
            {
                // Lines that come during the nap wait for it to end (or for a flush) and go out together.
                Interlocked.Exchange(ref _sleeping, Napping);
                _wake.Wait(NapTime);
                naps++;
            }
            else
            {
                Interlocked.Exchange(ref _sleeping, DeepSleep);
                if (Volatile.Read(ref _fillLength) > 0 || _stopping)
                {
                    Interlocked.Exchange(ref _sleeping, Running);
                    continue;
                }

                _wake.Wait();
            }

            _wake.Reset();
            Interlocked.Exchange(ref _sleeping, Running);
        }
    }

    /// <summary>Writes every waiting chunk; returns how many lines were written.</summary>
    private int Drain()
    {
        var total = 0;
        lock (_writeGate)
        {
            while (true)
            {
                byte[] chunk;
                int length;
                int lines;
                lock (_gate)
                {
                    if (_fillLength == 0)
                    {
                        break;
                    }

                    chunk = _filling;
                    length = _fillLength;
                    lines = _fillLines;
                    _filling = _spare;
                    Volatile.Write(ref _fillLength, 0);
                    _fillLines = 0;
                }

                WriteOut(chunk.AsSpan(0, length));
                _spare = chunk.Length > KeepAtMost ? new byte[InitialBufferSize] : chunk;
                Interlocked.Add(ref _written, lines);
                total += lines;
            }
        }

        if (total > 0 && _reportDropped is not null && Volatile.Read(ref _dropped) > 0)
        {
            var dropped = Interlocked.Exchange(ref _dropped, 0);
            if (dropped > 0)
            {
                _reportDropped(dropped);
            }
        }

        return total;
    }

    private void WriteDirect(ReadOnlySpan<byte> line)
    {
        lock (_writeGate)
        {
            WriteOut(line);
        }
    }

    private void WriteOut(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _output.Write(bytes);
            _output.Flush();
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or NotSupportedException)
        {
            // stdout is gone (closed pipe): nothing left to tell.
        }
    }
}
