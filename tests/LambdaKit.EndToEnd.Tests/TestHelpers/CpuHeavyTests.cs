namespace LambdaKit.EndToEnd.Tests.TestHelpers;

/// <summary>
/// Tests that load every core (a Native AOT publish) run alone, after the parallel ones, so that they do not starve
/// the deadline-sensitive tests of CPU.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CpuHeavyTests
{
    public const string Name = "Serial (CPU-heavy)";
}
