using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>Statistics, /proc readings and report files shared by the process runners.</summary>
internal static class Measure
{
    private static readonly long ClockTicksPerSecond = 100;

    public static double Median(IReadOnlyCollection<double> values) => Percentile(values, 50);

    /// <summary>The percentile with linear interpolation between the closest ranks (as BenchmarkDotNet computes it).</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var rank = percentile / 100 * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + ((sorted[high] - sorted[low]) * (rank - low));
    }

    public static double Milliseconds(long fromTimestamp, long toTimestamp) => Stopwatch.GetElapsedTime(fromTimestamp, toTimestamp).TotalMilliseconds;

    /// <summary>User + system CPU time of a process and all its threads, dead or alive (/proc/PID/stat, 10 ms ticks).</summary>
    public static TimeSpan ProcessCpu(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // After "pid (comm) ": state is field 3, utime field 14, stime field 15.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / ClockTicksPerSecond);
    }

    /// <summary>A field of /proc/PID/status in KiB (VmHWM: peak resident set; VmRSS: now).</summary>
    public static long StatusKib(int pid, string field)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return -1;
    }

    /// <summary>The machine's state, for the head of a report.</summary>
    public static string MachineLine()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        return $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} logical cores, load average (1/5/15 min, runnable/total, last pid) {load}, .NET {Environment.Version} harness";
    }

    /// <summary>Writes a report next to BenchmarkDotNet's (<c>BenchmarkDotNet.Artifacts/results</c>) and returns its path.</summary>
    public static string WriteReport(string name, string markdown)
    {
        var dir = Path.Combine(Environment.CurrentDirectory, "BenchmarkDotNet.Artifacts", "results");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"LambdaKit.Benchmarks.{name}-report-github.md");
        File.WriteAllText(path, markdown);
        Console.WriteLine(markdown);
        Console.WriteLine($"Report: {path}");
        return path;
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms";

    public static string Ratio(double value) => double.IsNaN(value) ? "—" : value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Num(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>--name value</c> from the arguments.</summary>
    public static string? Option(string[] args, string name, string? fallback = null)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }

    public static StringBuilder Line(this StringBuilder builder, string text) => builder.Append(text).Append('\n');
}
