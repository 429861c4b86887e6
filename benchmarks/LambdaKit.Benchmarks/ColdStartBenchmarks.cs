using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using LambdaKit.Testing;

namespace LambdaKit.Benchmarks;

/// <summary>
/// Cold start of the HelloWorld sample: from process start to the first answer posted to the Runtime API, for each way
/// of deploying it. Publish the variants first with <c>benchmarks/cold-start.sh</c> (it then runs this suite).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 2, iterationCount: 15, invocationCount: 1)]
public class ColdStartBenchmarks
{
    private LocalRuntimeApi? _api;
    private string _bootstrap = string.Empty;

    [Params("framework-dependent", "self-contained-r2r", "native-aot")]
    public string Deployment { get; set; } = "framework-dependent";

    [GlobalSetup]
    public void Setup()
    {
        var root = Environment.GetEnvironmentVariable("LAMBDAKIT_COLDSTART_DIR")
            ?? Path.Combine(FindRepositoryRoot(), "artifacts", "coldstart");
        _bootstrap = Path.Combine(root, Deployment, Deployment == "framework-dependent" ? "bootstrap.dll" : "bootstrap");
        if (!File.Exists(_bootstrap))
        {
            throw new FileNotFoundException($"Publish the variants first: bash benchmarks/cold-start.sh (missing {_bootstrap}).");
        }

        _api = LocalRuntimeApi.StartAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _api?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "process start → first answer")]
    public async Task<int> FirstInvocation()
    {
        var start = Deployment == "framework-dependent"
            ? new ProcessStartInfo("dotnet") { ArgumentList = { _bootstrap } }
            : new ProcessStartInfo(_bootstrap);
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = _api!.Address;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "cold-start";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        using var process = Process.Start(start)!;
        process.OutputDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        var result = await _api.InvokeAsync("""{"name":"cold"}""");
        process.Kill();
        await process.WaitForExitAsync();
        return result.Body.Length;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LambdaKit.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.CurrentDirectory;
    }
}
