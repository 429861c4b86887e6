using System.Globalization;
using System.Text;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// Warm invocations through the loopback Runtime API (<see cref="BenchRuntimeApi.InvokeMany"/>: the server answers each
/// <c>next</c> at once), one process per variant and round: after <c>--warmup</c>
/// invocations (tiering settles), <c>--n</c> sequential invocations are timed (throughput), the process's CPU time over
/// them is read from /proc (CPU per invocation: user + system, all threads), and its peak resident set (VmHWM) is read
/// after them. Rounds interleave the variants (a different order each round) so that the machine's load drifts over all
/// of them alike; the report gives the median over rounds and the ratio to the floor of the same publish mode.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- warm [--n 10000] [--warmup 2000] [--rounds 3]
/// [--variants floor/native-aot,hello/native-aot,...] [--name Warm]</c>. A variant may carry runtime knobs after a
/// <c>+</c>: <c>hello/native-aot+DOTNET_GCgen0size=400000;DOTNET_gcConcurrent=0</c> (its floor is the plain
/// <c>floor/mode</c> of the same run; GC knobs in hexadecimal without <c>0x</c>, which Native AOT does not parse).
/// <c>LAMBDAKIT_WARM_SMAPS=/tmp/x</c> copies each function's <c>/proc/PID/smaps</c> at the end of its run (where the
/// resident memory is).
/// </remarks>
internal static class WarmRunner
{
    private static readonly byte[] Event = """{"name":"warm"}"""u8.ToArray();

    public static readonly string[] DefaultVariants =
    [
        "floor/framework-dependent", "hello/framework-dependent",
        "floor/self-contained-r2r", "hello/self-contained-r2r",
        "floor/self-contained-r2r-net8", "hello/self-contained-r2r-net8",
        "floor/native-aot", "hello/native-aot",
    ];

    public static int Run(string[] args)
    {
        var n = int.Parse(Measure.Option(args, "--n", "10000")!, CultureInfo.InvariantCulture);
        var warmup = int.Parse(Measure.Option(args, "--warmup", "2000")!, CultureInfo.InvariantCulture);
        var rounds = int.Parse(Measure.Option(args, "--rounds", "3")!, CultureInfo.InvariantCulture);
        var name = Measure.Option(args, "--name", "WarmInvocations")!;
        var variants = (Measure.Option(args, "--variants") is { } list ? list.Split(',') : DefaultVariants)
            .Select(Variant.Parse).ToArray();
        var machineBefore = Measure.MachineLine();
        var results = variants.ToDictionary(v => v, _ => new List<Sample>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var variant in variants.Skip(round % variants.Length).Concat(variants.Take(round % variants.Length)))
            {
                var sample = RunOne(variant, warmup, n);
                results[variant].Add(sample);
                Console.WriteLine($"round {round + 1}/{rounds} {variant.Label}: {sample.Throughput:0} inv/s, {sample.CpuPerInvocationMs:0.0000} ms CPU/inv, peak RSS {sample.PeakRssKib / 1024.0:0.0} MiB");
            }
        }

        var report = new StringBuilder()
            .Line("```")
            .Line($"Warm invocations through a loopback Runtime API (BenchRuntimeApi), sequential, {n:N0} measured after {warmup:N0} warm-up invocations, {rounds} interleaved rounds; event {Encoding.UTF8.GetString(Event)}.")
            .Line("CPU per invocation: user + system time of the function process (/proc/PID/stat, all threads) over the measured invocations / n.")
            .Line($"Peak RSS: VmHWM after {warmup + n:N0} invocations. Median over rounds; ratios divide medians by the floor of the same publish mode.")
            .Line($"Start: {machineBefore}")
            .Line($"End:   {Measure.MachineLine()}")
            .Line("```")
            .Line(string.Empty)
            .Line("| app | mode | throughput (inv/s) | CPU per invocation | CPU / floor | peak RSS (MiB) | RSS / floor | rounds (CPU ms/inv) |")
            .Line("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var variant in variants)
        {
            var samples = results[variant];
            var floor = variants.FirstOrDefault(v => v.App.App == "floor" && v.App.Mode == variant.App.Mode && v.Environment.Count == 0);
            var floorCpu = floor is null ? double.NaN : Measure.Median(results[floor].Select(s => s.CpuPerInvocationMs).ToArray());
            var floorRss = floor is null ? double.NaN : Measure.Median(results[floor].Select(s => (double)s.PeakRssKib).ToArray());
            var cpu = Measure.Median(samples.Select(s => s.CpuPerInvocationMs).ToArray());
            var rss = Measure.Median(samples.Select(s => (double)s.PeakRssKib).ToArray());
            report.Line($"| {variant.App.App} | {variant.ModeLabel} | {Measure.Num(Measure.Median(samples.Select(s => s.Throughput).ToArray()), "N0")} | {Measure.Num(cpu, "0.0000")} ms | {Measure.Ratio(cpu / floorCpu)} | {Measure.Num(rss / 1024, "0.0")} | {Measure.Ratio(rss / floorRss)} | {string.Join(" / ", samples.Select(s => Measure.Num(s.CpuPerInvocationMs, "0.0000")))} |");
        }

        Measure.WriteReport(name, report.ToString());
        return 0;
    }

    private static Sample RunOne(Variant variant, int warmup, int n)
    {
        var app = variant.App;
        using var api = new BenchRuntimeApi();
        var process = app.Start(api.Address, CpuShare.Of(0), variant.Environment);
        try
        {
            var timeout = TimeSpan.FromSeconds(300);
            api.Invoke(Event, timeout);
            api.InvokeMany(Event, warmup, timeout);
            var cpuBefore = Measure.ProcessCpu(process.Id);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            if (api.InvokeMany(Event, n, timeout) is > 0 and var errors)
            {
                throw new InvalidOperationException($"{app.App}/{app.Mode} answered {errors} error(s).");
            }

            var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            var cpu = Measure.ProcessCpu(process.Id) - cpuBefore;
            var peak = Measure.StatusKib(process.Id, "VmHWM");
            if (System.Environment.GetEnvironmentVariable("LAMBDAKIT_WARM_SMAPS") is { Length: > 0 } smaps)
            {
                File.Copy($"/proc/{process.Id}/smaps", $"{smaps}-{app.App}-{app.Mode}-{variant.Environment.Count}.smaps", overwrite: true);
            }

            return new Sample(n / elapsed.TotalSeconds, cpu.TotalMilliseconds / n, peak);
        }
        finally
        {
            FunctionApp.Stop(process);
        }
    }

    /// <summary>An app in a publish mode, with the environment variables it runs with.</summary>
    private sealed class Variant(FunctionApp app, IReadOnlyDictionary<string, string> environment)
    {
        public FunctionApp App { get; } = app;

        public IReadOnlyDictionary<string, string> Environment { get; } = environment;

        public string ModeLabel => Environment.Count == 0 ? App.Mode : $"{App.Mode} + {string.Join(" ", Environment.Select(e => $"{e.Key}={e.Value}"))}";

        public string Label => $"{App.App}/{ModeLabel}";

        public static Variant Parse(string text)
        {
            var plus = text.IndexOf('+', StringComparison.Ordinal);
            var parts = (plus < 0 ? text : text[..plus]).Split('/');
            var environment = plus < 0
                ? new Dictionary<string, string>()
                : text[(plus + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('=', 2)).ToDictionary(e => e[0], e => e[1]);
            return new Variant(new FunctionApp(parts[0], parts[1]), environment);
        }
    }

    private sealed record Sample(double Throughput, double CpuPerInvocationMs, long PeakRssKib);
}
