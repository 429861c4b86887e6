using System.Diagnostics;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// A published app under <c>artifacts/coldstart/&lt;app&gt;/&lt;mode&gt;</c> (see <c>benchmarks/cold-start.sh</c>): the empty
/// app, the floor, HelloWorld, or a lever variant of HelloWorld. Started with the environment Lambda gives a function.
/// </summary>
internal sealed class FunctionApp
{
    private static readonly string[] Names = ["bootstrap", "floor", "empty"];

    public FunctionApp(string app, string mode)
    {
        App = app;
        Mode = mode;
        Directory = Path.Combine(Root, app, mode);
        var name = Names.FirstOrDefault(n => File.Exists(Path.Combine(Directory, n + ".dll")) || File.Exists(Path.Combine(Directory, n)))
            ?? throw new FileNotFoundException($"Publish the apps first: bash benchmarks/cold-start.sh (nothing in {Directory}).");
        var native = Path.Combine(Directory, name);
        (FileName, Arguments) = File.Exists(native) ? (native, null) : ("dotnet", Path.Combine(Directory, name + ".dll"));
    }

    /// <summary>Where the published apps are: <c>LAMBDAKIT_COLDSTART_DIR</c>, or <c>artifacts/coldstart</c> in the repository.</summary>
    public static string Root { get; } = Environment.GetEnvironmentVariable("LAMBDAKIT_COLDSTART_DIR")
        ?? Path.Combine(RepositoryRoot(), "artifacts", "coldstart");

    /// <summary>LAMBDAKIT_BENCH_STDERR=1 shows the measured processes' stderr (debugging).</summary>
    public static bool ShowErrors { get; } = Environment.GetEnvironmentVariable("LAMBDAKIT_BENCH_STDERR") == "1";

    public string App { get; }

    public string Mode { get; }

    public string Directory { get; }

    public string FileName { get; }

    public string? Arguments { get; }

    /// <summary>The command line, for reports.</summary>
    public string CommandLine => Arguments is null ? FileName : $"{FileName} {Arguments}";

    /// <summary>Starts the app against <paramref name="runtimeApi"/>; stdout and stderr are drained (a pipe, as on Lambda).</summary>
    public Process Start(string runtimeApi, CpuShare share, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? wrapper = null)
    {
        var start = new ProcessStartInfo(wrapper is null ? FileName : wrapper[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (wrapper is not null)
        {
            foreach (var argument in wrapper.Skip(1))
            {
                start.ArgumentList.Add(argument);
            }

            start.ArgumentList.Add(FileName);
        }

        if (Arguments is not null)
        {
            start.ArgumentList.Add(Arguments);
        }

        // The harness's own runtime knobs (BenchmarkDotNet sets some) must not leak into the measured process.
        foreach (var key in start.Environment.Keys.Where(k => (k.StartsWith("DOTNET_", StringComparison.Ordinal) && k != "DOTNET_ROOT") || k.StartsWith("COMPlus_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["AWS_LAMBDA_RUNTIME_API"] = runtimeApi;
        start.Environment["AWS_LAMBDA_FUNCTION_NAME"] = "bench";
        start.Environment["AWS_LAMBDA_FUNCTION_VERSION"] = "$LATEST";
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "512";
        start.Environment["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        start.Environment["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/bench";
        start.Environment["AWS_LAMBDA_LOG_STREAM_NAME"] = "2026/01/01/[$LATEST]0123456789abcdef";
        start.Environment["AWS_REGION"] = "us-east-1";
        start.Environment["LAMBDA_TASK_ROOT"] = Directory;
        start.Environment["_HANDLER"] = "bootstrap";
        share.Apply(start);
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start)!;
        share.Enter(process);
        _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
        _ = process.StandardError.BaseStream.CopyToAsync(ShowErrors ? Console.OpenStandardError() : Stream.Null);
        return process;
    }

    /// <summary>Kills the process (if it still runs) and waits for it.</summary>
    public static void Stop(Process? process)
    {
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        process.Dispose();
    }

    internal static string RepositoryRoot()
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
