using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using LambdaKit.Testing;
using LambdaKit.TestSupport;

namespace LambdaKit.EndToEnd.Tests.TestHelpers;

/// <summary>A sample function started as a real process, pointed at a <see cref="LocalRuntimeApi"/>.</summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();

    private SampleProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _stdout.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _stderr.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IReadOnlyCollection<string> StandardOutput => _stdout.ToArray();

    public IReadOnlyCollection<string> StandardError => _stderr.ToArray();

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public int Id => _process.Id;

    public static string SamplePath(string sample)
    {
        var metadata = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var path = Path.Combine(metadata["SamplesDirectory"]!, sample, "bin", metadata["Configuration"]!, "net10.0", "bootstrap.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The sample {sample} is not built at {path}.", path);
        }

        return path;
    }

    /// <summary>Starts <c>dotnet bootstrap.dll</c> of a sample, or a native executable, with the Lambda environment variables.</summary>
    public static SampleProcess Start(string sample, LocalRuntimeApi api, IDictionary<string, string>? environment = null, string? executable = null)
    {
        var variables = new Dictionary<string, string> { ["DOTNET_TieredPGO"] = "0" };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            variables[key] = value;
        }

        var start = FunctionStart.For(executable ?? SamplePath(sample), api, "2026/11/22/[$LATEST]e2e", environment: variables);
        return new SampleProcess(FunctionStart.Start(start));
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends SIGTERM, as Lambda does before it shuts an environment down.</summary>
    public void Terminate() => Signal("TERM");

    /// <summary>Sends a signal by name (<c>TERM</c>, <c>INT</c> for Ctrl+C) and waits until it was delivered.</summary>
    public void Signal(string name)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-" + name, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            kill?.WaitForExit();
        }
    }

    /// <summary>Waits until the process wrote a line that contains <paramref name="text"/> on stdout; fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!_stdout.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (cts.IsCancellationRequested || _process.HasExited)
            {
                Assert.Fail($"The process never wrote '{text}'.{Environment.NewLine}{this}");
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    public override string ToString()
        => $"stdout:{Environment.NewLine}{string.Join(Environment.NewLine, _stdout)}{Environment.NewLine}stderr:{Environment.NewLine}{string.Join(Environment.NewLine, _stderr)}";
}
