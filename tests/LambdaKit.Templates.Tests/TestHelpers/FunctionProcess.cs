using System.Collections.Concurrent;
using System.Diagnostics;
using LambdaKit.Testing;
using LambdaKit.TestSupport;

namespace LambdaKit.Templates.Tests.TestHelpers;

/// <summary>A generated function's built <c>bootstrap.dll</c>, started as a real process against a <see cref="LocalRuntimeApi"/>.</summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private FunctionProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { _output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts <c>dotnet bootstrap.dll</c> with the environment Lambda gives a function, its Runtime API being <paramref name="api"/>.</summary>
    public static FunctionProcess Start(string bootstrapDll, LocalRuntimeApi api)
    {
        if (!File.Exists(bootstrapDll))
        {
            throw new FileNotFoundException($"The generated function is not built at {bootstrapDll}.", bootstrapDll);
        }

        return new FunctionProcess(FunctionStart.Start(FunctionStart.For(bootstrapDll, api, "2026/01/01/[$LATEST]templates")));
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

    public override string ToString() => string.Join(Environment.NewLine, _output);
}
