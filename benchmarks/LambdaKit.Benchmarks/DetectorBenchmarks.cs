using BenchmarkDotNet.Attributes;
using LambdaKit.Benchmarks.Baselines;
using LambdaKit.Events;

namespace LambdaKit.Benchmarks;

/// <summary>
/// Issue 12's check: the detector, which now knows some forty sources, against its frozen copy from before (same run), on
/// events of the sources that existed before — both the routing fast path (<c>validate: false</c>) and the validating read.
/// The events are the repository's own test events (tests/events).
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private byte[] _payload = [];

    [Params(
        "apigateway/http-api-v2-no-authorizer.json",
        "apigateway/rest-v1-proxy-request.json",
        "alb/request-single-value.json",
        "sqs/standard.json",
        "s3/put-encoded-key.json",
        "sns/notification.json",
        "kinesis/records.json",
        "dynamodb/insert-modify-remove.json",
        "eventbridge/scheduled.json",
        "eventbridge/ec2-state-change.json")]
    public string Event { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _payload = File.ReadAllBytes(Path.Combine(RepositoryRoot(), "tests", "events", Event));
        if (EventSourceDetector.Detect(_payload) != DetectorBeforeIssue12.Detect(_payload))
        {
            throw new InvalidOperationException($"{Event}: the detectors disagree.");
        }
    }

    [Benchmark(Baseline = true, Description = "before issue 12, fast path")]
    public EventSourceKind BeforeFast() => DetectorBeforeIssue12.Detect(_payload, validate: false);

    [Benchmark(Description = "now, fast path")]
    public EventSourceKind NowFast() => EventSourceDetector.Detect(_payload, validate: false);

    [Benchmark(Description = "before issue 12, validating")]
    public EventSourceKind BeforeValidating() => DetectorBeforeIssue12.Detect(_payload);

    [Benchmark(Description = "now, validating")]
    public EventSourceKind NowValidating() => EventSourceDetector.Detect(_payload);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "LambdaKit.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The benchmarks run inside the repository: LambdaKit.sln was not found above " + AppContext.BaseDirectory);
    }
}
