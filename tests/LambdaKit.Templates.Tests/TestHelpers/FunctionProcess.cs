using System.Collections.Concurrent;
using System.Diagnostics;
using LambdaKit.Testing;

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

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { bootstrapDll },
            WorkingDirectory = Path.GetDirectoryName(bootstrapDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var env = start.Environment;
        env["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        env["AWS_LAMBDA_FUNCTION_NAME"] = api.Options.FunctionName;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + api.Options.FunctionName;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/01/01/[$LATEST]templates";
        env["AWS_REGION"] = api.Options.Region;
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["DOTNET_NOLOGO"] = "1";
        return new FunctionProcess(Process.Start(start) ?? throw new InvalidOperationException("The function did not start."));
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
