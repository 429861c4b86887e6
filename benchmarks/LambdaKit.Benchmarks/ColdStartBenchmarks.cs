using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using LambdaKit.Benchmarks.Harness;

namespace LambdaKit.Benchmarks;

/// <summary>
/// Cold start, one process per iteration: from spawning the process to its answer arriving at a local Runtime API
/// (<see cref="BenchRuntimeApi"/>, a new one per iteration), for HelloWorld and, in the same run and the same publish
/// mode, its two baselines: the raw-socket floor (<c>benchmarks/LambdaKit.Floor</c>, the <c>Baseline</c>) and the empty app
/// (spawn → exit). Each category is one publish mode; the ratio columns divide by the floor and the empty app of the
/// same category and CPU share. The kill and the wait for exit run in <see cref="IterationCleanup"/>, outside the
/// measurement. Publish the apps first: <c>bash benchmarks/cold-start.sh</c> (it then runs this suite).
/// </summary>
/// <remarks>
/// Native AOT publishes only for net8.0 on this machine, and the JIT modes use net10.0 like the samples; the
/// <c>self-contained-r2r-net8</c> category is the JIT on net8.0, to compare JIT and AOT on one target framework.
/// </remarks>
[Config(typeof(ColdStartConfig))]
public class ColdStartBenchmarks
{
    private const string Fdd = "framework-dependent";
    private const string R2R = "self-contained-r2r";
    private const string R2RNet8 = "self-contained-r2r-net8";
    private const string Aot = "native-aot";
    private static readonly byte[] Event = """{"name":"cold"}"""u8.ToArray();
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);
    private readonly Dictionary<(string, string), FunctionApp> _apps = [];
    private BenchRuntimeApi? _api;
    private Process? _process;

    /// <summary>The CPU the measured process gets: the whole machine, or 0.29 of a core (a 512 MB function).</summary>
    [Params("machine", "0.29")]
    public string CpuShare { get; set; } = "machine";

    [IterationSetup]
    public void StartRuntimeApi() => _api = new BenchRuntimeApi();

    [IterationCleanup]
    public void StopProcess()
    {
        FunctionApp.Stop(_process);
        _process = null;
        _api?.Dispose();
        _api = null;
    }

    [Benchmark(Description = "empty app"), BenchmarkCategory(Fdd)]
    public int EmptyFdd() => Exit("empty", Fdd);

    [Benchmark(Description = "floor", Baseline = true), BenchmarkCategory(Fdd)]
    public int FloorFdd() => Answer("floor", Fdd);

    [Benchmark(Description = "HelloWorld"), BenchmarkCategory(Fdd)]
    public int HelloFdd() => Answer("hello", Fdd);

    [Benchmark(Description = "empty app"), BenchmarkCategory(R2R)]
    public int EmptyR2R() => Exit("empty", R2R);

    [Benchmark(Description = "floor", Baseline = true), BenchmarkCategory(R2R)]
    public int FloorR2R() => Answer("floor", R2R);

    [Benchmark(Description = "HelloWorld"), BenchmarkCategory(R2R)]
    public int HelloR2R() => Answer("hello", R2R);

    [Benchmark(Description = "empty app"), BenchmarkCategory(R2RNet8)]
    public int EmptyR2RNet8() => Exit("empty", R2RNet8);

    [Benchmark(Description = "floor", Baseline = true), BenchmarkCategory(R2RNet8)]
    public int FloorR2RNet8() => Answer("floor", R2RNet8);

    [Benchmark(Description = "HelloWorld"), BenchmarkCategory(R2RNet8)]
    public int HelloR2RNet8() => Answer("hello", R2RNet8);

    [Benchmark(Description = "empty app"), BenchmarkCategory(Aot)]
    public int EmptyAot() => Exit("empty", Aot);

    [Benchmark(Description = "floor", Baseline = true), BenchmarkCategory(Aot)]
    public int FloorAot() => Answer("floor", Aot);

    [Benchmark(Description = "HelloWorld"), BenchmarkCategory(Aot)]
    public int HelloAot() => Answer("hello", Aot);

    private Harness.CpuShare CurrentShare => CpuShare == "machine" ? Harness.CpuShare.Of(0) : Harness.CpuShare.Of(double.Parse(CpuShare, CultureInfo.InvariantCulture));

    private FunctionApp App(string app, string mode)
    {
        if (!_apps.TryGetValue((app, mode), out var found))
        {
            found = new FunctionApp(app, mode);
            _apps[(app, mode)] = found;
        }

        return found;
    }

    /// <summary>Spawn → the answer to the first event arrives.</summary>
    private int Answer(string app, string mode)
    {
        var function = App(app, mode);
        _process = function.Start(_api!.Address, CurrentShare);
        var answered = _api.Invoke(Event, Timeout);
        return answered.IsError ? throw new InvalidOperationException($"{app} answered an error: {answered.ErrorType}") : answered.Response.Length;
    }

    /// <summary>Spawn → exit (the empty app answers nothing).</summary>
    private int Exit(string app, string mode)
    {
        _process = App(app, mode).Start(_api!.Address, CurrentShare);
        _process.WaitForExit();
        return _process.ExitCode;
    }
}
