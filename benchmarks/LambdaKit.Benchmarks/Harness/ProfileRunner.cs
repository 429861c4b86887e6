using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// Where a warm invocation's CPU goes: a warmed-up function process (JIT code named through
/// <c>DOTNET_PerfMapEnabled=1</c>) is sampled with <c>perf record -F 2999 -p PID</c> while sequential invocations run,
/// and the samples' own (self) symbols are put in buckets: LambdaKit's transport, pipeline, DI, logging, JSON, the
/// managed socket layer, async/threading machinery, the runtime (GC, stubs), libc, the kernel (TCP loopback, syscalls,
/// scheduler). The same for the floor, for comparison. W^X is turned off (<c>DOTNET_EnableWriteXorExecute=0</c>) so that
/// perf finds JIT code in anonymous memory, where the perf map names it.
/// </summary>
/// <remarks><c>… -- profile [--seconds 6] [--variants floor/framework-dependent,hello/framework-dependent]</c></remarks>
internal static partial class ProfileRunner
{
    private static readonly byte[] Event = """{"name":"warm"}"""u8.ToArray();

    private static readonly (string Bucket, Func<string, string, bool> Match)[] Buckets =
    [
        ("kernel: TCP loopback, syscalls, scheduler, wake-ups", (dso, _) => dso.Contains("kernel", StringComparison.Ordinal)),
        ("LambdaKit transport (Runtime/: HTTP head, headers, connection)", (_, sym) => sym.Contains("LambdaKit.Runtime.RuntimeApi", StringComparison.Ordinal) || sym.Contains("LambdaKit.InvocationHeaders", StringComparison.Ordinal) || sym.Contains("LambdaKit.Runtime.LambdaInvocation", StringComparison.Ordinal)),
        ("LambdaKit logging (format, queue, flush)", (_, sym) => sym.Contains("LambdaKit.Logging", StringComparison.Ordinal)),
        ("LambdaKit pipeline (loop, context, dispatch, invoker, deadline)", (_, sym) => sym.Contains("LambdaKit.", StringComparison.Ordinal)),
        ("HelloWorld handler (user code)", (_, sym) => sym.Contains("HelloWorld.HelloHandler", StringComparison.Ordinal)),
        ("JSON (System.Text.Json, source-generated context)", (_, sym) => sym.Contains("System.Text.Json", StringComparison.Ordinal) || sym.Contains("HelloJsonContext", StringComparison.Ordinal)),
        ("DI (Microsoft.Extensions.DependencyInjection)", (_, sym) => sym.Contains("Microsoft.Extensions.DependencyInjection", StringComparison.Ordinal)),
        ("Microsoft.Extensions.Logging / Options", (_, sym) => sym.Contains("Microsoft.Extensions", StringComparison.Ordinal)),
        ("managed sockets (System.Net.Sockets, SocketAsyncEngine)", (dso, sym) => sym.Contains("System.Net.Sockets", StringComparison.Ordinal) || dso.Contains("System.Net.Sockets", StringComparison.Ordinal) || dso.Contains("libSystem.Native", StringComparison.Ordinal)),
        ("async, tasks, thread pool, ExecutionContext, AsyncLocal", (_, sym) => sym.Contains("System.Threading", StringComparison.Ordinal) || sym.Contains("System.Runtime.CompilerServices", StringComparison.Ordinal)),
        ("strings, text, spans, collections (BCL)", (_, sym) => sym.Contains("System.", StringComparison.Ordinal)),
        ("JIT compiler (libclrjit: tiering's rejits during the window)", (dso, _) => dso.Contains("clrjit", StringComparison.Ordinal)),
        ("runtime: GC, allocation, stubs, type system (libcoreclr)", (dso, _) => dso.Contains("coreclr", StringComparison.Ordinal)),
        ("libc", (dso, _) => dso.StartsWith("libc", StringComparison.Ordinal)),
        ("Floor (its Main loop)", (_, sym) => sym.Contains("Program.<Main>", StringComparison.Ordinal) || sym.Contains("Connection::", StringComparison.Ordinal) || sym.Contains("[floor]", StringComparison.Ordinal) || sym.Contains("Connection.", StringComparison.Ordinal)),
    ];

