using BenchmarkDotNet.Running;

// Run all suites:   dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- --filter '*'
// Run one suite:    dotnet run -c Release --project benchmarks/LambdaKit.Benchmarks -- --filter '*Deadline*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
