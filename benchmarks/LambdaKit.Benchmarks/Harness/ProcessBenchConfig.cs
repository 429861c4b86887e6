using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Mathematics;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;

namespace LambdaKit.Benchmarks.Harness;

/// <summary>
/// One process per iteration: the monitoring strategy (no pilot, no unrolling, one invocation per iteration), no outlier
/// removal (a slow start is a start a user waits for), <c>LAMBDAKIT_BENCH_N</c> iterations (40 by default: n ≥ 30 for
/// P90/P99), median, P90, P99 and the ratios of the medians to the floor and to the empty app of the same category.
/// </summary>
internal sealed class ColdStartConfig : ManualConfig
{
    public ColdStartConfig()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("LAMBDAKIT_BENCH_N"), CultureInfo.InvariantCulture, out var n) ? n : 40;
        AddJob(Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(iterations)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithOutlierMode(Perfolizer.Mathematics.OutlierDetection.OutlierMode.DontRemove)
            // The measured code is a child process: the harness runs in BenchmarkDotNet's own process (no generated
            // project to build on a loaded machine, nothing of the harness's JIT in the measurement).
            .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
        AddColumn(StatisticColumn.Median, StatisticColumn.P90, new PercentileColumn(99), new MedianRatioColumn("floor"), new MedianRatioColumn("empty app"));
        HideColumns(StatisticColumn.Error);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared));
        SummaryStyle = SummaryStyle.Default.WithTimeUnit(TimeUnit.Millisecond);
        AddColumn(CategoriesColumn.Default);
    }
}

/// <summary>
/// The in-process suites: <c>MemoryDiagnoser</c>, run in BenchmarkDotNet's own process, and a short job when
/// <c>LAMBDAKIT_BENCH_N</c> is set (smoke tests).
/// </summary>
internal sealed class InProcessSuiteConfig : ManualConfig
{
    public InProcessSuiteConfig()
    {
        var quick = Environment.GetEnvironmentVariable("LAMBDAKIT_BENCH_N") is { Length: > 0 };
        // In process: on this loaded 2-core machine, building BenchmarkDotNet's generated project (all of LambdaKit,
        // single-threaded) takes longer than the measurements; the allocations counted are the same.
        AddJob((quick
            ? Job.Dry.WithIterationCount(3).WithWarmupCount(1).WithInvocationCount(1024).WithUnrollFactor(16)
            : Job.Default.WithLaunchCount(1).WithWarmupCount(5).WithIterationCount(15))
            .WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
        AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        AddColumn(StatisticColumn.Median);
    }
}

/// <summary>A percentile of the measurements (BenchmarkDotNet has P90 and P95 built in, not P99).</summary>
internal sealed class PercentileColumn(int percentile) : IColumn
{
    public string Id => $"P{percentile}";

    public string ColumnName => $"P{percentile}";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Time;

    public string Legend => $"Percentile {percentile}";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null)
        {
            return "NA";
        }

        var value = statistics.Percentiles.Percentile(percentile);
        return (value / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " ms";
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}

/// <summary>The median of a case divided by the median of the case named <paramref name="baseline"/> in the same category and parameters.</summary>
internal sealed class MedianRatioColumn(string baseline) : IColumn
{
    public string Id => "MedianRatio " + baseline;

    public string ColumnName => "median / " + baseline;

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Median of this row divided by the median of '{baseline}' in the same category and parameters";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var reference = summary.BenchmarksCases.FirstOrDefault(b =>
            b.Descriptor.WorkloadMethodDisplayInfo.Trim('\'') == baseline
            && b.Descriptor.Categories.SequenceEqual(benchmarkCase.Descriptor.Categories)
            && b.Parameters.DisplayInfo == benchmarkCase.Parameters.DisplayInfo);
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = reference is null ? null : summary[reference]?.ResultStatistics;
        return mine is null || theirs is null || theirs.Median <= 0
            ? "NA"
            : (mine.Median / theirs.Median).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