    public static int Run(string[] args)
    {
        var seconds = int.Parse(Measure.Option(args, "--seconds", "6")!, CultureInfo.InvariantCulture);
        var variants = (Measure.Option(args, "--variants") ?? "floor/framework-dependent,hello/framework-dependent")
            .Split(',').Select(v => v.Split('/')).Select(p => new FunctionApp(p[0], p[1])).ToArray();
        var report = new StringBuilder()
            .Line("```")
            .Line($"Warm CPU profile: perf record -F 2999 -p PID for {seconds} s of sequential invocations after 3,000 warm-up invocations; self time of each sample's symbol, in buckets.")
            .Line($"Start: {Measure.MachineLine()}");
        var tables = new StringBuilder();
        foreach (var variant in variants)
        {
            var (buckets, total, invocations, top) = ProfileOne(variant, seconds);
            tables.Line(string.Empty)
                .Line($"### {variant.App}/{variant.Mode}: {total} samples over {invocations:N0} invocations")
                .Line(string.Empty)
                .Line("| bucket | share of samples |")
                .Line("| --- | ---: |");
            foreach (var (bucket, count) in buckets.OrderByDescending(b => b.Value))
            {
                tables.Line($"| {bucket} | {Measure.Num(100.0 * count / Math.Max(1, total), "0.0")} % |");
            }

            tables.Line(string.Empty).Line("Top symbols: " + string.Join("; ", top.Take(25).Select(t => $"{t.Symbol} {Measure.Num(t.Percent, "0.0")} %")));
        }

        report.Line($"End:   {Measure.MachineLine()}").Line("```").Append(tables);
        Measure.WriteReport("WarmCpuProfile", report.ToString());
        return 0;
    }

    private static (Dictionary<string, double> Buckets, double Total, int Invocations, List<(string Symbol, double Percent)> Top) ProfileOne(FunctionApp app, int seconds)
    {
        using var api = new BenchRuntimeApi();
        var process = app.Start(api.Address, CpuShare.Of(0), new Dictionary<string, string> { ["DOTNET_PerfMapEnabled"] = "1", ["DOTNET_EnableWriteXorExecute"] = "0" });
        var data = Path.Combine(Path.GetTempPath(), $"lambdakit-perf-{app.App}-{app.Mode}.data");
        var invocations = 0;
        try
        {
            for (var i = 0; i < 3000; i++)
            {
                api.Invoke(Event, TimeSpan.FromSeconds(60));
            }

            using var perf = Process.Start(new ProcessStartInfo("perf", ["record", "-F", "2999", "-p", process.Id.ToString(CultureInfo.InvariantCulture), "-o", data, "--", "sleep", seconds.ToString(CultureInfo.InvariantCulture)])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            })!;
            while (!perf.HasExited)
            {
                api.Invoke(Event, TimeSpan.FromSeconds(60));
                invocations++;
            }
        }
        finally
        {
            FunctionApp.Stop(process);
        }

        // perf script: one line per sample ("ip symbol (dso)"), counted exactly (perf report rounds each of thousands of
        // unnamed addresses to 0.01 %).
        using var script = Process.Start(new ProcessStartInfo("perf", ["script", "-i", data, "-F", "ip,sym,dso"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _ = script.StandardError.ReadToEndAsync();
        var counts = new Dictionary<(string Dso, string Symbol), int>();
        var total = 0;
        while (script.StandardOutput.ReadLine() is { } line)
        {
            var match = SampleLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var key = (Path.GetFileName(match.Groups[2].Value), match.Groups[1].Value.Trim());
            counts[key] = counts.GetValueOrDefault(key) + 1;
            total++;
        }

        script.WaitForExit();
        var buckets = new Dictionary<string, double>();
        foreach (var ((dso, symbol), count) in counts)
        {
            var bucket = Buckets.FirstOrDefault(b => b.Match(dso, symbol)).Bucket ?? "other: " + dso;
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + count;
        }

        var top = counts.OrderByDescending(c => c.Value).Select(c => ($"{c.Key.Symbol} ({c.Key.Dso})", 100.0 * c.Value / Math.Max(1, total))).ToList();
        return (buckets, total, invocations, top);
    }

    // "     7efcd28a1450 symbol (dso)"
    [GeneratedRegex(@"^\s*[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$")]
    private static partial Regex SampleLine();
}
