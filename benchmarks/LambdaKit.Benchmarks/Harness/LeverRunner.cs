using System.Globalization;
using System.Text;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// Cold-start lever experiments in ONE interleaved run: every round starts each variant once, in a new random order,
/// so the machine's load drifts over "before" and "after" alike (BenchmarkDotNet runs one case after the other, which on a
/// shared machine turns load drift into a false difference). Spawn → first answer, as in <c>ColdStartBenchmarks</c>.
/// Each group has a "before" (HelloWorld as committed) and its floor; an "after" is a publish option, a runtime knob
/// (an environment variable) or a patched build (<c>benchmarks/levers/*.patch</c>, published by cold-start.sh).
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- levers [--rounds 30] [--share 0.29] [--groups fdd,r2r,aot]</c>
/// </remarks>
internal static class LeverRunner
{
    private static readonly byte[] Event = """{"name":"cold"}"""u8.ToArray();

    public static IReadOnlyList<Lever> All { get; } =
    [
        new("fdd", "floor (framework-dependent)", "floor", "framework-dependent", Role.Floor),
        new("fdd", "HelloWorld framework-dependent (before)", "hello", "framework-dependent", Role.Before),
        new("fdd", "+ ReadyToRun LambdaKit + Microsoft.Extensions (-p:PublishReadyToRun=true -r linux-x64 --self-contained false)", "hello", "framework-dependent-r2r", Role.After),
        new("fdd", "+ DOTNET_TieredPGO=0", "hello", "framework-dependent", Role.After, "DOTNET_TieredPGO=0"),
        new("fdd", "+ DOTNET_TC_QuickJitForLoops=0", "hello", "framework-dependent", Role.After, "DOTNET_TC_QuickJitForLoops=0"),
        new("fdd", "+ DOTNET_TieredCompilation=0", "hello", "framework-dependent", Role.After, "DOTNET_TieredCompilation=0"),
        new("fdd", "+ DOTNET_ReadyToRun=0 (framework's own R2R code off: what R2R is worth)", "hello", "framework-dependent", Role.After, "DOTNET_ReadyToRun=0"),
        new("fdd", "+ DI ValidateOnBuild off (levers/no-validate-on-build.patch)", "hello-novalidate", "framework-dependent", Role.After),
        new("fdd", "floor, R2R framework-dependent publish", "floor", "framework-dependent-r2r", Role.Reference),
        new("r2r", "floor (self-contained R2R)", "floor", "self-contained-r2r", Role.Floor),
        new("r2r", "HelloWorld self-contained R2R (before)", "hello", "self-contained-r2r", Role.Before),
        new("r2r", "+ ReadyToRun composite (-p:PublishReadyToRunComposite=true)", "hello", "self-contained-r2r-composite", Role.After),
        new("r2r", "+ DOTNET_TieredPGO=0", "hello", "self-contained-r2r", Role.After, "DOTNET_TieredPGO=0"),
        new("r2r", "+ DOTNET_TC_QuickJitForLoops=0", "hello", "self-contained-r2r", Role.After, "DOTNET_TC_QuickJitForLoops=0"),
        new("r2r", "+ DOTNET_TieredCompilation=0", "hello", "self-contained-r2r", Role.After, "DOTNET_TieredCompilation=0"),
        new("r2r", "floor, R2R composite", "floor", "self-contained-r2r-composite", Role.Reference),
        new("aot", "floor (Native AOT net8.0)", "floor", "native-aot", Role.Floor),
        new("aot", "HelloWorld Native AOT (before)", "hello", "native-aot", Role.Before),
        new("aot", "+ ValidateOnBuild off (levers/no-validate-on-build.patch)", "hello-novalidate", "native-aot", Role.After),
        // Issue 11, fourth pass (`levers --groups aot-start --name ColdStartAotLevers`): hello-ffbd8b2 is HelloWorld published
        // from commit ffbd8b2, before the closed Options/Logging registrations (git worktree + cold-start.sh's AOT options).
        new("aot-start", "floor (Native AOT net8.0)", "floor", "native-aot", Role.Floor),
        new("aot-start", "HelloWorld Native AOT at ffbd8b2 (open-generic Options/Logging closed at run time)", "hello-ffbd8b2", "native-aot", Role.Before),
        new("aot-start", "+ closed Options/Logging registrations (as committed)", "hello", "native-aot", Role.After),
        new("aot-start", "+ closed registrations + -p:IlcDehydrate=false", "hello", "native-aot-nodehydrate", Role.After),
        new("aot-start", "+ closed registrations + -p:OptimizationPreference=Speed", "hello", "native-aot-speed", Role.After),
        // Tiered PGO off in the samples (`levers --groups pgo-fdd,pgo-r2r --name ColdStartTieredPgo`): hello-pgo is HelloWorld
        // published from the same sources with <TieredPGO>true</TieredPGO>, as the samples had it before.
        new("pgo-fdd", "floor (framework-dependent)", "floor", "framework-dependent", Role.Floor),
        new("pgo-fdd", "HelloWorld framework-dependent, TieredPGO on (before)", "hello-pgo", "framework-dependent", Role.Before),
        new("pgo-fdd", "HelloWorld framework-dependent, TieredPGO off (as committed)", "hello", "framework-dependent", Role.After),
        new("pgo-r2r", "floor (self-contained R2R)", "floor", "self-contained-r2r", Role.Floor),
        new("pgo-r2r", "HelloWorld self-contained composite R2R, TieredPGO on (before)", "hello-pgo", "self-contained-r2r", Role.Before),
        new("pgo-r2r", "HelloWorld self-contained composite R2R, TieredPGO off (as committed)", "hello", "self-contained-r2r", Role.After),
        // ReadyToRun code for the CPU's instruction sets (`levers --groups isa --name ColdStartInstructionSet`): the same
        // sources published with -p:PublishReadyToRunCrossgen2ExtraArgs=--instruction-set:x86-64-v3 (AVX2) or v4 (AVX-512), so that the
        // vectorized framework code is not rejected and JIT-compiled on a CPU that has more than the default target.
        new("isa", "floor (self-contained R2R)", "floor", "self-contained-r2r", Role.Floor),
        new("isa", "HelloWorld self-contained composite R2R (as committed)", "hello", "self-contained-r2r", Role.Before),
        new("isa", "HelloWorld self-contained composite R2R, --instruction-set:x86-64-v3", "hello", "self-contained-r2r-v3", Role.After),
        new("isa", "HelloWorld self-contained composite R2R, --instruction-set:x86-64-v4", "hello", "self-contained-r2r-v4", Role.After),
        new("isa", "floor self-contained composite R2R", "floor", "self-contained-r2r-composite", Role.Reference),
        new("isa", "floor self-contained composite R2R, --instruction-set:x86-64-v3", "floor", "self-contained-r2r-v3", Role.Reference),
        new("isa", "floor self-contained composite R2R, --instruction-set:x86-64-v4", "floor", "self-contained-r2r-v4", Role.Reference),
        // EventSource off (`levers --groups es-fdd,es-r2r --name ColdStartEventSource`): the published folders with
        // "System.Diagnostics.Tracing.EventSource.IsSupported": false added to their runtimeconfig.json (what
        // <EventSourceSupport>false</EventSourceSupport> writes), HelloWorld and the floor alike.
        new("es-fdd", "floor (framework-dependent)", "floor", "framework-dependent", Role.Floor),
        new("es-fdd", "HelloWorld framework-dependent (as committed)", "hello", "framework-dependent", Role.Before),
        new("es-fdd", "HelloWorld framework-dependent, EventSource off", "hello-es", "framework-dependent", Role.After),
        new("es-fdd", "floor framework-dependent, EventSource off", "floor-es", "framework-dependent", Role.Reference),
        new("es-r2r", "floor (self-contained R2R)", "floor", "self-contained-r2r", Role.Floor),
        new("es-r2r", "HelloWorld self-contained composite R2R (as committed)", "hello", "self-contained-r2r", Role.Before),
        new("es-r2r", "HelloWorld self-contained composite R2R, EventSource off", "hello-es", "self-contained-r2r", Role.After),
        new("es-r2r", "floor self-contained R2R, EventSource off", "floor-es", "self-contained-r2r", Role.Reference),
        // LambdaKit's own services built by constructor calls (`levers --groups ctor-aot,ctor-r2r --name ColdStartFactories`):
        // hello-9f2eecb is HelloWorld published from the commit before, where DI found their constructors by reflection.
        new("ctor-aot", "floor (Native AOT net8.0)", "floor", "native-aot", Role.Floor),
        new("ctor-aot", "HelloWorld Native AOT at 9f2eecb (constructors found by reflection)", "hello-9f2eecb", "native-aot", Role.Before),
        new("ctor-aot", "HelloWorld Native AOT, LambdaKit's services by constructor calls", "hello", "native-aot", Role.After),
        new("ctor-r2r", "floor (self-contained R2R)", "floor", "self-contained-r2r", Role.Floor),
        new("ctor-r2r", "HelloWorld composite R2R at 9f2eecb (constructors found by reflection)", "hello-9f2eecb", "self-contained-r2r", Role.Before),
        new("ctor-r2r", "HelloWorld composite R2R, LambdaKit's services by constructor calls", "hello", "self-contained-r2r", Role.After),
        // LambdaKit.Events' JSON metadata left out (`levers --groups evl-aot,evl-r2r,evl-fdd --name ColdStartEventTypeLookup`):
        // hello-3a6e734 is HelloWorld published from the commit before, where LambdaKitEventsJsonContext was always the
        // last context searched (and compiled in); HelloWorld now sets LambdaKitEventTypeLookup=false.
        new("evl-aot", "floor (Native AOT net8.0)", "floor", "native-aot", Role.Floor),
        new("evl-aot", "HelloWorld Native AOT at 3a6e734 (LambdaKit.Events' context always searched)", "hello-3a6e734", "native-aot", Role.Before),
        new("evl-aot", "HelloWorld Native AOT, LambdaKitEventTypeLookup=false", "hello", "native-aot", Role.After),
        new("evl-r2r", "floor (self-contained R2R)", "floor", "self-contained-r2r", Role.Floor),
        new("evl-r2r", "HelloWorld composite R2R at 3a6e734 (LambdaKit.Events' context always searched)", "hello-3a6e734", "self-contained-r2r", Role.Before),
        new("evl-r2r", "HelloWorld composite R2R, LambdaKitEventTypeLookup=false", "hello", "self-contained-r2r", Role.After),
        new("evl-fdd", "floor (framework-dependent)", "floor", "framework-dependent", Role.Floor),
        new("evl-fdd", "HelloWorld framework-dependent at 3a6e734 (LambdaKit.Events' context always searched)", "hello-3a6e734", "framework-dependent", Role.Before),
        new("evl-fdd", "HelloWorld framework-dependent, LambdaKitEventTypeLookup=false", "hello", "framework-dependent", Role.After),
    ];

