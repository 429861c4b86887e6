namespace LambdaKit.Soak;

/// <summary>The fixed head of benchmarks/soak-report.md: what the soak command does and how to run it.</summary>
internal static class SoakReport
{
    public const string Introduction = @"# Soak report

The soak command sends invocations one after another through a real Showcase process (`dotnet bootstrap.dll`,
framework-dependent net10.0) against LambdaKit.Testing's local Runtime API over loopback. The events are built from the
repository's own `tests/events` (HTTP API v2 `GET /hello/{name}`, S3 put, SNS notification, SQS standard batch of 3), in
turn, each made unique (path, key, message, message ids carry the invocation's number) so that every answer is checked:
the greeting, the object key, the message, and for SQS the exact `batchItemFailures` (every tenth batch has one record
that fails on purpose and must be the only one reported). Exactly-once comes from the Runtime API's own counts
(`RuntimeApiFaults.HandedOut` and `AcceptedAnswers` per request id). Memory is the function's VmRSS from `/proc` after
the first 10,000 invocations and at the end (must differ by less than 10%); at the end the process gets SIGTERM and must
exit 0. Exit code of the command: 0 when every check passed.

```bash
dotnet build samples/Showcase -c Release
dotnet run -c Release --project benchmarks/LambdaKit.Soak -- --invocations 100000 --report benchmarks/soak-report.md
# options: --invocations N (default 100,000), --checkpoint N (RSS reference; default 10,000 or N/10),
#          --function PATH (default samples/Showcase/bin/Release/net10.0/bootstrap.dll), --report PATH
```

";
}
