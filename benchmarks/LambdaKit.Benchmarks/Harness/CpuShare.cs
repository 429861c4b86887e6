using System.Diagnostics;
using System.Globalization;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// A Lambda-like CPU share for a measured process: a cgroup CPU quota (v1 <c>cpu.cfs_quota_us</c> or v2 <c>cpu.max</c>)
/// where the machine allows it (root, a writable cpu controller), otherwise one pinned core (affinity to CPU 0) with
/// <c>DOTNET_PROCESSOR_COUNT=1</c>. The process is moved into the cgroup right after it is spawned: it runs unthrottled
/// for the few hundred microseconds that takes (the fork/exec), the same for every app measured.
/// </summary>
internal sealed class CpuShare
{
    /// <summary>The quota's period: short, so that a share is smooth at the scale of a Native AOT start (a few ms).</summary>
    public const int PeriodMicroseconds = 10_000;

    private static readonly Dictionary<double, CpuShare> Cache = [];
    private readonly string? _procsFile;

    private CpuShare(double cores, string? procsFile, string description)
    {
        Cores = cores;
        _procsFile = procsFile;
        Description = description;
    }

    public double Cores { get; }

    /// <summary>How the share is applied (for the reports).</summary>
    public string Description { get; }

    /// <summary>The share of <paramref name="cores"/> cores; 0 or less: the whole machine.</summary>
    public static CpuShare Of(double cores)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(cores, out var share))
            {
                share = cores <= 0 ? new CpuShare(0, null, "whole machine") : Create(cores);
                Cache[cores] = share;
            }

            return share;
        }
    }

    /// <summary>Environment a process under this share gets.</summary>
    public void Apply(ProcessStartInfo start)
    {
        if (Cores > 0)
        {
            // What .NET derives from a quota below one core anyway; set so that every app sees the same.
            start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
        }
    }

    /// <summary>Moves a just-started process under the share.</summary>
    public void Enter(Process process)
    {
        if (Cores <= 0)
        {
            return;
        }

        if (_procsFile is not null)
        {
            File.WriteAllText(_procsFile, process.Id.ToString(CultureInfo.InvariantCulture));
        }
        else if (OperatingSystem.IsLinux())
        {
            process.ProcessorAffinity = 1;
        }
    }

    private static CpuShare Create(double cores)
    {
        var name = "lambdakit-bench-" + ((int)(cores * 1000)).ToString(CultureInfo.InvariantCulture);
        var quota = (int)(cores * PeriodMicroseconds);
        try
        {
            var v1 = "/sys/fs/cgroup/cpu";
            if (File.Exists(Path.Combine(v1, "cpu.cfs_quota_us")))
            {
                var dir = Path.Combine(v1, name);
                Directory.CreateDirectory(dir);
                File.WriteAllText(Path.Combine(dir, "cpu.cfs_period_us"), PeriodMicroseconds.ToString(CultureInfo.InvariantCulture));
                File.WriteAllText(Path.Combine(dir, "cpu.cfs_quota_us"), quota.ToString(CultureInfo.InvariantCulture));
                return new CpuShare(cores, Path.Combine(dir, "cgroup.procs"), $"cgroup v1 cpu.cfs_quota_us={quota} / cfs_period_us={PeriodMicroseconds} ({cores:0.##} core)");
            }

            foreach (var v2 in new[] { "/sys/fs/cgroup/unified", "/sys/fs/cgroup" })
            {
                var controllers = Path.Combine(v2, "cgroup.subtree_control");
                if (File.Exists(controllers) && File.ReadAllText(controllers).Contains("cpu", StringComparison.Ordinal))
                {
                    var dir = Path.Combine(v2, name);
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, "cpu.max"), $"{quota} {PeriodMicroseconds}");
                    return new CpuShare(cores, Path.Combine(dir, "cgroup.procs"), $"cgroup v2 cpu.max=\"{quota} {PeriodMicroseconds}\" ({cores:0.##} core)");
                }
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"No cgroup CPU quota ({exception.Message}): one pinned core instead.");
        }

        return new CpuShare(cores, null, "one pinned core (affinity CPU 0) and DOTNET_PROCESSOR_COUNT=1: no writable cgroup cpu controller");
    }
}
