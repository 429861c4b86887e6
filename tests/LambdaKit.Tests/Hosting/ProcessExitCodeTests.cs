namespace LambdaKit.Tests.Hosting;

/// <summary>
/// Tests that make the application set <see cref="Environment.ExitCode"/> (an init failure sets it to 1) and reset it:
/// it is one value for the whole test process, so these classes never run at the same time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ProcessExitCodeTests
{
    public const string Name = "Environment.ExitCode";
}