    public static int Run(string[] args)
    {
        var rounds = int.Parse(Measure.Option(args, "--rounds", "30")!, CultureInfo.InvariantCulture);
        var cores = double.Parse(Measure.Option(args, "--share", "0")!, CultureInfo.InvariantCulture);
        var groups = Measure.Option(args, "--groups", "fdd,r2r,aot")!.Split(',');
        var name = Measure.Option(args, "--name", cores > 0 ? "ColdStartLevers.Share" : "ColdStartLevers")!;
        var share = CpuShare.Of(cores);
        var levers = All.Where(l => groups.Contains(l.Group) && Directory.Exists(Path.Combine(FunctionApp.Root, l.App, l.Mode))).ToArray();
        var apps = levers.ToDictionary(l => l, l => new FunctionApp(l.App, l.Mode));
        var times = levers.ToDictionary(l => l, _ => new List<double>());
        var random = new Random(11);
        var machineBefore = Measure.MachineLine();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var lever in levers.OrderBy(_ => random.Next()))
            {
                times[lever].Add(ColdStart(apps[lever], share, lever.Environment));
            }

            Console.WriteLine($"round {round + 1}/{rounds}: " + string.Join(", ", levers.Where(l => l.Role == Role.Before).Select(l => $"{l.Group} before {Measure.Median(times[l]):0.0} ms")));
        }

        var report = new StringBuilder()
            .Line("```")
            .Line($"Cold-start levers, one interleaved run: {rounds} rounds, each variant once per round in a random order; spawn → first answer at a loopback Runtime API.")
            .Line($"CPU share: {share.Description}. Event {Encoding.UTF8.GetString(Event)}.")
            .Line($"Start: {machineBefore}")
            .Line($"End:   {Measure.MachineLine()}")
            .Line("```")
            .Line(string.Empty)
            .Line("| group | variant | median | P90 | P99 | after / before (median) | ratio to floor (median) |")
            .Line("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var lever in levers)
        {
            var mine = times[lever];
            var before = levers.FirstOrDefault(l => l.Group == lever.Group && l.Role == Role.Before);
            var floor = levers.FirstOrDefault(l => l.Group == lever.Group && l.Role == Role.Floor);
            var median = Measure.Median(mine);
            var versusBefore = lever.Role == Role.After && before is not null ? median / Measure.Median(times[before]) : double.NaN;
            var versusFloor = floor is not null ? median / Measure.Median(times[floor]) : double.NaN;
            report.Line($"| {lever.Group} | {lever.Label} | {Measure.Ms(median)} | {Measure.Ms(Measure.Percentile(mine, 90))} | {Measure.Ms(Measure.Percentile(mine, 99))} | {Measure.Ratio(versusBefore)} | {Measure.Ratio(versusFloor)} |");
        }

        Measure.WriteReport(name, report.ToString());
        return 0;
    }

    /// <summary>Spawn → the answer to the first event arrives, in milliseconds; the kill and wait are not counted.</summary>
    internal static double ColdStart(FunctionApp app, CpuShare share, string? environment)
    {
        using var api = new BenchRuntimeApi();
        var variables = environment is null ? null : new Dictionary<string, string> { [environment.Split('=')[0]] = environment.Split('=')[1] };
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var process = app.Start(api.Address, share, variables);
        try
        {
            var answered = api.Invoke(Event, TimeSpan.FromSeconds(120));
            var elapsed = Measure.Milliseconds(started, answered.AnsweredAt);
            return answered.IsError ? throw new InvalidOperationException($"{app.App}/{app.Mode} answered an error: {answered.ErrorType}") : elapsed;
        }
        finally
        {
            FunctionApp.Stop(process);
        }
    }

    internal enum Role
    {
        Floor,
        Before,
        After,
        Reference,
    }

    internal sealed record Lever(string Group, string Label, string App, string Mode, Role Role, string? Environment = null);
}
