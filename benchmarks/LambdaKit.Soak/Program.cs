// The soak command: sends many invocations, one after another, through a real Showcase process (`dotnet bootstrap.dll`)
// against the local Runtime API, mixing HTTP API v2, S3, SNS and SQS events built from tests/events. It checks that every
// invocation was handed out once and answered exactly once with the expected answer, and reports throughput, p50/p99
// latency and the function's memory (RSS) after the first 10,000 invocations and at the end (they must differ by < 10%).
//
//   dotnet run -c Release --project benchmarks/LambdaKit.Soak -- [--invocations 100000] [--report benchmarks/soak-report.md]
//       [--function samples/Showcase/bin/Release/net10.0/bootstrap.dll] [--checkpoint 10000]
//
// Exit code 0 when every check passed, 1 otherwise.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using LambdaKit.Soak;
using LambdaKit.Testing;

var options = SoakOptions.Parse(args);
var root = SoakOptions.FindRepositoryRoot();
var functionPath = Path.GetFullPath(options.Function ?? Path.Combine(root, "samples", "Showcase", "bin", "Release", "net10.0", "bootstrap.dll"));
if (!File.Exists(functionPath))
{
    Console.Error.WriteLine($"The Showcase is not built at {functionPath}: dotnet build samples/Showcase -c Release");
    return 2;
}

var events = new SoakEvents(Path.Combine(root, "tests", "events"));
var checkpoint = options.Checkpoint ?? Math.Min(10_000, Math.Max(1, options.Invocations / 10));
var faults = new RuntimeApiFaults();
await using var api = await LocalRuntimeApi.StartAsync(new LocalRuntimeApiOptions { FunctionName = "soak", Faults = faults });
using var function = SoakProcess.Start(functionPath, api);

Console.WriteLine($"soak: {options.Invocations:N0} invocations through {functionPath} (pid {function.Id}), RSS checkpoint after {checkpoint:N0}");
var roundTrips = new double[options.Invocations];
var functionTimes = new double[options.Invocations];
var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
var wrong = new List<string>();
var wrongCount = 0;
long rssAtCheckpoint = 0;
var started = Stopwatch.GetTimestamp();
var afterCheckpoint = 0L;
for (var i = 0; i < options.Invocations; i++)
{
    var invocation = events.Build(i);
    var sent = Stopwatch.GetTimestamp();
    InvocationResult result;
    try
    {
        result = await api.InvokeAsync(invocation.Payload).WaitAsync(TimeSpan.FromSeconds(60));
    }
    catch (TimeoutException)
    {
        wrongCount++;
        wrong.Add($"#{i} ({invocation.Kind}): no answer within 60 s");
        break;
    }

    roundTrips[i] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
    functionTimes[i] = result.Duration.TotalMilliseconds;
    var key = $"{invocation.Kind} {result.Outcome}";
    outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
    if (invocation.Check(result) is { } problem)
    {
        wrongCount++;
        if (wrong.Count < 20)
        {
            wrong.Add($"#{i} ({invocation.Kind}): {problem}");
        }
    }

    if (i + 1 == checkpoint)
    {
        rssAtCheckpoint = SoakProcess.ReadStatusKb(function.Id, "VmRSS");
        afterCheckpoint = Stopwatch.GetTimestamp();
        Console.WriteLine($"soak: {checkpoint:N0} answered, RSS {rssAtCheckpoint / 1024.0:F1} MiB");
    }
    else if ((i + 1) % 10_000 == 0)
    {
        Console.WriteLine($"soak: {i + 1:N0} answered, RSS {SoakProcess.ReadStatusKb(function.Id, "VmRSS") / 1024.0:F1} MiB");
    }
}

var elapsed = Stopwatch.GetElapsedTime(started);
var sentCount = outcomes.Values.Sum();
var rssAtEnd = SoakProcess.ReadStatusKb(function.Id, "VmRSS");
var peakRss = SoakProcess.ReadStatusKb(function.Id, "VmHWM");
var cpu = SoakProcess.CpuTime(function.Id);
var steadyThroughput = afterCheckpoint == 0 ? double.NaN : (sentCount - checkpoint) / Stopwatch.GetElapsedTime(afterCheckpoint).TotalSeconds;

// Exactly once: every invocation sent was handed out once and answered (accepted) once; nothing else was handed out.
var handedOut = faults.HandedOut;
var duplicates = handedOut.GroupBy(id => id, StringComparer.Ordinal).Count(g => g.Count() > 1);
var results = api.Results;
var notAnsweredOnce = results.Count(r => faults.AcceptedAnswers(r.RequestId) != 1);
var exitCode = await function.StopAsync(TimeSpan.FromSeconds(30));

