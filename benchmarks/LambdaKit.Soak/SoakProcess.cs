using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using LambdaKit.Testing;
using LambdaKit.TestSupport;

namespace LambdaKit.Soak;

/// <summary>The Showcase as a real process (<c>dotnet bootstrap.dll</c>) pointed at the local Runtime API; its output is counted, its tail kept.</summary>
internal sealed class SoakProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _tail = new();
    private int _stdoutLines;
    private int _stderrLines;

    private SoakProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => Keep(e.Data, ref _stdoutLines);
        process.ErrorDataReceived += (_, e) => Keep(e.Data, ref _stderrLines);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public int StdoutLines => Volatile.Read(ref _stdoutLines);

    public int StderrLines => Volatile.Read(ref _stderrLines);

    public static SoakProcess Start(string bootstrapDll, LocalRuntimeApi api)
        => new(FunctionStart.Start(FunctionStart.For(bootstrapDll, api, "soak", memoryMb: 512)));

    /// <summary>A field of <c>/proc/{pid}/status</c> in kB (<c>VmRSS</c>, <c>VmHWM</c>).</summary>
    public static long ReadStatusKb(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field + ":", StringComparison.Ordinal));
        return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>User plus system CPU time of a process, from <c>/proc/{pid}/stat</c>.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Sends SIGTERM and waits for the exit code (-1 when it did not exit in time).</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException)
        {
            return -1;
        }
    }

    public string Tail() => string.Join(Environment.NewLine, _tail);

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Keep(string? line, ref int count)
    {
        if (line is null)
        {
            return;
        }

        Interlocked.Increment(ref count);
        _tail.Enqueue(line);
        while (_tail.Count > 40 && _tail.TryDequeue(out _))
        {
        }
    }
}
