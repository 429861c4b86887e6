using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// Where a cold start's time goes, from outside the process: each run is traced with
/// <c>strace -f -ttt --seccomp-bpf</c> (only execve, openat, connect, the socket send/receive calls and the stat calls are
/// stopped at), and the moments are read from the trace: the host and runtime libraries opened, CoreLib opened, the
/// start-up probe's marks (a stat of <c>/lambdakit-mark/&lt;name&gt;</c>: Main, builder created, services registered,
/// services built, handler start/end; <c>benchmarks/LambdaKit.StartupProbe</c>), the connect to the Runtime API, the
/// first <c>GET next</c> sent, the event received, the response posted. Tracing slows the process (each stopped call
/// costs tens of microseconds), so the same runs are also done untraced, interleaved, and both totals are reported.
/// </summary>
/// <remarks><c>… -- breakdown [--runs 9] [--modes framework-dependent,self-contained-r2r,native-aot]</c></remarks>
internal static partial class BreakdownRunner
{
    private static readonly byte[] Event = """{"name":"cold"}"""u8.ToArray();

    private static readonly (string Key, string Label)[] Moments =
    [
        ("hostfxr", "host: libhostfxr.so opened (dotnet muxer resolved the app)"),
        ("coreclr", "runtime: libcoreclr.so opened"),
        ("corelib", "runtime: System.Private.CoreLib.dll opened"),
        ("main", "Main entered"),
        ("builder-created", "LambdaApplication.CreateBuilder returned"),
        ("services-registered", "AddLambdaKit + AddHandler done"),
        ("services-built", "Build() returned (service provider built, validated)"),
        ("connect", "connect() to the Runtime API (init done, loop started)"),
        ("next-sent", "first GET next sent"),
        ("event-received", "event received"),
        ("handler-start", "handler entered (event deserialized, DI scope created)"),
        ("handler-end", "handler returned"),
        ("response-posted", "response POST sent"),
    ];

    public static int Run(string[] args)
    {
        var runs = int.Parse(Measure.Option(args, "--runs", "9")!, CultureInfo.InvariantCulture);
        var modes = Measure.Option(args, "--modes", "framework-dependent,self-contained-r2r,native-aot")!.Split(',');
        var variants = modes.SelectMany(m => new[] { new FunctionApp("probe", m), new FunctionApp("floor", m) }).ToArray();
        var traces = variants.ToDictionary(v => v, _ => new List<Dictionary<string, double>>());
        var plain = variants.ToDictionary(v => v, _ => new List<double>());
        var assemblies = variants.ToDictionary(v => v, _ => new List<string>());
        var dir = Path.Combine(Path.GetTempPath(), "lambdakit-breakdown");
        Directory.CreateDirectory(dir);
        var machineBefore = Measure.MachineLine();
        for (var run = 0; run < runs; run++)
        {
            foreach (var variant in variants)
            {
                plain[variant].Add(LeverRunner.ColdStart(variant, CpuShare.Of(0), null));
                var file = Path.Combine(dir, $"{variant.App}-{variant.Mode}-{run}.strace");
                var (moments, loaded) = Trace(variant, file);
                traces[variant].Add(moments);
                if (run == 0)
                {
                    assemblies[variant].AddRange(loaded);
                }
            }

            Console.WriteLine($"run {run + 1}/{runs} done");
        }

        var report = new StringBuilder()
            .Line("```")
            .Line($"Start-up breakdown: {runs} runs per app and mode, median of each moment (ms after execve), from strace -f -ttt --seccomp-bpf.")
            .Line("Untraced: the same start, no strace, interleaved with the traced runs (spawn → answer, ms, median).")
            .Line($"Start: {machineBefore}")
            .Line($"End:   {Measure.MachineLine()}")
            .Line("```");
        foreach (var mode in modes)
        {
            var probe = variants.First(v => v.App == "probe" && v.Mode == mode);
            var floor = variants.First(v => v.App == "floor" && v.Mode == mode);
            report.Line(string.Empty)
                .Line($"### {mode}")
                .Line(string.Empty)
                .Line($"Untraced spawn → answer (median): HelloWorld probe {Measure.Ms(Measure.Median(plain[probe]))}, floor {Measure.Ms(Measure.Median(plain[floor]))}; traced: probe {Measure.Ms(Measure.Median(traces[probe].Select(t => t.GetValueOrDefault("response-posted", double.NaN)).Where(v => !double.IsNaN(v)).ToArray()))}, floor {Measure.Ms(Measure.Median(traces[floor].Select(t => t.GetValueOrDefault("response-posted", double.NaN)).Where(v => !double.IsNaN(v)).ToArray()))}.")
                .Line(string.Empty)
                .Line("| moment | HelloWorld (probe): at | step | floor: at | step |")
                .Line("| --- | ---: | ---: | ---: | ---: |");
            double? lastProbe = 0, lastFloor = 0;
            foreach (var (key, label) in Moments)
            {
                var p = MedianOf(traces[probe], key);
                var f = MedianOf(traces[floor], key);
                if (p is null && f is null)
                {
                    continue;
                }

                report.Line($"| {label} | {Cell(p)} | {Step(p, ref lastProbe)} | {Cell(f)} | {Step(f, ref lastFloor)} |");
            }

            report.Line(string.Empty)
                .Line($"Assemblies opened by HelloWorld (probe), first run, in order (@ ms after execve, traced): {(assemblies[probe].Count == 0 ? "none (one native executable)" : string.Join(", ", assemblies[probe]))}.");
        }

        File.WriteAllText(Path.Combine(dir, "breakdown.md"), report.ToString());
        Measure.WriteReport("StartupBreakdown", report.ToString());
        return 0;
    }