var rssGrowth = rssAtCheckpoint == 0 ? double.NaN : (rssAtEnd - rssAtCheckpoint) / (double)rssAtCheckpoint;
var checks = new List<(string Name, bool Passed, string Detail)>
{
    ("every invocation answered", sentCount == options.Invocations && results.Count == options.Invocations, $"{sentCount:N0} sent, {results.Count:N0} answered of {options.Invocations:N0}"),
    ("each handed out exactly once", handedOut.Count == options.Invocations && duplicates == 0, $"{handedOut.Count:N0} handed out, {duplicates} twice"),
    ("each answered exactly once", notAnsweredOnce == 0, $"{notAnsweredOnce} answered other than once (accepted answers per request id)"),
    ("every answer as expected", wrongCount == 0, wrongCount == 0 ? $"{sentCount:N0} of {sentCount:N0}" : $"{wrongCount:N0} unexpected"),
    ("RSS at the end within 10% of RSS after the checkpoint", Math.Abs(rssGrowth) < 0.10, $"{rssAtCheckpoint / 1024.0:F1} MiB → {rssAtEnd / 1024.0:F1} MiB ({rssGrowth:+0.0%;-0.0%})"),
    ("SIGTERM at the end: exit code 0", exitCode == 0, $"exit code {exitCode}"),
};

var report = new StringBuilder();
report.Append(SoakReport.Introduction);
report.AppendLine(CultureInfo.InvariantCulture, $"## Latest run: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.AppendLine();
report.AppendLine(CultureInfo.InvariantCulture, $"{options.Invocations:N0} invocations, one at a time, through `dotnet {Path.GetRelativePath(root, functionPath)}` (the Showcase, framework-dependent net10.0) against the local Runtime API (Kestrel, loopback); {Environment.ProcessorCount} cores, 1-minute load average at the end {LoadAverage()}.");
report.AppendLine();
report.AppendLine("| figure | value |");
report.AppendLine("| --- | ---: |");
report.AppendLine(CultureInfo.InvariantCulture, $"| wall time | {elapsed.TotalSeconds:F1} s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| throughput, whole run | {sentCount / elapsed.TotalSeconds:N0} invocations/s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| throughput after the checkpoint | {steadyThroughput:N0} invocations/s |");
report.AppendLine(CultureInfo.InvariantCulture, $"| round trip (invoke → answer at the driver), p50 / p99 / max | {Percentile(roundTrips, sentCount, 0.50):F3} / {Percentile(roundTrips, sentCount, 0.99):F3} / {Percentile(roundTrips, sentCount, 1.0):F3} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| in the function (handed out → answer received), p50 / p99 / max | {Percentile(functionTimes, sentCount, 0.50):F3} / {Percentile(functionTimes, sentCount, 0.99):F3} / {Percentile(functionTimes, sentCount, 1.0):F3} ms |");
report.AppendLine(CultureInfo.InvariantCulture, $"| RSS after {checkpoint:N0} / at the end | {rssAtCheckpoint / 1024.0:F1} MiB / {rssAtEnd / 1024.0:F1} MiB ({rssGrowth:+0.0%;-0.0%}) |");
report.AppendLine(CultureInfo.InvariantCulture, $"| peak RSS (VmHWM) | {peakRss / 1024.0:F1} MiB |");
report.AppendLine(CultureInfo.InvariantCulture, $"| function CPU time (user + system) | {cpu.TotalSeconds:F1} s ({cpu.TotalMilliseconds / Math.Max(1, sentCount):F3} ms per invocation) |");
report.AppendLine(CultureInfo.InvariantCulture, $"| function output | {function.StdoutLines:N0} stdout lines, {function.StderrLines:N0} stderr lines |");
report.AppendLine();
report.AppendLine("| invocations by source and outcome | count |");
report.AppendLine("| --- | ---: |");
foreach (var (key, count) in outcomes.OrderBy(p => p.Key, StringComparer.Ordinal))
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {key} | {count:N0} |");
}

report.AppendLine();
report.AppendLine("| check | result | detail |");
report.AppendLine("| --- | --- | --- |");
foreach (var (name, passed, detail) in checks)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {(passed ? "passed" : "FAILED")} | {detail} |");
}

foreach (var line in wrong)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
}

Console.WriteLine();
Console.Write(report);
if (options.Report is { } path)
{
    await File.WriteAllTextAsync(path, report.ToString());
}

if (checks.Any(c => !c.Passed))
{
    Console.Error.WriteLine("soak: FAILED; function output tail:");
    Console.Error.WriteLine(function.Tail());
    return 1;
}

return 0;

static double Percentile(double[] values, int count, double p)
{
    if (count == 0)
    {
        return double.NaN;
    }

    var sorted = values[..count];
    Array.Sort(sorted);
    var rank = (int)Math.Ceiling(p * count) - 1;
    return sorted[Math.Clamp(rank, 0, count - 1)];
}

static string LoadAverage()
{
    try
    {
        return File.ReadAllText("/proc/loadavg").Split(' ')[0];
    }
    catch (IOException)
    {
        return "n/a";
    }
}
