using BenchmarkDotNet.Running;
using LambdaKit.Benchmarks.Harness;

// Run all suites:   dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- --filter '*'
// Run one suite:    dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- --filter '*Deadline*'
// Process runners (publish first: bash benchmarks/cold-start.sh --publish-only):
//   warm       warm invocations through the loopback Runtime API: throughput, CPU per invocation, peak RSS
//   levers     cold-start lever experiments, one interleaved run
//   breakdown  start-up breakdown from strace timestamps (benchmarks/startup-breakdown.md)
//   profile    where a warm invocation's CPU goes (perf record, buckets by symbol)
return args.FirstOrDefault() switch
{
    "warm" => WarmRunner.Run(args[1..]),
    "levers" => LeverRunner.Run(args[1..]),
    "breakdown" => BreakdownRunner.Run(args[1..]),
    "profile" => ProfileRunner.Run(args[1..]),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