    private static string Cell(double? value) => value is null ? "—" : Measure.Num(value.Value, "0.0");

    private static string Step(double? value, ref double? last)
    {
        if (value is null)
        {
            return "—";
        }

        var step = value.Value - (last ?? 0);
        last = value;
        return Measure.Num(step, "0.0");
    }

    private static double? MedianOf(List<Dictionary<string, double>> runs, string key)
    {
        var values = runs.Where(r => r.ContainsKey(key)).Select(r => r[key]).ToArray();
        return values.Length * 2 >= runs.Count && values.Length > 0 ? Measure.Median(values) : null;
    }

    private static (Dictionary<string, double> Moments, List<string> Assemblies) Trace(FunctionApp app, string file)
    {
        using var api = new BenchRuntimeApi();
        string[] strace =
        [
            "strace", "-f", "-ttt", "--seccomp-bpf", "-s", "160", "-o", file,
            "-e", "trace=execve,openat,connect,sendto,sendmsg,recvfrom,recvmsg,%%stat", "-e", "signal=none", "--",
        ];
        var process = app.Start(api.Address, CpuShare.Of(0), wrapper: strace);
        try
        {
            api.Invoke(Event, TimeSpan.FromSeconds(120));
        }
        finally
        {
            FunctionApp.Stop(process);
        }

        return Parse(File.ReadAllLines(file), api.Address[(api.Address.LastIndexOf(':') + 1)..]);
    }

    internal static (Dictionary<string, double> Moments, List<string> Assemblies) Parse(IReadOnlyList<string> lines, string port)
    {
        var moments = new Dictionary<string, double>();
        var assemblies = new List<string>();
        double? start = null;
        foreach (var line in lines)
        {
            var match = LinePattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var time = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var call = match.Groups[2].Value;
            start ??= time;
            var at = (time - start.Value) * 1000;
            void First(string key)
            {
                moments.TryAdd(key, at);
            }

            if (call.StartsWith("openat(", StringComparison.Ordinal) && !call.Contains("= -1", StringComparison.Ordinal))
            {
                if (call.Contains("libhostfxr.so", StringComparison.Ordinal))
                {
                    First("hostfxr");
                }
                else if (call.Contains("libcoreclr.so", StringComparison.Ordinal))
                {
                    First("coreclr");
                }
                else if (call.Contains("System.Private.CoreLib.dll", StringComparison.Ordinal))
                {
                    First("corelib");
                }

                if (DllPattern().Match(call) is { Success: true } dll && !assemblies.Any(a => a.StartsWith(dll.Groups[1].Value + " ", StringComparison.Ordinal)))
                {
                    assemblies.Add($"{dll.Groups[1].Value} @{at.ToString("0.0", CultureInfo.InvariantCulture)}");
                }
            }
            else if (call.Contains("\"/lambdakit-mark/", StringComparison.Ordinal))
            {
                var name = call[(call.IndexOf("/lambdakit-mark/", StringComparison.Ordinal) + 16)..];
                First(name[..name.IndexOf('"', StringComparison.Ordinal)]);
            }
            else if (call.StartsWith("connect(", StringComparison.Ordinal) && call.Contains($"htons({port})", StringComparison.Ordinal))
            {
                First("connect");
            }
            else if (call.Contains("\"GET /2018-06-01/runtime/invocation/next", StringComparison.Ordinal))
            {
                First("next-sent");
            }
            else if (call.Contains("\"HTTP/1.1 200 OK", StringComparison.Ordinal) && (call.Contains("recv", StringComparison.Ordinal)))
            {
                First("event-received");
            }
            else if (call.Contains("\"POST /2018-06-01/runtime/invocation/", StringComparison.Ordinal) && call.Contains("/response", StringComparison.Ordinal))
            {
                First("response-posted");
            }
        }

        return (moments, assemblies);
    }

    // "1234 1700000000.123456 call(...)" (strace -f -ttt -o file)
    [GeneratedRegex(@"^\d+\s+(\d+\.\d+)\s+(.*)$")]
    private static partial Regex LinePattern();

    [GeneratedRegex(@"/([^/""]+\.dll)""")]
    private static partial Regex DllPattern();
}
