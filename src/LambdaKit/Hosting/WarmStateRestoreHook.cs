using LambdaKit.Warm;

namespace LambdaKit.Hosting;

/// <summary>
/// Drops a warm-state value after a SnapStart restore when its entry asks for it (<see cref="WarmStateOptions.RefreshAfterRestore"/>),
/// and builds it again at once when it is warmed up at start.
/// </summary>
internal sealed class WarmStateRestoreHook<T>(IWarmState<T> state) : ILambdaSnapshotHook
    where T : notnull
{
    public ValueTask BeforeSnapshotAsync(CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public async ValueTask AfterRestoreAsync(CancellationToken cancellationToken)
    {
        if (state is WarmState<T> { Options.RefreshAfterRestore: true } warm)
        {
            warm.Invalidate();
            if (warm.Options.WarmUpAtStart)
            {
                await warm.GetAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
