namespace LambdaKit.Hosting;

/// <summary>
/// What <see cref="LambdaApplication.HostInProcess"/> installed on an asynchronous flow: a last configuration step for
/// <see cref="LambdaApplicationBuilder.Build"/> and what <see cref="LambdaApplication.RunAsync"/> runs instead of the loop.
/// </summary>
internal sealed class InProcessHost(Func<LambdaApplication, CancellationToken, Task> run, Action<LambdaApplicationBuilder>? configure)
{
    private static readonly AsyncLocal<InProcessHost?> CurrentHost = new();

    public static InProcessHost? Current
    {
        get => CurrentHost.Value;
        set => CurrentHost.Value = value;
    }

    public Func<LambdaApplication, CancellationToken, Task> Run { get; } = run;

    public Action<LambdaApplicationBuilder>? Configure { get; } = configure;

    /// <summary>Restores the host that was current before, on the flow that disposes it.</summary>
    public sealed class Scope(InProcessHost? previous) : IDisposable
    {
        public void Dispose() => Current = previous;
    }
}
